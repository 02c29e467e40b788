package org.harmwatch.consumptionrooms.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.consumptionrooms.ConsumptionRoute;
import org.harmwatch.consumptionrooms.HousingStatus;
import org.harmwatch.consumptionrooms.OtherwisePlace;
import org.harmwatch.consumptionrooms.ReferralKind;
import org.harmwatch.consumptionrooms.ReferralOutcome;
import org.harmwatch.consumptionrooms.RoomOverdoseDraft;
import org.harmwatch.consumptionrooms.RoomOverdoseOutcome;
import org.harmwatch.consumptionrooms.Site;
import org.harmwatch.consumptionrooms.Visit;
import org.harmwatch.consumptionrooms.VisitRow;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of sites, visits, overdoses managed and referrals. */
@Repository
public class VisitRepository {

	private final JdbcClient jdbc;

	VisitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public UUID addSite(String owner, String name, String ladCode, double lat, double lon, int booths, Instant now) {
		return jdbc.sql("""
				INSERT INTO consumptionrooms.site (id, owner_agency, name, lad_code, lat, lon, booths, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (owner_agency, name) DO UPDATE SET lad_code = excluded.lad_code, lat = excluded.lat,
				  lon = excluded.lon, booths = excluded.booths
				RETURNING id
				""")
			.params(UUID.randomUUID(), owner, name, ladCode, lat, lon, booths, Timestamp.from(now))
			.query(UUID.class)
			.single();
	}

	public List<Site> sites(String owner) {
		return jdbc.sql("SELECT * FROM consumptionrooms.site WHERE owner_agency = ? ORDER BY name")
			.param(owner)
			.query((rs, n) -> site(rs))
			.list();
	}

	public Optional<Site> site(UUID id) {
		return jdbc.sql("SELECT * FROM consumptionrooms.site WHERE id = ?")
			.param(id)
			.query((rs, n) -> site(rs))
			.optional();
	}

	/** A visit as stored. */
	public record NewVisit(UUID id, String owner, UUID siteId, String clientCode, Instant timeIn,
			@Nullable Instant timeOut, List<String> substances, ConsumptionRoute route, @Nullable String booth,
			OtherwisePlace otherwise, HousingStatus housing, @Nullable String notes, boolean drugCheckingOffered,
			Instant now, String by) {
	}

	public void insert(NewVisit v) {
		jdbc.sql(
				"""
						INSERT INTO consumptionrooms.visit (id, owner_agency, site_id, client_code, time_in, time_out, substances,
						  route, booth, otherwise, housing, supervision_notes, drug_checking_offered, recorded_at, recorded_by)
						VALUES (:id, :owner, :site, :client, :timeIn, :timeOut, string_to_array(:substances, chr(31)), :route,
						  :booth, :otherwise, :housing, :notes, :offered, :now, :by)
						""")
			.param("id", v.id())
			.param("owner", v.owner())
			.param("site", v.siteId())
			.param("client", v.clientCode())
			.param("timeIn", Timestamp.from(v.timeIn()))
			.param("timeOut", v.timeOut() == null ? null : Timestamp.from(v.timeOut()))
			.param("substances", String.join("\u001f", v.substances()))
			.param("route", v.route().name())
			.param("booth", v.booth())
			.param("otherwise", v.otherwise().name())
			.param("housing", v.housing().name())
			.param("notes", v.notes())
			.param("offered", v.drugCheckingOffered())
			.param("now", Timestamp.from(v.now()))
			.param("by", v.by())
			.update();
	}

	/** A visit's owner and site, to decide access before reading the rest. */
	public record VisitKey(UUID id, String owner, UUID siteId) {
	}

