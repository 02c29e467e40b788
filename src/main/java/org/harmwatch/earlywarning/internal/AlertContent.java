package org.harmwatch.earlywarning.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.Audience;
import org.jspecify.annotations.Nullable;

/**
 * What one alert message says, checked and ready to be drafted: advice already carries
 * its naloxone wording.
 *
 * @param level how serious
 * @param audiences who it is for
 * @param ladCodes the affected districts, each once
 * @param substanceCodes the substances involved, each once
 * @param headline one line
 * @param lookOutFor what to look out for
 * @param publicAdvice advice for the public, when the public is an audience
 * @param professionalAdvice advice for professionals, when they are an audience
 * @param note why an update or cancellation is issued
 * @param expiresAt when it stops being current
 * @param reviewAt when it is to be reviewed
 * @param shortText the coordinator's short text for SMS, if written
 * @param smsText the SMS text as drafted (rewritten when issued)
 */
record AlertContent(AlertLevel level, Set<Audience> audiences, List<String> ladCodes, List<String> substanceCodes,
		String headline, String lookOutFor, @Nullable String publicAdvice, @Nullable String professionalAdvice,
		@Nullable String note, Instant expiresAt, Instant reviewAt, @Nullable String shortText, String smsText) {

	AlertContent {
		audiences = Set.copyOf(audiences);
		ladCodes = List.copyOf(ladCodes);
		substanceCodes = List.copyOf(substanceCodes);
	}

}
