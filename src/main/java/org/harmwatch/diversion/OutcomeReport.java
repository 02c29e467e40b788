package org.harmwatch.diversion;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Outcomes per arm: reconviction and rearrest at 12 and 24 months (each rate with its
 * window and Wilson interval), victims satisfied, court cases and cost per case.
 */
public record OutcomeReport(List<Rate> rates, List<ArmCosts> costs) {

	/** The measures the report has a rate for. */
	public static final List<String> MEASURES = List.of("reconvicted", "rearrested");

	/** The follow-up windows, in months. */
	public static final List<Integer> WINDOWS = List.of(12, 24);

	/**
	 * What an arm cost: its cases, those that went to court, court cases avoided
	 * (diverted and never prosecuted), and the cost per case in pounds (contracts and
	 * court cases at the schemes' costs).
	 */
	public record ArmCosts(Arm arm, long cases, long courtCases, long courtCasesAvoided, long costPounds) {

		/** Cost per case in whole pounds, or null when there are no cases. */
		public @Nullable Long costPerCase() {
			return cases == 0 ? null : Math.round((double) costPounds / cases);
		}

	}

	/**
	 * The rate of a measure for an arm and window (window 0: satisfaction, which has
	 * none).
	 */
	public Optional<Rate> rate(String measure, Arm arm, int window) {
		return rates.stream()
			.filter(r -> r.measure().equals(measure) && r.arm() == arm && r.windowMonths() == window)
			.findFirst();
	}

}
