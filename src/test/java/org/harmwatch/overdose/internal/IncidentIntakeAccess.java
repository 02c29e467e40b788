package org.harmwatch.overdose.internal;

/** What the overdose module's tests outside this package need to know of the intake. */
public final class IncidentIntakeAccess {

	private IncidentIntakeAccess() {
	}

	/** Incidents stored together by {@link IncidentIntake#recordAll}. */
	public static int batch() {
		return IncidentIntake.BATCH;
	}

}
