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
 * so take a new one for each piece of work. {@link #prepare} and {@link #observeAll} are
 * for one thread at a time; {@link #observe} may run on another meanwhile.
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
		return observe(prepare(batch));
	}

	/**
	 * The events placed in their areas and made ready to record, reading nothing from the
	 * database: an import prepares its next batch on another thread while this one is
	 * recorded (one thread at a time calls this).
	 */
	public Prepared prepare(List<Observation> batch) {
		var areas = new ArrayList<String[]>(batch.size());
		for (var observation : batch) {
			areas.add(located.computeIfAbsent(new Point(observation.lat(), observation.lon()),
					at -> geography.lookup(at.lat(), at.lon())
						.map(a -> new String[] { a.lad().code(), a.ward() == null ? null : a.ward().code(),
								a.lsoa() == null ? null : a.lsoa().code() })
						.orElse(new String[3])));
		}
		return new Prepared(observations.prepare(batch, areas, clock.instant()));
	}

	/**
	 * Records prepared events as {@link AnalyticsManagement#observeAll} does, in the
	 * caller's transaction; it touches nothing {@link #prepare} uses, so another thread
	 * may prepare the next batch meanwhile.
	 * @return how many were new
	 */
	public int observe(Prepared prepared) {
		return observations.insert(prepared.rows);
	}

	/** Events made ready by {@link #prepare}. */
	public static final class Prepared {

		private final ObservationRepository.Prepared rows;

		private Prepared(ObservationRepository.Prepared rows) {
			this.rows = rows;
		}

	}

	private record Point(double lat, double lon) {
	}

}
