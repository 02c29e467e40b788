package org.harmwatch.programme;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of service the programme funds, each with the output it is paid to produce
 * and the outcome that output is for; cost per output and per outcome are computed from
 * them, never typed in.
 */
public enum FundedServiceKind {

	/** Drug testing on arrest: tests, leading to treatment starts. */
	CUSTODY_TESTING(ServiceOutput.DRUG_TEST, ServiceOutput.TREATMENT_START, true),
	/** Criminal-justice liaison and required-assessment workers. */
	CRIMINAL_JUSTICE_LIAISON(ServiceOutput.ASSESSMENT, ServiceOutput.TREATMENT_START, true),
	/** Treatment places for people referred from the criminal-justice system. */
	TREATMENT_PLACES(ServiceOutput.TREATMENT_START, null, true),
	/** Diversion navigators: contracts started, completed. */
	DIVERSION_NAVIGATORS(ServiceOutput.CONTRACT_STARTED, ServiceOutput.CONTRACT_COMPLETED, true),
	/** Heroin assisted treatment: patients started. */
	HEROIN_ASSISTED_TREATMENT(ServiceOutput.HAT_START, null, false),
	/** A drug consumption room: supervised consumptions. */
	CONSUMPTION_ROOM(ServiceOutput.SUPERVISED_CONSUMPTION, null, false),
	/** Anything else: funded, but its outputs are not recorded in Harmwatch. */
	OTHER(null, null, false);

	private final @Nullable ServiceOutput output;

	private final @Nullable ServiceOutput outcome;

	private final boolean core;

	FundedServiceKind(@Nullable ServiceOutput output, @Nullable ServiceOutput outcome, boolean core) {
		this.output = output;
		this.outcome = outcome;
		this.core = core;
	}

	/** The output the service is paid to produce, if Harmwatch records it. */
	public @Nullable ServiceOutput output() {
		return output;
	}

	/** The outcome its output leads to, if Harmwatch records it. */
	public @Nullable ServiceOutput outcome() {
		return outcome;
	}

	/**
	 * Whether every district is expected to fund it (recommendation 1: testing on arrest,
	 * assessment, treatment places and diversion everywhere); a district without one has
	 * a gap.
	 */
	public boolean core() {
		return core;
	}

}
