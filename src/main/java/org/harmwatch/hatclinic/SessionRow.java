package org.harmwatch.hatclinic;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One patient on the clinic session screen: the range in force, the suggested dose, and
 * the dose if already recorded.
 */
public record SessionRow(UUID enrolmentId, String clientCode, @Nullable Prescription prescription,
		@Nullable Integer suggestedMg, @Nullable Dose recorded, boolean underReview) {
}
