package org.harmwatch.diversion;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Outcomes per arm as published: reconviction and rearrest at 12 and 24 months (each rate
 * with its window and Wilson interval), victims satisfied, court cases and cost per case;
 * every count from 1 to 4 withheld ({@code null}), and every count, rate or cost that
 * would give one away.
 */
public record OutcomeReport(List<RateRow> rates, List<ArmCosts> costs) {

	/** The measures the report has a rate for. */
	public static final List<String> MEASURES = List.of("reconvicted", "rearrested");

	/** The follow-up windows, in months. */
	public static final List<Integer> WINDOWS = List.of(12, 24);

	/**
	 * A measure for an arm and window (window 0: satisfaction, which has none).
	 *
	 * @param events how many had the event; null when withheld: from 1 to 4, or so few
	 * did not that it would give that away
	 * @param n how many were followed up; null when withheld: from 1 to 4, or so few of
	 * the arm's cases were not that it would give that away
	 * @param rate the rate with its interval; null whenever the events are withheld
	 */
	public record RateRow(String measure, Arm arm, int windowMonths, @Nullable Long events, @Nullable Long n,
			@Nullable Rate rate) {

		/** Whether the rate is withheld. */
		public boolean withheld() {
			return rate == null;
		}

	}

	/**
	 * What an arm cost: its cases, those that went to court, court cases avoided
	 * (diverted and never prosecuted), and the cost per case in whole pounds (contracts
	 * and court cases at the schemes' costs); each null when withheld, the cost per case
	 * whenever a count it rests on is.
	 */
	public record ArmCosts(Arm arm, @Nullable Long cases, @Nullable Long courtCases, @Nullable Long courtCasesAvoided,
			@Nullable Long costPerCase) {
	}

	/** The row of a measure for an arm and window (window 0: satisfaction). */
	public Optional<RateRow> row(String measure, Arm arm, int window) {
		return rates.stream()
			.filter(r -> r.measure().equals(measure) && r.arm() == arm && r.windowMonths() == window)
			.findFirst();
	}

	/**
	 * The rate of a measure for an arm and window (window 0: satisfaction), when it is
	 * not withheld.
	 */
	public Optional<Rate> rate(String measure, Arm arm, int window) {
		return row(measure, arm, window).map(RateRow::rate);
	}

}
