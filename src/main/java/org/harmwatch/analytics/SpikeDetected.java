package org.harmwatch.analytics;

import java.time.Instant;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * The detector found more events of one category in an area than its rule allows, or a
 * significant space-time cluster: early warning turns this into a signal.
 *
 * <p>
 * Published at most once per category and area within the quiet period, whichever
 * instance runs the detector.
 *
 * @param id the detection's id; listeners use it to stay idempotent
 * @param category the kind of event, e.g. {@code OVERDOSE}
 * @param method {@code RULE} for "N in a window in one area", {@code SCAN} for the
 * space-time permutation scan
 * @param areaLevel the level of {@code areaCode}, e.g. {@code ward}
 * @param areaCode the area (for a scan, the centre of the cluster)
 * @param areaName its name
 * @param areaCodes every area involved (one for a rule; the cluster's areas for a scan)
 * @param windowStart start of the window or cluster
 * @param windowEnd end of the window or cluster
 * @param observed events counted
 * @param expected events expected (the rule's threshold for a rule; the scan's
 * expectation for a scan)
 * @param pValue the scan's Monte Carlo p-value; NaN for a rule
 * @param detectedAt when it was detected
 */
@NamedInterface("events")
public record SpikeDetected(String id, String category, String method, String areaLevel, String areaCode,
		String areaName, List<String> areaCodes, Instant windowStart, Instant windowEnd, long observed, double expected,
		double pValue, Instant detectedAt) {

}
