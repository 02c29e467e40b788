package org.harmwatch.consumptionrooms.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.consumptionrooms.NeedleChannel;
import org.harmwatch.consumptionrooms.NeedlePhoto;
import org.harmwatch.consumptionrooms.NeedleReport;
import org.harmwatch.consumptionrooms.NeedleStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of needle reports, councils and sweeps. */
@Repository
public class NeedleRepository {

	private static final String COLUMNS = """
			id, reference, channel, owner_agency, lat, lon, lad_code, description, media_url,
			photo IS NOT NULL AS has_photo, status, status_notes, reported_at, due_at, closed_at, updated_at, needles
			""";

	private final JdbcClient jdbc;

	NeedleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The council that answers for a district, and its service level in hours. */
	public record Council(String ladCode, String agencyCode, int serviceLevelHours) {
	}

	/** A report as stored, before it has a reference. */
	public record NewReport(UUID id, @Nullable String ownerAgency, NeedleChannel channel, @Nullable Double lat,
			@Nullable Double lon, @Nullable String ladCode, @Nullable String lsoaCode, @Nullable String description,
			@Nullable String mediaUrl, byte @Nullable [] photo, @Nullable String photoType, Instant reportedAt,
			@Nullable Instant dueAt) {
	}

	/** A filter of the Open311 list. */
	public record Open311Query(List<Long> references, List<NeedleStatus> statuses, @Nullable Instant from,
			@Nullable Instant to, int limit) {
	}

	/** One council's recording, counted. */
	public record QualityRow(String agencyCode, String ladCode, int serviceLevelHours, long reports, long withLocation,
			long closed, long breached, @Nullable Double medianHoursToClose, long lsoasWithReports, long lsoas) {
	}

