package org.harmwatch.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

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
 * @param tag who reported it, in the source's own terms (the overdose module's incident
 * source, e.g. {@code AMBULANCE}), or {@code null}; lets a reader count one kind only (an
 * evaluation asking for ambulance call-outs)
 * @param classes the classes of the event within its category (an overdose's substance
 * classes, e.g. {@code OPIOID}); the event counts once under {@code category} and once
 * under {@code category:class} for each, exactly as if it had been observed once per
 * category (one row instead of several: a million-row import stores a million, not three
 * million); empty for most sources
 */
public record Observation(String source, String sourceId, String category, Instant occurredAt, double lat, double lon,
		int weight, @Nullable String tag, List<String> classes) {

	/** The longest tag kept. */
	public static final int MAX_TAG = 64;

	/** An observation without a tag. */
	public Observation(String source, String sourceId, String category, Instant occurredAt, double lat, double lon,
			int weight) {
		this(source, sourceId, category, occurredAt, lat, lon, weight, null);
	}

	/** An observation without classes. */
	public Observation(String source, String sourceId, String category, Instant occurredAt, double lat, double lon,
			int weight, @Nullable String tag) {
		this(source, sourceId, category, occurredAt, lat, lon, weight, tag, List.of());
	}

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
		if (tag != null && (tag.isBlank() || tag.length() > MAX_TAG)) {
			throw new IllegalArgumentException("tag must be null or 1 to " + MAX_TAG + " characters");
		}
		classes = List.copyOf(classes);
		for (var name : classes) {
			if (name.isBlank() || name.contains(":") || name.length() > MAX_TAG) {
				throw new IllegalArgumentException("a class must be 1 to " + MAX_TAG + " characters without a colon");
			}
		}
	}

}
