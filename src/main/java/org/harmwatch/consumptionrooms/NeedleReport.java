package org.harmwatch.consumptionrooms;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A needle report as its council sees it.
 *
 * @param id the report's id
 * @param reference the public reference (Open311's {@code service_request_id})
 * @param channel how it came in
 * @param ownerAgency the council that answers for it, if one is set for its district
 * @param lat latitude of the pin
 * @param lon longitude of the pin
 * @param ladCode the district it lies in
 * @param description what the reporter saw
 * @param mediaUrl a link to a photo elsewhere
 * @param hasPhoto whether a photo was uploaded with it
 * @param status where it stands
 * @param statusNotes what the last sweep said
 * @param reportedAt when it was reported
 * @param dueAt when the council's service level runs out, if a council is set
 * @param closedAt when a sweep closed it
 * @param updatedAt when it last changed
 * @param needles needles collected from it
 * @param breached whether it was not answered within the service level
 */
public record NeedleReport(UUID id, long reference, NeedleChannel channel, @Nullable String ownerAgency,
		@Nullable Double lat, @Nullable Double lon, @Nullable String ladCode, @Nullable String description,
		@Nullable String mediaUrl, boolean hasPhoto, NeedleStatus status, @Nullable String statusNotes,
		Instant reportedAt, @Nullable Instant dueAt, @Nullable Instant closedAt, Instant updatedAt, int needles,
		boolean breached) {

}
