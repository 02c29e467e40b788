package org.harmwatch.naloxone;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The programme's naloxone figures over a period, counted from recorded data: people
 * trained, administrations after which the person survived ("lives saved"), and kits
 * supplied to people, in all and at each point of risk.
 *
 * @param from the first day counted
 * @param to the last day counted
 * @param holderName the holder the supplies are counted for, or {@code null} for all
 * @param peopleTrained people trained
 * @param administrations naloxone given at overdoses (each administration once)
 * @param livesSaved administrations after which the person survived
 * @param kitsSupplied kits supplied to people
 * @param kitsByReleasePoint kits supplied at each point of risk
 */
public record Figures(LocalDate from, LocalDate to, @Nullable String holderName, long peopleTrained,
		long administrations, long livesSaved, long kitsSupplied, Map<ReleasePoint, Long> kitsByReleasePoint) {

	public Figures {
		kitsByReleasePoint = Map.copyOf(kitsByReleasePoint);
	}

}
