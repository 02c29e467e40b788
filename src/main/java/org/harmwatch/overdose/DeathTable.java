package org.harmwatch.overdose;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Drug-related deaths per district and year, by year of registration and by year of
 * occurrence side by side, next to the registrations ONS published.
 *
 * @param firstYear the first year shown
 * @param lastYear the last year shown
 * @param rows one per district of the region and year, districts by name then years
 * @param onsSource where the published figures come from, and their licence
 */
public record DeathTable(int firstYear, int lastYear, List<Row> rows, String onsSource) {

	public DeathTable {
		rows = List.copyOf(rows);
	}

	/**
	 * One district and year.
	 *
	 * @param poisoningRegistered deaths related to drug poisoning registered in the year
	 * @param misuseRegistered of those, drug misuse deaths
	 * @param poisoningOccurred deaths related to drug poisoning that happened in the year
	 * @param misuseOccurred of those, drug misuse deaths
	 * @param onsRegistered what ONS published for the year's registrations, if it did
	 */
	public record Row(String ladCode, String ladName, int year, long poisoningRegistered, long misuseRegistered,
			long poisoningOccurred, long misuseOccurred, @Nullable Integer onsRegistered) {

		/**
		 * Whether the recorded registrations equal ONS's (false when ONS published none).
		 */
		public boolean matchesOns() {
			return onsRegistered != null && onsRegistered == poisoningRegistered;
		}

	}

}
