package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A new signal was opened by a report or another module's event.
 *
 * @param signalId the signal
 * @param substanceCode its substance, if it has one
 * @param substanceClass its substance class, if known
 * @param ladCode its local authority district
 * @param urgency the urgency the rules gave it
 * @param rules the rules that fired
 * @param openedAt when it was opened
 */
@NamedInterface("events")
public record SignalOpened(UUID signalId, @Nullable String substanceCode, @Nullable String substanceClass,
		String ladCode, Urgency urgency, List<String> rules, Instant openedAt) {

}
