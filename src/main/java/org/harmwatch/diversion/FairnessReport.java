package org.harmwatch.diversion;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Eligibility and what followed, by age band, sex and ethnicity: referred, eligible,
 * diverted, completed; every count from 1 to 4 withheld ({@code null}), and enough others
 * that neither the totals nor neighbouring counts give one away.
 */
public record FairnessReport(@Nullable Long[] totals, List<Dimension> dimensions) {

	/** One way of splitting the referrals, and its rows. */
	public record Dimension(String name, List<Row> rows) {
	}

	/**
	 * A category's counts (null when withheld).
	 *
	 * @param category a message key suffix, e.g. {@code ageBand.AGE_18_TO_24} or
	 * {@code notRecorded}
	 */
	public record Row(String category, @Nullable Long referred, @Nullable Long eligible, @Nullable Long diverted,
			@Nullable Long completed) {

		/**
		 * The share of those referred found eligible, in per cent; null when either count
		 * is withheld or none were referred.
		 */
		public @Nullable Long eligiblePercent() {
			return referred == null || eligible == null || referred == 0 ? null
					: Math.round(100.0 * eligible / referred);
		}

	}

}
