package org.harmwatch.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of the events the engine observes (e.g. overdoses with a place), around a point
 * or per LSOA, for evaluations that publish counts only: no point leaves the engine. Each
 * question names a category and, optionally, a tag (who reported it, e.g. ambulance
 * call-outs among overdoses).
 */
@Service
public class AnalyticsObservations {

	/** The widest circle asked about, in metres. */
	public static final double MAX_RADIUS_METRES = 20_000;

	private static final double EARTH_METRES = 6_371_008.8;

	private final JdbcClient jdbc;

	AnalyticsObservations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One event observed near a point: when, how far from the point, and how many.
	 *
	 * @param occurredAt when it happened
	 * @param distanceMetres its distance from the point asked about
	 * @param weight how many events it stands for
	 */
	public record Near(Instant occurredAt, double distanceMetres, int weight) {
	}

	/**
	 * The events of a category within {@code radiusMetres} of a point that happened from
	 * {@code from} (inclusive) to {@code until} (exclusive), oldest first.
	 * @throws IllegalArgumentException when the radius is not above 0 and at most
	 * {@value #MAX_RADIUS_METRES} metres or the point is not a place on Earth
	 */
	@Transactional(readOnly = true)
	public List<Near> near(String category, double lat, double lon, double radiusMetres, Instant from, Instant until) {
		return near(category, null, lat, lon, radiusMetres, from, until);
	}

	/**
	 * The events of a category with this tag ({@link Observation#tag()}; any tag when
	 * {@code null}) within {@code radiusMetres} of a point that happened from
	 * {@code from} (inclusive) to {@code until} (exclusive), oldest first.
	 * @throws IllegalArgumentException when the radius is not above 0 and at most
	 * {@value #MAX_RADIUS_METRES} metres or the point is not a place on Earth
	 */
	@Transactional(readOnly = true)
	public List<Near> near(String category, @Nullable String tag, double lat, double lon, double radiusMetres,
			Instant from, Instant until) {
		if (!(radiusMetres > 0) || radiusMetres > MAX_RADIUS_METRES || !Double.isFinite(lat) || !Double.isFinite(lon)
				|| Math.abs(lat) > 89 || Math.abs(lon) > 180) {
			throw new IllegalArgumentException("A point on Earth and a radius of 0 to " + MAX_RADIUS_METRES + " m");
		}
		double dLat = Math.toDegrees(radiusMetres / EARTH_METRES);
		double dLon = dLat / Math.cos(Math.toRadians(lat));
		return jdbc.sql("""
				SELECT occurred_at, lat, lon, weight FROM analytics.observation
				WHERE category IN (:category, split_part(:category, ':', 1))
				  AND (category = :category OR substr(:category, length(category) + 2) = ANY (classes))
				  AND occurred_at >= :from AND occurred_at < :until
				  AND (CAST(:tag AS text) IS NULL OR tag = :tag)
				  AND lat BETWEEN :south AND :north AND lon BETWEEN :west AND :east
				ORDER BY occurred_at
				""")
			.param("category", category)
			.param("tag", tag)
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.param("south", lat - dLat)
			.param("north", lat + dLat)
			.param("west", lon - dLon)
			.param("east", lon + dLon)
			.query((rs, row) -> new Near(rs.getTimestamp(1).toInstant(),
					metres(lat, lon, rs.getDouble(2), rs.getDouble(3)), rs.getInt(4)))
			.list()
			.stream()
			.filter(near -> near.distanceMetres() <= radiusMetres)
			.toList();
	}

	/**
	 * The events of a category per LSOA (weights summed) that happened from {@code from}
	 * to {@code until} (exclusive), in one local authority or the whole region.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> perLsoa(String category, @Nullable String ladCode, Instant from, Instant until) {
		return perLsoa(category, null, ladCode, from, until);
	}

	/**
	 * The events of a category with this tag ({@link Observation#tag()}; any tag when
	 * {@code null}) per LSOA (weights summed) that happened from {@code from} to
	 * {@code until} (exclusive), in one local authority or the whole region.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> perLsoa(String category, @Nullable String tag, @Nullable String ladCode, Instant from,
			Instant until) {
		var counts = new HashMap<String, Long>();
		jdbc.sql("""
				SELECT lsoa_code, sum(weight) FROM analytics.observation
				WHERE category IN (:category, split_part(:category, ':', 1))
				  AND (category = :category OR substr(:category, length(category) + 2) = ANY (classes))
				  AND occurred_at >= :from AND occurred_at < :until
				  AND lsoa_code IS NOT NULL AND (CAST(:lad AS text) IS NULL OR lad_code = :lad)
				  AND (CAST(:tag AS text) IS NULL OR tag = :tag)
				GROUP BY lsoa_code
				""")
			.param("category", category)
			.param("tag", tag)
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.param("lad", ladCode)
			.query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	/** The great-circle distance between two points, in metres (haversine). */
	static double metres(double lat1, double lon1, double lat2, double lon2) {
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double dp = p2 - p1;
		double dl = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dp / 2) * Math.sin(dp / 2)
				+ Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return 2 * EARTH_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
