package org.harmwatch.consumptionrooms;

import org.jspecify.annotations.Nullable;

/**
 * A needle report as sent: where, what was seen, and an optional photo or media link.
 *
 * @param lat latitude of the pin
 * @param lon longitude of the pin
 * @param description what the reporter saw, if they said
 * @param photo the photo's bytes, as uploaded (re-encoded before it is kept)
 * @param mediaUrl a public link to a photo elsewhere (Open311's {@code media_url})
 * @param channel how it came in
 */
public record NeedleReportDraft(@Nullable Double lat, @Nullable Double lon, @Nullable String description,
		byte @Nullable [] photo, @Nullable String mediaUrl, NeedleChannel channel) {

}
