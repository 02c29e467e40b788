package org.harmwatch.programme;

import java.util.List;
import java.util.Map;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * The coordinator's measures of the early-warning system over a period.
 *
 * @param days the period, in days back from now
 * @param openSignals signals still waiting for a decision or a grade, by age band and
 * urgency
 * @param signalsOpened signals opened in the period
 * @param alertsIssued alerts first issued in the period (exercises excluded)
 * @param alertsByLevel those alerts by level
 * @param medianHoursToAlert the median time from a signal's first evidence to its alert's
 * first issue, in hours
 * @param slowestHoursToAlert the longest such time in the period, in hours
 * @param delivery how the alerts of the period reached people
 */
public record EarlyWarningMeasures(int days, List<AgeBand> openSignals, long signalsOpened, long alertsIssued,
		Map<AlertLevel, Long> alertsByLevel, @Nullable Double medianHoursToAlert, @Nullable Double slowestHoursToAlert,
		Delivery delivery) {

	/**
	 * Open signals of one age.
	 *
	 * @param band e.g. {@code UNDER_1_DAY}
	 * @param byUrgency how many of each urgency
	 */
	public record AgeBand(String band, Map<Urgency, Long> byUrgency) {

		public long total() {
			return byUrgency.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/**
	 * Deliveries queued in the period and what recipients said.
	 *
	 * @param deliveries messages to send (one per recipient, channel and issue of an
	 * alert)
	 * @param delivered accepted by the mail server, SMS provider or partner system
	 * @param failed given up after retrying
	 * @param acknowledgeable deliveries sent to professionals, who are asked to
	 * acknowledge
	 * @param acknowledged of those, acknowledged
	 * @param feedback recipients who answered "was this alert useful?"
	 * @param useful of those, said yes
	 * @param changedPractice of those, said it changed what they did
	 */
	public record Delivery(long deliveries, long delivered, long failed, long acknowledgeable, long acknowledged,
			long feedback, long useful, long changedPractice) {

		/** Share of deliveries delivered, in percent, or {@code null} with none. */
		public @Nullable Double deliveredPercent() {
			return percent(delivered, deliveries);
		}

		/**
		 * Share of acknowledgeable deliveries acknowledged, in percent, or {@code null}
		 * with none.
		 */
		public @Nullable Double acknowledgedPercent() {
			return percent(acknowledged, acknowledgeable);
		}

		/**
		 * Share of answers that said the alert was useful, in percent, or {@code null}
		 * with none.
		 */
		public @Nullable Double usefulPercent() {
			return percent(useful, feedback);
		}

		/**
		 * Share of answers that said it changed what they did, in percent, or
		 * {@code null} with none.
		 */
		public @Nullable Double changedPracticePercent() {
			return percent(changedPractice, feedback);
		}

		private static @Nullable Double percent(long part, long whole) {
			return whole == 0 ? null : 100.0 * part / whole;
		}

	}

}
