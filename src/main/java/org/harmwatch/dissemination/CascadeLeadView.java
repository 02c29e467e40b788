package org.harmwatch.dissemination;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An agency's named cascade lead, who receives every alert to professionals, must
 * acknowledge it and passes it on inside the agency; and the deputy who receives it when
 * the lead has not acknowledged in time. A name is {@code null} when that person is no
 * longer active staff.
 */
public record CascadeLeadView(String agencyCode, String agencyName, UUID leadId, @Nullable String leadName,
		@Nullable UUID deputyId, @Nullable String deputyName, String namedBy, Instant namedAt) {
}
