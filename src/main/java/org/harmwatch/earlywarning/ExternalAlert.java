package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An alert another region published as CAP, polled from its feed. It is evidence for the
 * coordinator and the panel, never re-broadcast: nothing here reaches Harmwatch's own
 * subscribers or public pages.
 *
 * @param id Harmwatch's id for it
 * @param feed the configured feed it came from
 * @param sender CAP sender
 * @param identifier CAP identifier (unique per sender)
 * @param sent CAP sent
 * @param status CAP status (Actual, Exercise, Test…)
 * @param messageType CAP msgType (Alert, Update, Cancel…)
 * @param references CAP references, as written (earlier messages this one changes)
 * @param event CAP info/event
 * @param headline CAP info/headline
 * @param description CAP info/description
 * @param instruction CAP info/instruction
 * @param severity CAP info/severity
 * @param urgency CAP info/urgency
 * @param certainty CAP info/certainty
 * @param expires CAP info/expires
 * @param web CAP info/web
 * @param areas the areas' descriptions
 * @param gssCodes ONS GSS geocodes of its areas, where it gives them
 * @param receivedAt when Harmwatch first stored it
 * @param reviewedAt when the coordinator reviewed it
 * @param reviewedBy who did
 * @param reviewNote what they concluded
 */
public record ExternalAlert(UUID id, String feed, String sender, String identifier, Instant sent, String status,
		String messageType, @Nullable String references, @Nullable String event, @Nullable String headline,
		@Nullable String description, @Nullable String instruction, @Nullable String severity, @Nullable String urgency,
		@Nullable String certainty, @Nullable Instant expires, @Nullable String web, List<String> areas,
		List<String> gssCodes, Instant receivedAt, @Nullable Instant reviewedAt, @Nullable String reviewedBy,
		@Nullable String reviewNote) {

	public ExternalAlert {
		areas = List.copyOf(areas);
		gssCodes = List.copyOf(gssCodes);
	}

	/** Whether it is a real alert rather than an exercise, test or draft. */
	public boolean actual() {
		return "Actual".equals(status);
	}

	/** One page of external alerts, newest first. */
	public record Page(List<ExternalAlert> alerts, int page, int pages, long total) {
	}

	/**
	 * How a configured feed is doing.
	 *
	 * @param feed its name
	 * @param url where it is polled
	 * @param lastPolledAt the last attempt
	 * @param lastSuccessAt the last attempt that read the feed
	 * @param lastError what went wrong on the last attempt, if it failed
	 * @param alerts how many of its alerts are stored
	 */
	public record FeedStatus(String feed, String url, @Nullable Instant lastPolledAt, @Nullable Instant lastSuccessAt,
			@Nullable String lastError, long alerts) {
	}

}
