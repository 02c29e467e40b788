package org.harmwatch.hatclinic;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The clinic's cost per patient-year from its unit costs, against the programme's
 * comparators, and the net cost per crime avoided.
 *
 * @param unitCosts every unit cost and comparator with its source
 * @param staff staff per patient-year (staff per year over the places)
 * @param premises premises per patient-year
 * @param meanDailyMg the diamorphine given per patient-day: recorded over the last 28
 * days, else the planning figure
 * @param dailyMgRecorded whether {@code meanDailyMg} comes from recorded doses
 * @param diamorphine diamorphine per patient-year
 * @param perPatientYear the total per patient-year
 * @param comparators each comparator and how much more (positive) or less the clinic
 * costs
 * @param people people with a start and a six-month profile, when five or more
 * @param crimesAvoidedPerPatientYear the mean fall in self-reported crimes per
 * patient-year (28 days scaled to a year), when five or more people have both profiles
 * @param netCostPerCrimeAvoided the extra cost over oral methadone per crime avoided,
 * when crimes fell
 */
public record CostReport(List<UnitCost> unitCosts, double staff, double premises, double meanDailyMg,
		boolean dailyMgRecorded, double diamorphine, double perPatientYear, List<Comparator> comparators,
		@Nullable Integer people, @Nullable Double crimesAvoidedPerPatientYear,
		@Nullable Double netCostPerCrimeAvoided) {

	public CostReport {
		unitCosts = List.copyOf(unitCosts);
		comparators = List.copyOf(comparators);
	}

	/** A comparator's cost per year and the clinic's cost less it. */
	public record Comparator(String code, double amount, double difference, String source) {
	}

}
