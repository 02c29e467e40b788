package org.harmwatch.programme;

/** Where a funding stream's money comes from. */
public enum FundingStreamKind {

	PCC_GRANT, PUBLIC_HEALTH_GRANT, COMMUNITY_SAFETY_PARTNERSHIP, PROCEEDS_OF_CRIME, DRUG_STRATEGY_GRANT, NHS, OTHER

}
