package org.harmwatch.custodytesting;

/** The stages from arrest to treatment, in order. */
public enum FunnelStage {

	/** Arrests for a trigger offence. */
	ARRESTED,

	/** Of those, tested with a result. */
	TESTED,

	/** Of those, positive for cocaine or opiates. */
	POSITIVE,

	/** Of those, the initial assessment attended. */
	ASSESSED,

	/** Of those, referred to a treatment team. */
	REFERRED,

	/** Of those, treatment started. */
	IN_TREATMENT

}
