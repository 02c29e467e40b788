package org.harmwatch.earlywarning;

import java.time.Instant;

/**
 * How issued alerts reached people, for the coordinator's measures. Early warning does not deliver alerts itself; the
 * module that does implements this (a service-provider interface, so early warning never depends on it).
 */
public interface DeliveryMeasures {

	/** Deliveries of alerts issued since {@code since}. */
	Totals since(Instant since);

	/**
	 * Deliveries and what recipients said.
	 *
	 * @param deliveries messages to send (one per recipient, channel and issue of an alert)
	 * @param delivered accepted by the mail server, SMS provider or partner system
	 * @param failed given up after retrying
	 * @param acknowledgeable deliveries that asked the recipient to acknowledge (professionals)
	 * @param acknowledged of those, acknowledged
	 * @param feedback recipients who answered "was this alert useful?"
	 * @param useful of those, said yes
	 * @param changedPractice of those, said it changed what they did
	 */
	record Totals(long deliveries, long delivered, long failed, long acknowledgeable, long acknowledged, long feedback,
			long useful, long changedPractice) {

		/** Share of deliveries delivered, in percent, or {@code null} with none. */
		public Double deliveredPercent() {
			return percent(delivered, deliveries);
		}

		/** Share of acknowledgeable deliveries acknowledged, in percent, or {@code null} with none. */
		public Double acknowledgedPercent() {
			return percent(acknowledged, acknowledgeable);
		}

		/** Share of answers that said the alert was useful, in percent, or {@code null} with none. */
		public Double usefulPercent() {
			return percent(useful, feedback);
		}

		/** Share of answers that said it changed what they did, in percent, or {@code null} with none. */
		public Double changedPracticePercent() {
			return percent(changedPractice, feedback);
		}

		private static Double percent(long part, long whole) {
			return whole == 0 ? null : 100.0 * part / whole;
		}

	}

}
