package org.harmwatch.earlywarning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.FollowUp;
import org.harmwatch.earlywarning.AlertState;
import org.harmwatch.earlywarning.HowKnown;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.ReportView;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.platform.SqlArrays;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reports of harm and the substances they name: stored once, never changed, read with the
 * signal each joined.
 */
@Repository
public class ReportRepository {

	private static final String WITH_SIGNAL = "SELECT r.*, (SELECT signal_id FROM earlywarning.evidence e "
			+ "WHERE e.kind = 'REPORT' AND e.ref = r.id::text) AS signal_id FROM earlywarning.report r ";

	private final JdbcClient jdbc;

	ReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A report to store.
	 *
	 * @param place where it happened, as the pin or the chosen district resolved
	 * @param outcomes what happened, sorted
	 * @param substances what it named, in the reporter's order
	 * @param reporterId who reported it; {@code null} (with the other reporter fields)
	 * when anonymous
	 */
	public record NewReport(UUID id, Channel channel, SourceType sourceType, Instant occurredAt, Instant receivedAt,
			ReportPlace place, @Nullable String substanceClass, List<Outcome> outcomes, int people,
			@Nullable String description, @Nullable UUID reporterId, @Nullable String reporterName,
			@Nullable String reporterAgencyCode, @Nullable String reporterAgencyName,
			List<ReportView.ReportedSubstance> substances) {
	}

	/**
	 * A report as stored, with the agency code of its reporter (for the access policy).
	 */
	public record StoredReport(ReportView view, @Nullable String reporterAgencyCode) {
	}

	/**
	 * Two statements that store reports with their substances, held for public-health
	 * intelligence, all rows at once from arrays (parameters:
	 * {@link #insertAllParameters}); sent by {@link EvidenceBatches} with the rest of a
	 * batch's writes.
	 */
	static final String INSERT_ALL = """
			INSERT INTO earlywarning.report (id, channel, source_type, occurred_at, received_at, lat, lon, lad_code,
			  lad_name, ward_code, ward_name, lsoa_code, substance_class, outcomes, people, description, reporter_id,
			  reporter_name, reporter_agency_code, reporter_agency_name, purpose)
			SELECT id, channel, source_type, occurred_at, received_at, lat, lon, lad_code, lad_name, ward_code, ward_name,
			  lsoa_code, substance_class, outcomes::text[], people, description, reporter_id, reporter_name,
			  reporter_agency_code, reporter_agency_name, purpose
			FROM unnest(?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::float8[], ?::float8[],
			  ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::uuid[],
			  ?::text[], ?::text[], ?::text[], ?::text[])
			  WITH ORDINALITY AS q(id, channel, source_type, occurred_at, received_at, lat, lon, lad_code, lad_name,
			    ward_code, ward_name, lsoa_code, substance_class, outcomes, people, description, reporter_id, reporter_name,
			    reporter_agency_code, reporter_agency_name, purpose, n)
			ORDER BY n;
			INSERT INTO earlywarning.report_substance (report_id, position, text, substance_code, substance_name,
			  substance_class, how_known)
			SELECT * FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])""";

