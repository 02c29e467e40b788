package org.harmwatch.earlywarning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A validated (or graded) signal's round of panel grading, as of a moment.
 *
 * @param signal the signal
 * @param openedAt when grading opened: when the coordinator validated the signal
 * @param deadline when grading is due, by the signal's urgency
 * @param remindAt when members who have not graded are reminded
 * @param quorum grades needed before the outcome may be recorded
 * @param grades the grades so far, earliest first
 * @param members who may grade (holders of {@code EARLY_WARNING:APPROVE})
 * @param reminded members reminded so far
 * @param escalatedTo the out-of-hours lead, once the deadline passed without a quorum and
 * they were told
 * @param escalatedAt when they were told
 * @param defaultOutcome the outcome the coordinator is offered: the most common
 * recommendation (on a tie, the one with more action); {@code null} before any grade
 * @param gradedBy who recorded the outcome, once recorded
 * @param now the moment this describes
 */
public record PanelRound(SignalView signal, Instant openedAt, Instant deadline, Instant remindAt, int quorum,
		List<PanelGrade> grades, List<String> members, List<String> reminded, @Nullable String escalatedTo,
		@Nullable Instant escalatedAt, @Nullable PanelOutcome defaultOutcome, @Nullable String gradedBy, Instant now) {

	/** Whether members may still grade: the outcome is not yet recorded. */
	public boolean open() {
		return signal.status() == SignalStatus.VALIDATED;
	}

	public boolean quorumReached() {
		return grades.size() >= quorum;
	}

	/** Whether the deadline passed while grading was open without a quorum. */
	public boolean overdue() {
		return open() && !quorumReached() && !now.isBefore(deadline);
	}

	/** Time left to the deadline; zero or negative when it has passed. */
	public Duration remaining() {
		return Duration.between(now, deadline);
	}

	/** The time left (or overdue) in words, e.g. "3 hours 20 minutes". */
	public String remainingText() {
		var left = remaining().abs();
		long days = left.toDays();
		long hours = left.toHoursPart();
		long minutes = left.toMinutesPart();
		var text = new StringBuilder();
		if (days > 0) {
			text.append(days).append(days == 1 ? " day " : " days ");
		}
		if (hours > 0 || days > 0) {
			text.append(hours).append(hours == 1 ? " hour " : " hours ");
		}
		if (days == 0) {
			text.append(minutes).append(minutes == 1 ? " minute" : " minutes");
		}
		return text.toString().strip();
	}

	/** A member's grade, if they have graded. */
	public Optional<PanelGrade> gradeOf(String username) {
		return grades.stream().filter(g -> g.username().equals(username)).findFirst();
	}

	/** Members who have not graded yet. */
	public List<String> waitingFor() {
		return members.stream().filter(m -> gradeOf(m).isEmpty()).toList();
	}

}
