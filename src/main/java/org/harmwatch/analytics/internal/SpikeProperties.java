package org.harmwatch.analytics.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled spike detector's settings ({@code harmwatch.analytics.spikes.*}).
 *
 * @param threshold events of one category in one area within {@code window} that make a
 * spike (ODMAP-style)
 * @param window the rolling window, e.g. 24 hours
 * @param level the area level rules count in: {@code lad}, {@code ward} or {@code lsoa}
 * @param quietPeriod no second spike for the same category and area within this long
 * @param scanEnabled whether the prospective space-time scan also runs
 * @param scanDays how many days of history the scan looks at
 * @param scanMaxDays the longest cluster the scan looks for
 * @param scanAlpha the p-value at or below which a scan cluster is a spike
 * @param scanMinCases fewer cases than this in the history and the scan is not run
 */
@ConfigurationProperties("harmwatch.analytics.spikes")
record SpikeProperties(@DefaultValue("3") int threshold, @DefaultValue("PT24H") Duration window,
		@DefaultValue("ward") String level, @DefaultValue("PT72H") Duration quietPeriod,
		@DefaultValue("true") boolean scanEnabled, @DefaultValue("56") int scanDays, @DefaultValue("7") int scanMaxDays,
		@DefaultValue("0.01") double scanAlpha, @DefaultValue("20") int scanMinCases) {

}
