package org.harmwatch.programme;

/**
 * Something a funded service produced, as the module that delivers it reports it: one
 * drug test, assessment, referral, treatment start, diversion contract, first dose of
 * heroin assisted treatment or supervised consumption.
 */
public enum ServiceOutput {

	DRUG_TEST, POSITIVE_TEST, ASSESSMENT, TREATMENT_REFERRAL, TREATMENT_START, CONTRACT_STARTED, CONTRACT_COMPLETED,
	HAT_START, SUPERVISED_CONSUMPTION

}