	public Optional<VisitKey> key(UUID id) {
		return jdbc.sql("SELECT id, owner_agency, site_id FROM consumptionrooms.visit WHERE id = ?")
			.param(id)
			.query((rs, n) -> new VisitKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
			.optional();
	}

	public Optional<Visit> visit(UUID id) {
		var overdoses = jdbc.sql("SELECT * FROM consumptionrooms.room_overdose WHERE visit_id = ? ORDER BY occurred_at")
			.param(id)
			.query((rs, n) -> new Visit.Overdose(rs.getObject("id", UUID.class),
					rs.getTimestamp("occurred_at").toInstant(), rs.getBoolean("oxygen"), rs.getInt("naloxone_doses"),
					rs.getString("naloxone_route"), rs.getBoolean("ambulance_called"),
					RoomOverdoseOutcome.valueOf(rs.getString("outcome"))))
			.list();
		var referrals = jdbc.sql("SELECT * FROM consumptionrooms.referral WHERE visit_id = ? ORDER BY made_on, kind")
			.param(id)
			.query((rs, n) -> new Visit.Referral(rs.getObject("id", UUID.class),
					ReferralKind.valueOf(rs.getString("kind")), rs.getObject("made_on", LocalDate.class),
					ReferralOutcome.valueOf(rs.getString("outcome")), rs.getObject("outcome_on", LocalDate.class)))
			.list();
		return jdbc.sql("""
				SELECT v.*, s.name AS site_name FROM consumptionrooms.visit v
				JOIN consumptionrooms.site s ON s.id = v.site_id WHERE v.id = ?
				""").param(id).query((rs, n) -> visit(rs, overdoses, referrals)).optional();
	}

	public List<VisitRow> page(String owner, @Nullable String clientCode, int limit, long offset) {
		return jdbc.sql("""
				SELECT v.id, s.name, v.client_code, v.time_in, v.time_out, v.route,
				  (SELECT count(*) FROM consumptionrooms.room_overdose o WHERE o.visit_id = v.id) AS overdoses
				FROM consumptionrooms.visit v JOIN consumptionrooms.site s ON s.id = v.site_id
				WHERE v.owner_agency = :owner AND (CAST(:client AS text) IS NULL OR v.client_code = :client)
				ORDER BY v.time_in DESC, v.id LIMIT :limit OFFSET :offset
				""")
			.param("owner", owner)
			.param("client", clientCode)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new VisitRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
					ConsumptionRoute.valueOf(rs.getString(6)), rs.getLong(7)))
			.list();
	}

	public long count(String owner, @Nullable String clientCode) {
		return jdbc.sql("""
				SELECT count(*) FROM consumptionrooms.visit
				WHERE owner_agency = :owner AND (CAST(:client AS text) IS NULL OR client_code = :client)
				""").param("owner", owner).param("client", clientCode).query(Long.class).single();
	}

	/** Referrals the agency made that have no outcome yet. */
	public long pendingReferrals(String owner) {
		return jdbc.sql("SELECT count(*) FROM consumptionrooms.referral WHERE owner_agency = ? AND outcome = 'PENDING'")
			.param(owner)
			.query(Long.class)
			.single();
	}

	public void insertOverdose(UUID id, UUID visitId, String owner, RoomOverdoseDraft draft, Instant now, String by) {
		jdbc.sql(
				"""
						INSERT INTO consumptionrooms.room_overdose (id, visit_id, owner_agency, occurred_at, oxygen, naloxone_doses,
						  naloxone_route, ambulance_called, outcome, recorded_at, recorded_by)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(id, visitId, owner, Timestamp.from(draft.occurredAt()), draft.oxygen(), draft.naloxoneDoses(),
					draft.naloxoneDoses() == 0 ? null : draft.naloxoneRoute(), draft.ambulanceCalled(),
					draft.outcome().name(), Timestamp.from(now), by)
			.update();
	}

	public void insertReferral(UUID id, UUID visitId, String owner, ReferralKind kind, LocalDate madeOn, Instant now,
			String by) {
		jdbc.sql("""
				INSERT INTO consumptionrooms.referral (id, visit_id, owner_agency, kind, made_on, outcome, recorded_at,
				  recorded_by)
				VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)
				""").params(id, visitId, owner, kind.name(), madeOn, Timestamp.from(now), by).update();
	}

	/** A referral's owner and visit. */
	public record ReferralKey(UUID id, UUID visitId, String owner, LocalDate madeOn) {
	}

	public Optional<ReferralKey> referral(UUID id) {
		return jdbc.sql("SELECT id, visit_id, owner_agency, made_on FROM consumptionrooms.referral WHERE id = ?")
			.param(id)
			.query((rs, n) -> new ReferralKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getObject(4, LocalDate.class)))
			.optional();
	}

	public void referralOutcome(UUID id, ReferralOutcome outcome, @Nullable LocalDate on) {
		jdbc.sql("UPDATE consumptionrooms.referral SET outcome = ?, outcome_on = ? WHERE id = ?")
			.params(outcome.name(), on, id)
			.update();
	}

	/** Distinct clients by their latest housing status, over visits between the days. */
	public Map<HousingStatus, Long> housing(String owner, Instant from, Instant to) {
		var result = new EnumMap<HousingStatus, Long>(HousingStatus.class);
		jdbc.sql("""
				SELECT housing, count(*) FROM (
				  SELECT DISTINCT ON (client_code) client_code, housing FROM consumptionrooms.visit
				  WHERE owner_agency = ? AND time_in >= ? AND time_in < ?
				  ORDER BY client_code, time_in DESC) latest
				GROUP BY housing
				""").params(owner, Timestamp.from(from), Timestamp.from(to)).query((rs, n) -> {
			result.put(HousingStatus.valueOf(rs.getString(1)), rs.getLong(2));
			return n;
		}).list();
		return result;
	}

	/** The evaluation's counts over visits between the instants. */
	public record Counts(long visits, long clients, long injections, long publicInjectingAvoided, long overdosesManaged,
			long overdosesSurvived, long referralsMade, long referralsCompleted) {
	}

	public Counts counts(String owner, Instant from, Instant to) {
		return jdbc
			.sql("""
					SELECT count(*) AS visits, count(DISTINCT client_code) AS clients,
					  count(*) FILTER (WHERE route = 'INJECTED') AS injections,
					  count(*) FILTER (WHERE route = 'INJECTED' AND otherwise = 'PUBLIC_PLACE') AS avoided,
					  (SELECT count(*) FROM consumptionrooms.room_overdose o JOIN consumptionrooms.visit w ON w.id = o.visit_id
					   WHERE w.owner_agency = :owner AND w.time_in >= :from AND w.time_in < :to) AS overdoses,
					  (SELECT count(*) FROM consumptionrooms.room_overdose o JOIN consumptionrooms.visit w ON w.id = o.visit_id
					   WHERE w.owner_agency = :owner AND w.time_in >= :from AND w.time_in < :to AND o.outcome <> 'DIED')
					   AS survived,
					  (SELECT count(*) FROM consumptionrooms.referral r JOIN consumptionrooms.visit w ON w.id = r.visit_id
					   WHERE w.owner_agency = :owner AND w.time_in >= :from AND w.time_in < :to) AS referrals,
					  (SELECT count(*) FROM consumptionrooms.referral r JOIN consumptionrooms.visit w ON w.id = r.visit_id
					   WHERE w.owner_agency = :owner AND w.time_in >= :from AND w.time_in < :to AND r.outcome = 'ATTENDED')
					   AS completed
					FROM consumptionrooms.visit WHERE owner_agency = :owner AND time_in >= :from AND time_in < :to
					""")
			.param("owner", owner)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Counts(rs.getLong("visits"), rs.getLong("clients"), rs.getLong("injections"),
					rs.getLong("avoided"), rs.getLong("overdoses"), rs.getLong("survived"), rs.getLong("referrals"),
					rs.getLong("completed")))
			.single();
	}

	private static Site site(ResultSet rs) throws SQLException {
		return new Site(rs.getObject("id", UUID.class), rs.getString("owner_agency"), rs.getString("name"),
				rs.getString("lad_code"), rs.getDouble("lat"), rs.getDouble("lon"), rs.getInt("booths"));
	}

	private static Visit visit(ResultSet rs, List<Visit.Overdose> overdoses, List<Visit.Referral> referrals)
			throws SQLException {
		Array substances = rs.getArray("substances");
		var timeOut = rs.getTimestamp("time_out");
		return new Visit(rs.getObject("id", UUID.class), rs.getString("owner_agency"), rs.getString("site_name"),
				rs.getString("client_code"), rs.getTimestamp("time_in").toInstant(),
				timeOut == null ? null : timeOut.toInstant(), List.of((String[]) substances.getArray()),
				ConsumptionRoute.valueOf(rs.getString("route")), rs.getString("booth"),
				OtherwisePlace.valueOf(rs.getString("otherwise")), HousingStatus.valueOf(rs.getString("housing")),
				rs.getString("supervision_notes"), rs.getBoolean("drug_checking_offered"), overdoses, referrals);
	}

}
