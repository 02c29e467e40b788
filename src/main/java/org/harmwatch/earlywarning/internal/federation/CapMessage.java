package org.harmwatch.earlywarning.internal.federation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The parts of a CAP 1.2 message that the coordinator reads: the message header and its
 * first (English, if there is one) {@code info} block, with every area's description and
 * ONS GSS geocodes.
 */
record CapMessage(String identifier, String sender, Instant sent, String status, String messageType,
		@Nullable String references, @Nullable String event, @Nullable String headline, @Nullable String description,
		@Nullable String instruction, @Nullable String severity, @Nullable String urgency, @Nullable String certainty,
		@Nullable Instant expires, @Nullable String web, List<String> areas, List<String> gssCodes, String xml) {
}
