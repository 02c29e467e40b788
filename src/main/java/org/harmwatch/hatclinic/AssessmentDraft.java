package org.harmwatch.hatclinic;

import org.jspecify.annotations.Nullable;

/**
 * An assessment against the documented criteria, with the decision and its reason.
 */
public record AssessmentDraft(int dependenceYears, int failedOralEpisodes, int age, boolean attendsTwiceDaily,
		Decision decision, @Nullable String reason) {
}
