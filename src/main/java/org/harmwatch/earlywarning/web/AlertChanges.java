package org.harmwatch.earlywarning.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.earlywarning.AlertView;
import org.jspecify.annotations.Nullable;

/**
 * What an update changed since the version before it, computed from the two issued
 * messages: the level, the areas and substances added and removed, and whether what to
 * look out for and the advice were rewritten.
 *
 * @param since the version compared with
 * @param levelBefore the level before, when the level changed
 * @param levelNow the level now, when the level changed
 * @param areasAdded names of areas added
 * @param areasRemoved names of areas no longer affected
 * @param substancesAdded names of substances added
 * @param substancesRemoved names of substances no longer named
 * @param lookOutForChanged what to look out for was rewritten
 * @param publicAdviceChanged the advice for the public was rewritten
 * @param professionalAdviceChanged the advice for professionals was rewritten
 * @param note the coordinator's reason for the update, if given
 */
record AlertChanges(int since, @Nullable AlertLevel levelBefore, @Nullable AlertLevel levelNow, List<String> areasAdded,
		List<String> areasRemoved, List<String> substancesAdded, List<String> substancesRemoved,
		boolean lookOutForChanged, boolean publicAdviceChanged, boolean professionalAdviceChanged,
		@Nullable String note) {

	/**
	 * The changes of an update over the version before it, or {@code null} when the
	 * latest message is not an update (a first alert or a cancellation).
	 */
	static @Nullable AlertChanges of(AlertView alert) {
		var issued = alert.issuedMessages();
		if (issued.size() < 2 || issued.getFirst().messageType() != AlertMessageType.UPDATE) {
			return null;
		}
		return between(issued.get(1), issued.getFirst());
	}

	/** What changed from {@code before} to {@code now}. */
	static AlertChanges between(AlertView.Message before, AlertView.Message now) {
		boolean level = before.level() != now.level();
		var areasBefore = before.areas().stream().map(AlertView.Area::name).toList();
		var areasNow = now.areas().stream().map(AlertView.Area::name).toList();
		var substancesBefore = before.substances().stream().map(AlertView.Substance::name).toList();
		var substancesNow = now.substances().stream().map(AlertView.Substance::name).toList();
		return new AlertChanges(Objects.requireNonNullElse(before.version(), 0), level ? before.level() : null,
				level ? now.level() : null, minus(areasNow, areasBefore), minus(areasBefore, areasNow),
				minus(substancesNow, substancesBefore), minus(substancesBefore, substancesNow),
				!same(before.lookOutFor(), now.lookOutFor()), !same(before.publicAdvice(), now.publicAdvice()),
				!same(before.professionalAdvice(), now.professionalAdvice()), now.note());
	}

	/** Nothing a reader would notice changed (only dates or wording elsewhere). */
	public boolean isEmpty() {
		return levelBefore == null && areasAdded.isEmpty() && areasRemoved.isEmpty() && substancesAdded.isEmpty()
				&& substancesRemoved.isEmpty() && !lookOutForChanged && !publicAdviceChanged
				&& !professionalAdviceChanged;
	}

	private static List<String> minus(List<String> these, List<String> those) {
		var left = new ArrayList<>(these);
		left.removeAll(those);
		return List.copyOf(left);
	}

	private static boolean same(@Nullable String a, @Nullable String b) {
		return Objects.equals(a == null ? null : a.strip(), b == null ? null : b.strip());
	}

}
