package org.harmwatch.hatclinic;

import org.jspecify.annotations.Nullable;

/**
 * Recorded offences (police data, through the pseudonymised link) per cohort: in the
 * months before the month of enrolment against the same number of months after it. A
 * cohort of fewer than five linked people shows nothing; a count from 1 to 4 is withheld
 * ({@code null}), and the change is shown only when both counts are.
 *
 * @param months the months counted on each side
 */
public record RecordedCrimeCohort(String cohort, int months, boolean suppressed, @Nullable Integer people,
		@Nullable Integer offencesBefore, @Nullable Integer offencesAfter) {

	/** The fall from before to after, when both counts are shown. */
	public @Nullable Integer fall() {
		return offencesBefore == null || offencesAfter == null ? null : offencesBefore - offencesAfter;
	}

}
