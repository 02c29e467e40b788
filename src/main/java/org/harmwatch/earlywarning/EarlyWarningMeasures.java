package org.harmwatch.earlywarning;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The coordinator's measures of the early-warning system over a period.
 *
 * @param days the period, in days back from now
 * @param openSignals signals still waiting for a decision or a grade, by age band and urgency
 * @param signalsOpened signals opened in the period
 * @param alertsIssued alerts first issued in the period (exercises excluded)
 * @param alertsByLevel those alerts by level
 * @param medianHoursToAlert the median time from a signal's first evidence to its alert's first issue, in hours
 * @param slowestHoursToAlert the longest such time in the period, in hours
 * @param delivery how those alerts reached people, when a delivery module reports it
 */
public record EarlyWarningMeasures(int days, List<AgeBand> openSignals, long signalsOpened, long alertsIssued,
		Map<AlertLevel, Long> alertsByLevel, @Nullable Double medianHoursToAlert, @Nullable Double slowestHoursToAlert,
		DeliveryMeasures.@Nullable Totals delivery) {

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

}
