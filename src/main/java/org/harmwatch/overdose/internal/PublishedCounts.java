package org.harmwatch.overdose.internal;

import java.util.List;
import java.util.OptionalLong;

import org.harmwatch.overdose.AreaMonthTable;
import org.harmwatch.overdose.Cell;

/**
 * How a table of counts is published: counts under {@link AreaMonthTable#THRESHOLD}
 * withheld (zero included, so that a blank never means "none"), and a total withheld
 * whenever any count it adds up is, so that no total minus the published counts gives a
 * withheld one away. Rates are per 100,000 people with a 95 % interval by Byar's method
 * (as the Office for Health Improvement and Disparities' Fingertips uses for counts).
 */
public final class PublishedCounts {

	/** The normal quantile of a two-sided 95 % interval. */
	static final double Z = 1.959963984540054;

	private PublishedCounts() {
	}

	/** A count as published, with its rate per 100,000 of the population. */
	public static Cell cell(long count, OptionalLong population) {
		if (count < AreaMonthTable.THRESHOLD) {
			return Cell.withheld();
		}
		if (population.isEmpty() || population.getAsLong() <= 0) {
			return new Cell((int) count, null, null, null, false);
		}
		double per = 100_000.0 / population.getAsLong();
		return new Cell((int) count, count * per, lower(count) * per, upper(count) * per, false);
	}

	/** A total of counts as published: withheld when any of its parts is. */
	public static Cell total(List<Cell> parts, long count, OptionalLong population) {
		return parts.stream().anyMatch(Cell::suppressed) ? Cell.withheld() : cell(count, population);
	}

	/** Byar's lower 95 % limit of a Poisson count. */
	public static double lower(long count) {
		if (count == 0) {
			return 0;
		}
		double k = count;
		return k * Math.pow(1 - 1 / (9 * k) - Z / (3 * Math.sqrt(k)), 3);
	}

	/** Byar's upper 95 % limit of a Poisson count. */
	public static double upper(long count) {
		double k = count + 1.0;
		return k * Math.pow(1 - 1 / (9 * k) + Z / (3 * Math.sqrt(k)), 3);
	}

}