	/**
	 * The parameters of {@link #INSERT_ALL}: one column of values each, as array
	 * literals.
	 */
	static List<String> insertAllParameters(List<NewReport> reports) {
		var columns = new ArrayList<String>();
		columns.add(EvidenceBatches.array(reports, NewReport::id));
		columns.add(EvidenceBatches.array(reports, NewReport::channel));
		columns.add(EvidenceBatches.array(reports, NewReport::sourceType));
		columns.add(EvidenceBatches.array(reports, NewReport::occurredAt));
		columns.add(EvidenceBatches.array(reports, NewReport::receivedAt));
		columns.add(EvidenceBatches.array(reports, r -> r.place().lat()));
		columns.add(EvidenceBatches.array(reports, r -> r.place().lon()));
		columns.add(EvidenceBatches.array(reports, r -> r.place().ladCode()));
		columns.add(EvidenceBatches.array(reports, r -> r.place().ladName()));
		columns.add(EvidenceBatches.array(reports, r -> r.place().wardCode()));
		columns.add(EvidenceBatches.array(reports, r -> r.place().wardName()));
		columns.add(EvidenceBatches.array(reports, r -> r.place().lsoaCode()));
		columns.add(EvidenceBatches.array(reports, NewReport::substanceClass));
		columns.add(EvidenceBatches.array(reports,
				r -> SqlArrays.textArray(r.outcomes().stream().map(Enum::name).toList())));
		columns.add(EvidenceBatches.array(reports, NewReport::people));
		columns.add(EvidenceBatches.array(reports, NewReport::description));
		columns.add(EvidenceBatches.array(reports, NewReport::reporterId));
		columns.add(EvidenceBatches.array(reports, NewReport::reporterName));
		columns.add(EvidenceBatches.array(reports, NewReport::reporterAgencyCode));
		columns.add(EvidenceBatches.array(reports, NewReport::reporterAgencyName));
		columns.add(EvidenceBatches.array(reports, r -> Purpose.PUBLIC_HEALTH_INTELLIGENCE));
		record Named(UUID reportId, int position, ReportView.ReportedSubstance substance) {
		}
		var named = new ArrayList<Named>();
		for (var report : reports) {
			for (int i = 0; i < report.substances().size(); i++) {
				named.add(new Named(report.id(), i, report.substances().get(i)));
			}
		}
		columns.add(EvidenceBatches.array(named, Named::reportId));
		columns.add(EvidenceBatches.array(named, Named::position));
		columns.add(EvidenceBatches.array(named, n -> n.substance().text()));
		columns.add(EvidenceBatches.array(named, n -> n.substance().code()));
		columns.add(EvidenceBatches.array(named, n -> n.substance().name()));
		columns.add(EvidenceBatches.array(named, n -> n.substance().substanceClass()));
		columns.add(EvidenceBatches.array(named, n -> n.substance().howKnown()));
		return columns;
	}

	/** How many reports there are. */
	public long count() {
		return jdbc.sql("SELECT count(*) FROM earlywarning.report").query(Long.class).single();
	}

	/** Reports newest first, without reporters' names, with their substances. */
	public List<ReportView> page(int limit, int offset) {
		return withSubstances(jdbc.sql(WITH_SIGNAL + "ORDER BY received_at DESC, id LIMIT ? OFFSET ?")
			.param(limit)
			.param(offset)
			.query((rs, n) -> view(rs, false))
			.list());
	}

	/** How many reports this person sent. */
	public long countBy(UUID reporterId) {
		return jdbc.sql("SELECT count(*) FROM earlywarning.report WHERE reporter_id = ?")
			.param(reporterId)
			.query(Long.class)
			.single();
	}

	/**
	 * This person's reports, newest first, with their substances (no name: it is theirs).
	 */
	public List<ReportView> pageBy(UUID reporterId, int limit, int offset) {
		return withSubstances(
				jdbc.sql(WITH_SIGNAL + "WHERE reporter_id = ? ORDER BY received_at DESC, id LIMIT ? OFFSET ?")
					.param(reporterId)
					.param(limit)
					.param(offset)
					.query((rs, n) -> view(rs, false))
					.list());
	}