	public Optional<Council> council(String ladCode) {
		return jdbc
			.sql("SELECT lad_code, agency_code, service_level_hours FROM consumptionrooms.council WHERE lad_code = ?")
			.param(ladCode)
			.query((rs, n) -> new Council(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.optional();
	}

	public List<Council> councils() {
		return jdbc
			.sql("SELECT lad_code, agency_code, service_level_hours FROM consumptionrooms.council ORDER BY lad_code")
			.query((rs, n) -> new Council(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	public void setCouncil(String ladCode, String agencyCode, int hours, Instant now, String by) {
		jdbc.sql(
				"""
						INSERT INTO consumptionrooms.council (lad_code, agency_code, service_level_hours, updated_at, updated_by)
						VALUES (?, ?, ?, ?, ?)
						ON CONFLICT (lad_code) DO UPDATE SET agency_code = excluded.agency_code,
						  service_level_hours = excluded.service_level_hours, updated_at = excluded.updated_at,
						  updated_by = excluded.updated_by
						""")
			.params(ladCode, agencyCode, hours, Timestamp.from(now), by)
			.update();
		// Reports of the district not yet with a council go to it.
		jdbc.sql("""
				UPDATE consumptionrooms.needle_report
				SET owner_agency = ?, due_at = reported_at + make_interval(hours => ?)
				WHERE lad_code = ? AND owner_agency IS NULL
				""").params(agencyCode, hours, ladCode).update();
	}

	/** Stores the report and answers its reference. */
	public long insert(NewReport report) {
		return jdbc
			.sql("""
					INSERT INTO consumptionrooms.needle_report (id, owner_agency, channel, lat, lon, lad_code, lsoa_code,
					  description, media_url, photo, photo_type, status, reported_at, due_at, updated_at)
					VALUES (:id, :owner, :channel, :lat, :lon, :lad, :lsoa, :description, :media, :photo, :photoType, 'OPEN',
					  :at, :due, :at)
					RETURNING reference
					""")
			.param("id", report.id())
			.param("owner", report.ownerAgency())
			.param("channel", report.channel().name())
			.param("lat", report.lat())
			.param("lon", report.lon())
			.param("lad", report.ladCode())
			.param("lsoa", report.lsoaCode())
			.param("description", report.description())
			.param("media", report.mediaUrl())
			.param("photo", report.photo())
			.param("photoType", report.photoType())
			.param("at", Timestamp.from(report.reportedAt()))
			.param("due", report.dueAt() == null ? null : Timestamp.from(report.dueAt()))
			.query(Long.class)
			.single();
	}

	public Optional<NeedleReport> find(UUID id, Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM consumptionrooms.needle_report WHERE id = ?")
			.param(id)
			.query((rs, n) -> report(rs, now))
			.optional();
	}

	public Optional<NeedleReport> findByReference(long reference, Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM consumptionrooms.needle_report WHERE reference = ?")
			.param(reference)
			.query((rs, n) -> report(rs, now))
			.optional();
	}

	/** A council's reports, newest first, optionally of one status. */
	public List<NeedleReport> page(String owner, @Nullable NeedleStatus status, int limit, long offset, Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + """
				FROM consumptionrooms.needle_report
				WHERE owner_agency = :owner AND (CAST(:status AS text) IS NULL OR status = :status)
				ORDER BY reported_at DESC, reference DESC LIMIT :limit OFFSET :offset
				""")
			.param("owner", owner)
			.param("status", status == null ? null : status.name())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> report(rs, now))
			.list();
	}

	public long count(String owner, @Nullable NeedleStatus status) {
		return jdbc.sql("""
				SELECT count(*) FROM consumptionrooms.needle_report
				WHERE owner_agency = :owner AND (CAST(:status AS text) IS NULL OR status = :status)
				""")
			.param("owner", owner)
			.param("status", status == null ? null : status.name())
			.query(Long.class)
			.single();
	}

	/** A council's open reports, and those of them past their service level. */
	public long[] openAndLate(String owner, Instant now) {
		return jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE due_at < ?) FROM consumptionrooms.needle_report
				WHERE owner_agency = ? AND status = 'OPEN'
				""")
			.params(Timestamp.from(now), owner)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/** Reports for Open311's {@code GET requests}, newest first. */
	public List<NeedleReport> open311(Open311Query query, Instant now) {
		var sql = new StringBuilder("SELECT " + COLUMNS + " FROM consumptionrooms.needle_report WHERE true");
		var params = new ArrayList<Object>();
		if (!query.references().isEmpty()) {
			sql.append(" AND reference IN (")
				.append(String.join(", ", query.references().stream().map(r -> "?").toList()))
				.append(")");
			params.addAll(query.references());
		}
		if (!query.statuses().isEmpty()) {
			sql.append(" AND status IN (")
				.append(String.join(", ", query.statuses().stream().map(r -> "?").toList()))
				.append(")");
			query.statuses().forEach(s -> params.add(s.name()));
		}
		if (query.from() != null) {
			sql.append(" AND reported_at >= ?");
			params.add(Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			sql.append(" AND reported_at <= ?");
			params.add(Timestamp.from(query.to()));
		}
		sql.append(" ORDER BY reported_at DESC, reference DESC LIMIT ?");
		params.add(query.limit());
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> report(rs, now)).list();
	}

	public Optional<NeedlePhoto> photo(UUID id) {
		return jdbc
			.sql("SELECT photo_type, photo FROM consumptionrooms.needle_report WHERE id = ? AND photo IS NOT NULL")
			.param(id)
			.query((rs, n) -> new NeedlePhoto(rs.getString(1), rs.getBytes(2)))
			.optional();
	}

	/** Records a sweep and sets the report's status from it. */
	public void sweep(UUID reportId, String owner, boolean found, int collected, Instant sweptAt,
			@Nullable String notes, NeedleStatus status, String statusNotes, Instant now, String by) {
		jdbc.sql("""
				INSERT INTO consumptionrooms.sweep (id, report_id, owner_agency, found, collected, swept_at, notes,
				  recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(UUID.randomUUID(), reportId, owner, found, collected, Timestamp.from(sweptAt), notes,
					Timestamp.from(now), by)
			.update();
		jdbc.sql("""
				UPDATE consumptionrooms.needle_report
				SET status = ?, status_notes = ?, needles = needles + ?, closed_at = coalesce(closed_at, ?),
				  updated_at = ?
				WHERE id = ?
				""")
			.params(status.name(), statusNotes, collected, Timestamp.from(sweptAt), Timestamp.from(now), reportId)
			.update();
	}

	/** Recording per council, over reports made between the two instants. */
	public List<QualityRow> quality(Instant from, Instant to, Instant now, Collection<Council> councils) {
		var rows = new ArrayList<QualityRow>();
		for (var council : councils) {
			rows.add(jdbc.sql("""
					SELECT count(*) AS reports,
					  count(*) FILTER (WHERE lat IS NOT NULL) AS located,
					  count(*) FILTER (WHERE status <> 'OPEN') AS closed,
					  count(*) FILTER (WHERE (status = 'OPEN' AND due_at < :now) OR closed_at > due_at) AS breached,
					  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - reported_at) / 3600.0)
					    FILTER (WHERE closed_at IS NOT NULL) AS median_hours,
					  count(DISTINCT lsoa_code) AS lsoas_with
					FROM consumptionrooms.needle_report
					WHERE lad_code = :lad AND owner_agency = :owner AND reported_at >= :from AND reported_at < :to
					""")
				.param("now", Timestamp.from(now))
				.param("lad", council.ladCode())
				.param("owner", council.agencyCode())
				.param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.query((rs, n) -> new QualityRow(council.agencyCode(), council.ladCode(), council.serviceLevelHours(),
						rs.getLong("reports"), rs.getLong("located"), rs.getLong("closed"), rs.getLong("breached"),
						rs.getObject("median_hours") == null ? null : rs.getDouble("median_hours"),
						rs.getLong("lsoas_with"), 0))
				.single());
		}
		return rows;
	}

	private static NeedleReport report(ResultSet rs, Instant now) throws SQLException {
		var due = instant(rs, "due_at");
		var closed = instant(rs, "closed_at");
		var status = NeedleStatus.valueOf(rs.getString("status"));
		boolean breached = due != null
				&& ((status == NeedleStatus.OPEN && now.isAfter(due)) || (closed != null && closed.isAfter(due)));
		return new NeedleReport(rs.getObject("id", UUID.class), rs.getLong("reference"),
				NeedleChannel.valueOf(rs.getString("channel")), rs.getString("owner_agency"),
				(Double) rs.getObject("lat"), (Double) rs.getObject("lon"), rs.getString("lad_code"),
				rs.getString("description"), rs.getString("media_url"), rs.getBoolean("has_photo"), status,
				rs.getString("status_notes"), rs.getTimestamp("reported_at").toInstant(), due, closed,
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("needles"), breached);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
