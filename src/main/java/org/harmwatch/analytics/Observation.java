package org.harmwatch.analytics;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened at a place and time, handed to the spike detector by another
 * module: an overdose, a needle find, a naloxone administration.
 *
 * <p>
 * It carries no person: only where, when, what kind and how many. The exact point is kept
 * for the detector and never given out; answers are counts per area.
 *
 * @param source the module or system that saw it, e.g. {@code overdose}
 * @param sourceId its id there; the same source and id recorded twice is stored once
 * @param category what kind of event, e.g. {@code OVERDOSE}; spike rules run per category
 * @param occurredAt when it happened
 * @param lat latitude (WGS84)
 * @param lon longitude (WGS84)
 * @param weight how many (people, needles); at least 1
 */
public record Observation(String source, String sourceId, String category, Instant occurredAt, double lat, double lon,
		int weight) {

	public Observation {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(sourceId, "sourceId");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(occurredAt, "occurredAt");
		if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
			throw new IllegalArgumentException("lat must be in [-90, 90] and lon in [-180, 180]");
		}
		if (weight < 1) {
			throw new IllegalArgumentException("weight must be at least 1");
		}
	}

}
