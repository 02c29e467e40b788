package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the coordinator writes for an alert or an update of one; fields are nullable so
 * that a missing one is named, not a failure to build the draft.
 *
 * @param level how serious
 * @param audiences who it is for
 * @param ladCodes the affected local authority districts
 * @param substanceCodes the substances involved (vocabulary codes)
 * @param headline one line
 * @param lookOutFor what to look out for
 * @param publicAdvice what the public should do, in plain language (needed when the
 * public is an audience)
 * @param professionalAdvice what professionals should do, with clinical detail (needed
 * for professionals)
 * @param expiresAt when it stops being current
 * @param reviewAt when the coordinator reviews it (at or before it expires)
 * @param exercise an exercise or test: marked everywhere, never public (only on a new
 * alert)
 * @param note why an update is issued (updates only)
 * @param shortText the text of the SMS, at most one text message with its link (see
 * {@link AlertManagement#shortTextRoom}); the headline when empty
 */
public record AlertDraft(@Nullable AlertLevel level, Set<Audience> audiences, List<String> ladCodes,
		List<String> substanceCodes, @Nullable String headline, @Nullable String lookOutFor,
		@Nullable String publicAdvice, @Nullable String professionalAdvice, @Nullable Instant expiresAt,
		@Nullable Instant reviewAt, boolean exercise, @Nullable String note, @Nullable String shortText) {

	public AlertDraft {
		audiences = Set.copyOf(audiences);
		ladCodes = List.copyOf(ladCodes);
		substanceCodes = List.copyOf(substanceCodes);
	}

	/** The same draft, marked an exercise or not. */
	public AlertDraft withExercise(boolean exercise) {
		return new AlertDraft(level, audiences, ladCodes, substanceCodes, headline, lookOutFor, publicAdvice,
				professionalAdvice, expiresAt, reviewAt, exercise, note, shortText);
	}

	/** A draft without a short text: its SMS says the headline. */
	public AlertDraft(@Nullable AlertLevel level, Set<Audience> audiences, List<String> ladCodes,
			List<String> substanceCodes, @Nullable String headline, @Nullable String lookOutFor,
			@Nullable String publicAdvice, @Nullable String professionalAdvice, @Nullable Instant expiresAt,
			@Nullable Instant reviewAt, boolean exercise, @Nullable String note) {
		this(level, audiences, ladCodes, substanceCodes, headline, lookOutFor, publicAdvice, professionalAdvice,
				expiresAt, reviewAt, exercise, note, null);
	}

}
