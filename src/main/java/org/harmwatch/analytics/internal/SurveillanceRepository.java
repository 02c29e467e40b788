package org.harmwatch.analytics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.analytics.AlarmMethod;
import org.harmwatch.analytics.SurveillanceReport;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily surveillance run's reads of observations (aggregated in SQL) and its own
 * tables: runs, alarms, hot spots and clusters.
 */
@Repository
public class SurveillanceRepository {

	/** Events of one category in one district on one day. */
	record DayCount(String category, String ladCode, LocalDate day, long count) {
	}

	private final JdbcClient jdbc;

	SurveillanceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the run's transaction-scoped lock: runs of every instance write one at a
	 * time, so the second sees the first's spikes and publishes none of them again.
	 */
	void lock() {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('analytics.surveillance-run'))").query().singleRow();
	}

	/**
	 * Events per category, district and local day of {@code category} and its
	 * {@code category:<class>} sub-categories, from {@code from} (inclusive) to
	 * {@code until} (exclusive): summed in the database, one row per day with events.
	 */
	List<DayCount> dailyCounts(String category, Instant from, Instant until, ZoneId zone) {
		return jdbc.sql("""
				SELECT category, lad_code, CAST(occurred_at AT TIME ZONE :zone AS date) AS day, sum(weight)
				FROM analytics.observation_by_category
				WHERE occurred_at >= :from AND occurred_at < :until AND lad_code IS NOT NULL
				  AND (base_category = :category OR base_category LIKE :prefix)
				GROUP BY 1, 2, 3
				""")
			.param("zone", zone.getId())
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.param("category", category)
			.param("prefix", like(category) + ":%")
			.query((rs, row) -> new DayCount(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getLong(4)))
			.list();
	}

	/** Events of exactly {@code category} per LSOA in the period. */
	Map<String, Long> lsoaCounts(String category, Instant from, Instant until) {
		var counts = new HashMap<String, Long>();
		jdbc.sql("""
				SELECT lsoa_code, sum(weight) FROM analytics.observation
				WHERE occurred_at >= :from AND occurred_at < :until AND lsoa_code IS NOT NULL
				  AND category IN (:category, split_part(:category, ':', 1))
				  AND (category = :category OR substr(:category, length(category) + 2) = ANY (classes))
				GROUP BY lsoa_code
				""")
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.param("category", category)
			.query((ResultSet rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	/**
	 * Whether an earlier run raised this alarm already (same class, district, method and
	 * period): then a re-run never publishes it again, whatever the quiet period.
	 */
	boolean alarmedBefore(String category, String areaCode, AlarmMethod method, LocalDate periodStart,
			LocalDate periodEnd) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM analytics.surveillance_alarm
				               WHERE category = :category AND area_code = :area AND method = :method
				                 AND period_start = :start AND period_end = :end)
				""")
			.param("category", category)
			.param("area", areaCode)
			.param("method", method.name())
			.param("start", periodStart)
			.param("end", periodEnd)
			.query(Boolean.class)
			.single();
	}

	/** The detector's and scan's spikes of the category and its classes in the period. */
	List<SurveillanceReport.Cluster> detectorSpikes(String category, Instant from, Instant until) {
		return jdbc.sql("""
				SELECT id, method, category, area_level, area_code, area_name, area_codes, window_start, window_end,
				       observed, expected, p_value, detected_at
				FROM analytics.spike
				WHERE detected_at >= :from AND detected_at < :until AND method IN ('RULE', 'SCAN')
				  AND (category = :category OR category LIKE :prefix)
				ORDER BY detected_at DESC, id
				""")
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.param("category", category)
			.param("prefix", like(category) + ":%")
			.query((rs, row) -> new SurveillanceReport.Cluster(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getString(7).split(",").length, instant(rs, 8), instant(rs, 9), rs.getLong(10), rs.getDouble(11),
					nan(rs, 12), instant(rs, 13)))
			.list();
	}

	void insert(SurveillanceReport report) {
		var run = report.run();
		jdbc.sql("""
				INSERT INTO analytics.surveillance_run (id, run_day, trigger, requested_by, started_at, finished_at,
				  duration_ms, observations, series, alarms, new_alarms, hotspots, clusters, scan_by_detector)
				VALUES (:id, :day, :trigger, :by, :started, :finished, :duration, :observations, :series, :alarms,
				  :newAlarms, :hotspots, :clusters, :scanByDetector)
				""")
			.param("id", run.id())
			.param("day", run.day())
			.param("trigger", run.trigger())
			.param("by", run.requestedBy())
			.param("started", Timestamp.from(run.startedAt()))
			.param("finished", Timestamp.from(run.finishedAt()))
			.param("duration", run.durationMillis())
			.param("observations", run.observations())
			.param("series", run.series())
			.param("alarms", run.alarms())
			.param("newAlarms", run.newAlarms())
			.param("hotspots", run.hotspots())
			.param("clusters", run.clusters())
			.param("scanByDetector", run.scanByDetector())
			.update();
		int ordinal = 0;
		for (var alarm : report.alarms()) {
			jdbc.sql("""
					INSERT INTO analytics.surveillance_alarm (run_id, ordinal, category, area_code, area_name, method,
					  period_start, period_end, observed, expected, threshold, statistic, new_alarm, spike_id)
					VALUES (:run, :ordinal, :category, :area, :name, :method, :start, :end, :observed, :expected,
					  :threshold, :statistic, :isNew, :spike)
					""")
				.param("run", run.id())
				.param("ordinal", ordinal++)
				.param("category", alarm.category())
				.param("area", alarm.areaCode())
				.param("name", alarm.areaName())
				.param("method", alarm.method().name())
				.param("start", alarm.periodStart())
				.param("end", alarm.periodEnd())
				.param("observed", alarm.observed())
				.param("expected", finite(alarm.expected()))
				.param("threshold", finite(alarm.threshold()))
				.param("statistic", finite(alarm.statistic()))
				.param("isNew", alarm.isNew())
				.param("spike", alarm.spikeId())
				.update();
		}
		for (var hotspot : report.hotspots()) {
			jdbc.sql("""
					INSERT INTO analytics.surveillance_hotspot (run_id, lsoa_code, lsoa_name, lad_name, events,
					  population, rate, z, q_value)
					VALUES (:run, :code, :name, :lad, :events, :population, :rate, :z, :q)
					""")
				.param("run", run.id())
				.param("code", hotspot.lsoaCode())
				.param("name", hotspot.lsoaName())
				.param("lad", hotspot.ladName())
				.param("events", hotspot.events())
				.param("population", hotspot.population())
				.param("rate", hotspot.ratePer100k())
				.param("z", hotspot.z())
				.param("q", hotspot.qValue())
				.update();
		}
		ordinal = 0;
		for (var cluster : report.clusters()) {
			jdbc.sql("""
					INSERT INTO analytics.surveillance_cluster (run_id, ordinal, spike_id, method, category,
					  area_level, area_code, area_name, area_count, window_start, window_end, observed, expected,
					  p_value, detected_at)
					VALUES (:run, :ordinal, :spike, :method, :category, :level, :code, :name, :count, :start, :end,
					  :observed, :expected, :p, :detected)
					""")
				.param("run", run.id())
				.param("ordinal", ordinal++)
				.param("spike", cluster.spikeId())
				.param("method", cluster.method())
				.param("category", cluster.category())
				.param("level", cluster.areaLevel())
				.param("code", cluster.areaCode())
				.param("name", cluster.areaName())
				.param("count", cluster.areaCount())
				.param("start", Timestamp.from(cluster.windowStart()))
				.param("end", Timestamp.from(cluster.windowEnd()))
				.param("observed", cluster.observed())
				.param("expected", cluster.expected())
				.param("p", finite(cluster.pValue()))
				.param("detected", Timestamp.from(cluster.detectedAt()))
				.update();
		}
	}

	private static final String RUN_COLUMNS = """
			id, run_day, trigger, requested_by, started_at, finished_at, duration_ms, observations, series, alarms,
			new_alarms, hotspots, clusters, scan_by_detector""";

	/** Runs, the most recently started first. */
	public List<SurveillanceReport.Run> runs(int offset, int limit) {
		return jdbc
			.sql("SELECT " + RUN_COLUMNS
					+ " FROM analytics.surveillance_run ORDER BY started_at DESC, id LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> run(rs))
			.list();
	}

	public long runCount() {
		return jdbc.sql("SELECT count(*) FROM analytics.surveillance_run").query(Long.class).single();
	}

	public Optional<SurveillanceReport.Run> run(UUID id) {
		return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM analytics.surveillance_run WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> run(rs))
			.optional();
	}

	/** The whole record of a run. */
	public SurveillanceReport report(SurveillanceReport.Run run) {
		var alarms = jdbc.sql("""
				SELECT category, area_code, area_name, method, period_start, period_end, observed, expected, threshold,
				       statistic, new_alarm, spike_id
				FROM analytics.surveillance_alarm WHERE run_id = :run ORDER BY ordinal
				""").param("run", run.id()).query((rs, row) -> {
			var category = rs.getString(1);
			int colon = category.indexOf(':');
			return new SurveillanceReport.Alarm(category, colon < 0 ? null : category.substring(colon + 1),
					rs.getString(2), rs.getString(3), AlarmMethod.valueOf(rs.getString(4)),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getDouble(7), nan(rs, 8),
					nan(rs, 9), nan(rs, 10), rs.getBoolean(11), rs.getObject(12, UUID.class));
		}).list();
		var hotspots = jdbc.sql("""
				SELECT lsoa_code, lsoa_name, lad_name, events, population, rate, z, q_value
				FROM analytics.surveillance_hotspot WHERE run_id = :run ORDER BY z DESC, lsoa_code
				""").param("run", run.id()).query((rs, row) -> {
			int population = rs.getInt(5);
			boolean unknown = rs.wasNull();
			return new SurveillanceReport.Hotspot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					unknown ? null : population, rs.getDouble(6), rs.getDouble(7), rs.getDouble(8));
		}).list();
		var clusters = jdbc.sql("""
				SELECT spike_id, method, category, area_level, area_code, area_name, area_count, window_start,
				       window_end, observed, expected, p_value, detected_at
				FROM analytics.surveillance_cluster WHERE run_id = :run ORDER BY ordinal
				""")
			.param("run", run.id())
			.query((rs, row) -> new SurveillanceReport.Cluster(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), instant(rs, 8),
					instant(rs, 9), rs.getLong(10), rs.getDouble(11), nan(rs, 12), instant(rs, 13)))
			.list();
		return new SurveillanceReport(run, alarms, hotspots, clusters);
	}

	private static SurveillanceReport.Run run(ResultSet rs) throws SQLException {
		return new SurveillanceReport.Run(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
				rs.getString(3), rs.getString(4), instant(rs, 5), instant(rs, 6), rs.getLong(7), rs.getLong(8),
				rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getBoolean(14));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static double nan(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? Double.NaN : value;
	}

	private static @Nullable Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

	/** The text matched literally by LIKE. */
	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
