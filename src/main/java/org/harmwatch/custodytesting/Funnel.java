package org.harmwatch.custodytesting;

import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Arrests for trigger offences through to treatment, per custody suite and month of
 * arrest, with each stage's share of the one before and its Wilson 95 % interval.
 *
 * @param from the first month
 * @param to the last month
 * @param suppressed whether counts under {@link #THRESHOLD} are withheld (for anyone not
 * entitled to the records)
 * @param rows one per suite and month with any arrest
 * @param total all suites and months together
 */
public record Funnel(YearMonth from, YearMonth to, boolean suppressed, List<Row> rows, Row total) {

	/** Counts under this are withheld from anyone not entitled to the records. */
	public static final int THRESHOLD = 5;

	public Funnel {
		rows = List.copyOf(rows);
	}

	/** A suite's month ({@code suite} and {@code month} null for the total). */
	public record Row(@Nullable CustodySuite suite, @Nullable YearMonth month, List<Stage> stages) {

		public Row {
			stages = List.copyOf(stages);
		}

	}

	/**
	 * One stage: its count ({@code null} when withheld) and its share of the stage before
	 * ({@code null} for the first, or when either count is withheld or the one before is
	 * zero).
	 */
	public record Stage(FunnelStage stage, @Nullable Long count, @Nullable Rate rate) {

	}

	/** A share with its Wilson score 95 % interval. */
	public record Rate(double share, double low, double high) {

	}

}
