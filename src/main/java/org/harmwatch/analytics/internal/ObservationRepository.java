package org.harmwatch.analytics.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.harmwatch.analytics.Observation;
import org.harmwatch.analytics.SpikeDetected;
import org.harmwatch.platform.BulkCopy;
import org.harmwatch.platform.SqlArrays;
import org.harmwatch.platform.TimeOrderedIds;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Observations and the spikes found in them, in the {@code analytics} schema.
 */
@Repository
public class ObservationRepository {

	/** An observation as the detector reads it: where (by area) and when. */
	public record Located(String category, Instant occurredAt, @Nullable String ladCode, @Nullable String wardCode,
			@Nullable String lsoaCode, int weight) {

		public @Nullable String areaAt(String level) {
			return switch (level) {
				case "lad" -> ladCode;
				case "ward" -> wardCode;
				case "lsoa" -> lsoaCode;
				default -> throw new IllegalArgumentException("spike rules count in lad, ward or lsoa, not " + level);
			};
		}

	}

	private final JdbcClient jdbc;

	private final BulkCopy bulk;

	ObservationRepository(JdbcClient jdbc, BulkCopy bulk) {
		this.jdbc = jdbc;
		this.bulk = bulk;
	}

	/**
	 * Stores an observation once per source and source id; returns whether it was new.
	 */
	public boolean insert(Observation observation, @Nullable String ladCode, @Nullable String wardCode,
			@Nullable String lsoaCode, Instant now) {
		return jdbc.sql("""
				INSERT INTO analytics.observation (id, source, source_id, category, occurred_at, lat, lon, weight,
				                                   lad_code, ward_code, lsoa_code, recorded_at, tag, classes)
				VALUES (:id, :source, :sourceId, :category, :occurredAt, :lat, :lon, :weight, :lad, :ward, :lsoa, :now,
				        :tag, :classes::text[])
				ON CONFLICT (source, source_id) DO NOTHING
				""")
			.param("id", UUID.randomUUID())
			.param("classes", SqlArrays.textArray(observation.classes()))
			.param("tag", observation.tag())
			.param("source", observation.source())
			.param("sourceId", observation.sourceId())
			.param("category", observation.category())
			.param("occurredAt", Timestamp.from(observation.occurredAt()))
			.param("lat", observation.lat())
			.param("lon", observation.lon())
			.param("weight", observation.weight())
			.param("lad", ladCode)
			.param("ward", wardCode)
			.param("lsoa", lsoaCode)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Stores many observations, a few thousand at a time through a binary {@code COPY},
	 * each with its areas (LAD, ward, LSOA codes, any null); one whose source and source
	 * id are stored already is left as it is (when a chunk holds such a one, that chunk
	 * is stored by {@code INSERT … ON CONFLICT DO NOTHING} instead).
	 * @return how many were new
	 */
	public int insertAll(List<Observation> batch, List<String[]> areas, Instant now) {
		return insert(prepare(batch, areas, now));
	}

	/**
	 * Observations made ready to store: their copy streams, one per few thousand, built
	 * by {@link #prepare} on any thread (it reads nothing), stored by {@link #insert} in
	 * the transaction.
	 */
	public static final class Prepared {

		private final List<Observation> batch;

		private final List<String[]> areas;

		private final Instant now;

		private final List<BulkCopy.Rows> chunks;

		private Prepared(List<Observation> batch, List<String[]> areas, Instant now, List<BulkCopy.Rows> chunks) {
			this.batch = batch;
			this.areas = areas;
			this.now = now;
			this.chunks = chunks;
		}

	}

	/** The observations' copy streams, as recorded {@code now}; reads nothing. */
	public Prepared prepare(List<Observation> batch, List<String[]> areas, Instant now) {
		var chunks = new ArrayList<BulkCopy.Rows>();
		long millis = now.toEpochMilli();
		for (int from = 0; from < batch.size(); from += CHUNK) {
			int to = Math.min(batch.size(), from + CHUNK);
			// About 255 bytes an observation with three classes.
			var rows = new BulkCopy.Rows(to - from, 280);
			for (int i = from; i < to; i++) {
				var observation = batch.get(i);
				rows.row(14)
					.uuid(TimeOrderedIds.nextInternal(millis))
					.text(observation.source())
					.text(observation.sourceId())
					.text(observation.category())
					.timestamp(observation.occurredAt())
					.float8(observation.lat())
					.float8(observation.lon())
					.int4(observation.weight())
					.text(areas.get(i)[0])
					.text(areas.get(i)[1])
					.text(areas.get(i)[2])
					.timestamp(now)
					.text(observation.tag())
					.textArray(observation.classes());
			}
			chunks.add(rows);
		}
		return new Prepared(List.copyOf(batch), List.copyOf(areas), now, List.copyOf(chunks));
	}

	/**
	 * Stores prepared observations as {@link #insertAll} does.
	 * @return how many were new
	 */
	public int insert(Prepared prepared) {
		int inserted = 0;
		for (int c = 0; c < prepared.chunks.size(); c++) {
			int from = c * CHUNK;
			int to = Math.min(prepared.batch.size(), from + CHUNK);
			inserted += bulk.copyOr(
					"analytics.observation (id, source, source_id, category, occurred_at, lat, lon, weight, lad_code, "
							+ "ward_code, lsoa_code, recorded_at, tag, classes)",
					prepared.chunks.get(c), copied -> (int) copied,
					() -> insertSkippingKnown(prepared.batch, prepared.areas, prepared.now, from, to));
		}
		return inserted;
	}

	/**
	 * Stores the observations from {@code from} to {@code to} in one statement, skipping
	 * those stored already; how many were new.
	 */
	private int insertSkippingKnown(List<Observation> batch, List<String[]> areas, Instant now, int from, int to) {
		var ids = new ArrayList<@Nullable String>();
		var sources = new ArrayList<@Nullable String>();
		var sourceIds = new ArrayList<@Nullable String>();
		var categories = new ArrayList<@Nullable String>();
		var times = new ArrayList<@Nullable String>();
		var lats = new ArrayList<@Nullable String>();
		var lons = new ArrayList<@Nullable String>();
		var weights = new ArrayList<@Nullable String>();
		var lads = new ArrayList<@Nullable String>();
		var wards = new ArrayList<@Nullable String>();
		var lsoas = new ArrayList<@Nullable String>();
		var tags = new ArrayList<@Nullable String>();
		var classes = new ArrayList<@Nullable String>();
		for (int i = from; i < to; i++) {
			var observation = batch.get(i);
			ids.add(UUID.randomUUID().toString());
			sources.add(observation.source());
			sourceIds.add(observation.sourceId());
			categories.add(observation.category());
			times.add(observation.occurredAt().toString());
			lats.add(Double.toString(observation.lat()));
			lons.add(Double.toString(observation.lon()));
			weights.add(Integer.toString(observation.weight()));
			lads.add(areas.get(i)[0]);
			wards.add(areas.get(i)[1]);
			lsoas.add(areas.get(i)[2]);
			tags.add(observation.tag());
			classes.add(SqlArrays.textArray(observation.classes()));
		}
		return jdbc.sql("""
				INSERT INTO analytics.observation (id, source, source_id, category, occurred_at, lat, lon, weight,
				                                   lad_code, ward_code, lsoa_code, recorded_at, tag, classes)
				SELECT id, source, source_id, category, occurred_at, lat, lon, weight, lad, ward, lsoa, :now, tag,
				       classes::text[]
				FROM unnest(:ids::uuid[], :sources::text[], :sourceIds::text[], :categories::text[],
				            :times::timestamptz[], :lats::float8[], :lons::float8[], :weights::int[], :lads::text[],
				            :wards::text[], :lsoas::text[], :tags::text[], :classes::text[])
				  AS o (id, source, source_id, category, occurred_at, lat, lon, weight, lad, ward, lsoa, tag, classes)
				ON CONFLICT (source, source_id) DO NOTHING
				""")
			.param("ids", SqlArrays.array(ids))
			.param("sources", SqlArrays.array(sources))
			.param("sourceIds", SqlArrays.array(sourceIds))
			.param("categories", SqlArrays.array(categories))
			.param("times", SqlArrays.array(times))
			.param("lats", SqlArrays.array(lats))
			.param("lons", SqlArrays.array(lons))
			.param("weights", SqlArrays.array(weights))
			.param("lads", SqlArrays.array(lads))
			.param("wards", SqlArrays.array(wards))
			.param("lsoas", SqlArrays.array(lsoas))
			.param("tags", SqlArrays.array(tags))
			.param("classes", SqlArrays.array(classes))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Rows in one statement of {@link #insertAll}. */
	private static final int CHUNK = 5_000;

	/**
	 * Observations that happened from {@code since} on, oldest first, each once per
	 * category it counts in (its category, and category:class for each of its classes).
	 */
	public List<Located> since(Instant since) {
		return jdbc.sql("""
				SELECT category, occurred_at, lad_code, ward_code, lsoa_code, weight
				FROM analytics.observation_by_category WHERE occurred_at >= :since ORDER BY occurred_at
				""")
			.param("since", Timestamp.from(since))
			.query((rs, row) -> new Located(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getInt(6)))
			.list();
	}

	/**
	 * Whether a spike of this category in this area was recorded at or after
	 * {@code since}.
	 */
	public boolean spikeSince(String category, String areaCode, Instant since) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM analytics.spike
				               WHERE category = :category AND area_code = :area AND detected_at >= :since)
				""")
			.param("category", category)
			.param("area", areaCode)
			.param("since", Timestamp.from(since))
			.query(Boolean.class)
			.single();
	}

	public void insertSpike(SpikeDetected spike) {
		jdbc.sql("""
				INSERT INTO analytics.spike (id, category, method, area_level, area_code, area_name, area_codes,
				                             window_start, window_end, observed, expected, p_value, detected_at)
				VALUES (:id, :category, :method, :level, :code, :name, :codes, :start, :end, :observed, :expected,
				        :p, :detectedAt)
				""")
			.param("id", UUID.fromString(spike.id()))
			.param("category", spike.category())
			.param("method", spike.method())
			.param("level", spike.areaLevel())
			.param("code", spike.areaCode())
			.param("name", spike.areaName())
			.param("codes", String.join(",", spike.areaCodes()))
			.param("start", Timestamp.from(spike.windowStart()))
			.param("end", Timestamp.from(spike.windowEnd()))
			.param("observed", spike.observed())
			.param("expected", spike.expected())
			.param("p", Double.isNaN(spike.pValue()) ? null : spike.pValue())
			.param("detectedAt", Timestamp.from(spike.detectedAt()))
			.update();
	}

	/** The most recent spikes, newest first. */
	public List<SpikeDetected> recentSpikes(int limit) {
		return jdbc.sql("""
				SELECT id, category, method, area_level, area_code, area_name, area_codes, window_start, window_end,
				       observed, expected, p_value, detected_at
				FROM analytics.spike ORDER BY detected_at DESC, id LIMIT :limit
				""").param("limit", limit).query((rs, row) -> {
			double p = rs.getDouble(12);
			return new SpikeDetected(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), List.of(rs.getString(7).split(",")),
					rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(), rs.getLong(10), rs.getDouble(11),
					rs.wasNull() ? Double.NaN : p, rs.getTimestamp(13).toInstant());
		}).list();
	}

}
