package org.harmwatch.earlywarning.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.harmwatch.earlywarning.Urgency;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the expert panel grades a validated signal.
 *
 * @param deadlines how long the panel has to grade, by the signal's urgency, from
 * validation
 * @param quorum grades needed before the coordinator may record the outcome
 * @param remindAt the fraction of the time to the deadline after which members who have
 * not graded are reminded
 * @param escalateTo the username of the out-of-hours lead, told when the deadline passes
 * without a quorum
 * @param corroborationWindow how far before a signal's latest evidence corroborating
 * evidence is looked for
 */
@ConfigurationProperties("harmwatch.early-warning.panel")
public record PanelProperties(@Nullable Map<Urgency, Duration> deadlines, @Nullable Integer quorum,
		@Nullable Double remindAt, @Nullable String escalateTo, @Nullable Duration corroborationWindow) {

	public PanelProperties {
		var all = new EnumMap<Urgency, Duration>(Map.of(Urgency.URGENT, Duration.ofHours(4), Urgency.HIGH,
				Duration.ofHours(24), Urgency.ROUTINE, Duration.ofHours(72)));
		if (deadlines != null) {
			all.putAll(deadlines);
		}
		deadlines = Map.copyOf(all);
		quorum = quorum == null ? 2 : quorum;
		if (quorum < 1) {
			throw new IllegalArgumentException("harmwatch.early-warning.panel.quorum must be at least 1");
		}
		remindAt = remindAt == null ? 0.5 : remindAt;
		if (remindAt <= 0 || remindAt >= 1) {
			throw new IllegalArgumentException("harmwatch.early-warning.panel.remind-at must be between 0 and 1");
		}
		escalateTo = escalateTo == null || escalateTo.isBlank() ? "coordinator" : escalateTo.strip();
		corroborationWindow = corroborationWindow == null ? Duration.ofDays(30) : corroborationWindow;
	}

	/** The time the panel has for a signal of this urgency. */
	public Duration deadline(Urgency urgency) {
		return deadlines().get(urgency);
	}

	/** When, after validation, members who have not graded are reminded. */
	public Duration reminder(Urgency urgency) {
		return Duration.ofMillis(Math.round(deadline(urgency).toMillis() * remindAt()));
	}

}
