package org.harmwatch.analytics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.harmwatch.analytics.internal.ObservationRepository;
import org.harmwatch.geography.GeographyManagement;

/**
 * Records many batches of events for one piece of work (an import of a million rows),
 * each as {@link AnalyticsManagement#observeAll} does, looking each distinct point up in
 * the region's areas once for all of them rather than once per batch. Made by
 * {@link AnalyticsManagement#observer()}; it keeps the areas it found while it is used,
 * so take a new one for each piece of work. Not for use by several threads at once.
 */
public final class Observer {

	private final GeographyManagement geography;

	private final ObservationRepository observations;

	private final Clock clock;

	private final Map<Point, String[]> located = new HashMap<>();

	Observer(GeographyManagement geography, ObservationRepository observations, Clock clock) {
		this.geography = geography;
		this.observations = observations;
		this.clock = clock;
	}

	/**
	 * Records the events as {@link AnalyticsManagement#observeAll} does, in the caller's
	 * transaction (which it needs).
	 * @return how many were new
	 */
	public int observeAll(List<Observation> batch) {
		var areas = new ArrayList<String[]>(batch.size());
		for (var observation : batch) {
			areas.add(located.computeIfAbsent(new Point(observation.lat(), observation.lon()),
					at -> geography.lookup(at.lat(), at.lon())
						.map(a -> new String[] { a.lad().code(), a.ward() == null ? null : a.ward().code(),
								a.lsoa() == null ? null : a.lsoa().code() })
						.orElse(new String[3])));
		}
		return observations.insertAll(batch, areas, clock.instant());
	}

	private record Point(double lat, double lon) {
	}

}
