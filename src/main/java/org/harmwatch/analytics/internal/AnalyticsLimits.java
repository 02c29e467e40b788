package org.harmwatch.analytics.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much work one analytics request may ask for ({@code harmwatch.analytics.limits.*}).
 *
 * @param maxHeatmapWork the most kernel evaluations one heatmap may take: points times
 * the cells each reaches within the bandwidth. This machine makes about 200 million a
 * second, so the default is about a second of one core; 2,000 points on a million cells
 * with a 50 km bandwidth (2 billion, 9.5 s) is refused.
 */
@ConfigurationProperties("harmwatch.analytics.limits")
public record AnalyticsLimits(@DefaultValue("200000000") long maxHeatmapWork) {

}
