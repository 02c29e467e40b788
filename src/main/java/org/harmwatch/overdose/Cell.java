package org.harmwatch.overdose;

import org.jspecify.annotations.Nullable;

/**
 * One published count with its rate per 100,000 people and the rate's 95 % confidence
 * interval; all null when the count is suppressed (under 5) or the population is not
 * known.
 *
 * @param count the number of incidents; null when suppressed
 * @param suppressed whether it is withheld, because it is under 5 or would give away one
 * that is
 */
public record Cell(@Nullable Integer count, @Nullable Double rate, @Nullable Double lower, @Nullable Double upper,
		boolean suppressed) {

	public static Cell withheld() {
		return new Cell(null, null, null, null, true);
	}

}