	/**
	 * What became of signals: their status, urgency and grade, and the latest alert
	 * issued (or being drafted) from each.
	 */
	public Map<UUID, FollowUp> followUps(Collection<UUID> signalIds) {
		if (signalIds.isEmpty()) {
			return Map.of();
		}
		var found = new HashMap<UUID, FollowUp>();
		jdbc.sql("""
				SELECT s.id, s.status, s.urgency, s.outcome, a.reference, a.state, a.expires_at
				FROM earlywarning.signal s
				LEFT JOIN LATERAL (SELECT reference, state, expires_at FROM earlywarning.alert
				                   WHERE signal_id = s.id ORDER BY created_at DESC LIMIT 1) a ON true
				WHERE s.id = ANY (?::uuid[])""")
			.param(SqlArrays.textArray(signalIds.stream().map(UUID::toString).toList()))
			.query((rs, n) -> {
				var outcome = rs.getString("outcome");
				var state = rs.getString("state");
				return Map.entry(rs.getObject("id", UUID.class),
						new FollowUp(SignalStatus.valueOf(rs.getString("status")),
								Urgency.valueOf(rs.getString("urgency")),
								outcome == null ? null : PanelOutcome.valueOf(outcome), rs.getString("reference"),
								state == null ? null : AlertState.valueOf(state)));
			})
			.list()
			.forEach(e -> found.put(e.getKey(), e.getValue()));
		return found;
	}

	/** One report with its reporter's name and substances. */
	public Optional<StoredReport> find(UUID id) {
		return jdbc.sql(WITH_SIGNAL + "WHERE id = ?")
			.param(id)
			.query((rs, n) -> new StoredReport(view(rs, true), rs.getString("reporter_agency_code")))
			.optional()
			.map(r -> new StoredReport(withSubstances(List.of(r.view())).getFirst(), r.reporterAgencyCode()));
	}

	/**
	 * The agency of a report's reporter; {@code null} when anonymous or when there is no
	 * such report.
	 */
	public @Nullable String reporterAgency(UUID id) {
		return jdbc.sql("SELECT reporter_agency_code FROM earlywarning.report WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static ReportView view(ResultSet rs, boolean withName) throws SQLException {
		var outcomes = EnumSet.noneOf(Outcome.class);
		SqlArrays.strings(rs.getArray("outcomes")).forEach(o -> outcomes.add(Outcome.valueOf(o)));
		return new ReportView(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
				SourceType.valueOf(rs.getString("source_type")), rs.getTimestamp("occurred_at").toInstant(),
				rs.getTimestamp("received_at").toInstant(), rs.getObject("lat", Double.class),
				rs.getObject("lon", Double.class), rs.getString("lad_code"), rs.getString("lad_name"),
				rs.getString("ward_name"), rs.getString("lsoa_code"), List.of(), rs.getString("substance_class"),
				outcomes, rs.getInt("people"), rs.getString("description"), rs.getString("reporter_agency_name"),
				withName ? rs.getString("reporter_name") : null, !withName && rs.getObject("reporter_id") != null,
				rs.getObject("signal_id", UUID.class));
	}

	private record SubstanceRow(UUID reportId, ReportView.ReportedSubstance substance) {
	}

	private List<ReportView> withSubstances(List<ReportView> reports) {
		if (reports.isEmpty()) {
			return reports;
		}
		var byReport = new HashMap<UUID, List<ReportView.ReportedSubstance>>();
		jdbc.sql("SELECT * FROM earlywarning.report_substance WHERE report_id = ANY (?::uuid[]) ORDER BY position")
			.param(SqlArrays.textArray(reports.stream().map(r -> r.id().toString()).toList()))
			.query((rs, n) -> new SubstanceRow(rs.getObject("report_id", UUID.class),
					new ReportView.ReportedSubstance(rs.getString("text"), rs.getString("substance_code"),
							rs.getString("substance_name"), rs.getString("substance_class"),
							HowKnown.valueOf(rs.getString("how_known")))))
			.list()
			.forEach(row -> byReport.computeIfAbsent(row.reportId(), k -> new ArrayList<>()).add(row.substance()));
		return reports.stream()
			.map(v -> new ReportView(v.id(), v.channel(), v.sourceType(), v.occurredAt(), v.receivedAt(), v.lat(),
					v.lon(), v.ladCode(), v.ladName(), v.wardName(), v.lsoaCode(),
					byReport.getOrDefault(v.id(), List.of()), v.substanceClass(), v.outcomes(), v.people(),
					v.description(), v.reporterAgency(), v.reporterName(), v.reporterWithheld(), v.signalId()))
			.toList();
	}

}
