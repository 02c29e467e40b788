package org.harmwatch.naloxone.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.naloxone.AdministrationDraft;
import org.harmwatch.naloxone.AdministrationOutcome;
import org.harmwatch.naloxone.Ledger;
import org.harmwatch.naloxone.ReleasePoint;
import org.harmwatch.naloxone.TraineeGroup;
import org.harmwatch.naloxone.TrainingDraft;
import org.harmwatch.platform.SqlArrays;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Training, naloxone given at overdoses, reissue tasks, and the figures counted from
 * them.
 */
@Repository
public class RecordsRepository {

	private final JdbcClient jdbc;

	RecordsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public UUID addTraining(String owner, TrainingDraft draft, LocalDate refresherDue, Instant now, String by) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO naloxone.training (id, owner_agency, holder_id, trained_on, trainer, trainee_group, people,
				  refresher_due, recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, owner, draft.holderId(), draft.trainedOn(), draft.trainer(), draft.group().name(),
					draft.people(), refresherDue, Timestamp.from(now), by)
			.update();
		return id;
	}

	/** The latest training the owners recorded. */
	public List<Ledger.Training> training(Set<String> owners, int limit) {
		if (owners.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT trained_on, trainer, trainee_group, people, refresher_due FROM naloxone.training
				WHERE owner_agency = ANY(CAST(? AS TEXT[])) ORDER BY trained_on DESC, recorded_at DESC LIMIT ?
				""")
			.param(SqlArrays.textArray(List.copyOf(owners)))
			.param(limit)
			.query((rs, n) -> new Ledger.Training(rs.getObject("trained_on", LocalDate.class), rs.getString("trainer"),
					TraineeGroup.valueOf(rs.getString("trainee_group")), rs.getInt("people"),
					rs.getObject("refresher_due", LocalDate.class)))
			.list();
	}

	/** People trained by the owners whose refresher falls due on the days from and to. */
	public long refreshersDue(Set<String> owners, LocalDate from, LocalDate to) {
		if (owners.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				SELECT coalesce(sum(people), 0) FROM naloxone.training
				WHERE owner_agency = ANY(CAST(? AS TEXT[])) AND refresher_due BETWEEN ? AND ?
				""").param(SqlArrays.textArray(List.copyOf(owners))).param(from).param(to).query(Long.class).single();
	}

	public UUID addDirectAdministration(String owner, AdministrationDraft draft, Instant now) {
		var id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO naloxone.administration (id, owner_agency, source, given_at, given_by, doses, route, outcome,
						  lad_code, recorded_at)
						VALUES (?, ?, 'DIRECT', ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(id, owner, Timestamp.from(draft.givenAt()), draft.givenBy().name(), draft.doses(),
					draft.route().name(), draft.outcome().name(), draft.ladCode(), Timestamp.from(now))
			.update();
		return id;
	}

	/**
	 * Records one administration of an overdose incident, once: a second delivery of the
	 * same incident changes nothing.
	 * @return whether it was new
	 */
	public boolean addIncidentAdministration(String owner, UUID incident, int ordinal, Instant givenAt, String givenBy,
			@Nullable String holderAgencyCode, int doses, String route, AdministrationOutcome outcome,
			@Nullable String ladCode, Instant now) {
		return jdbc.sql("""
				INSERT INTO naloxone.administration (id, owner_agency, source, incident_id, ordinal, given_at, given_by,
				  holder_agency_code, doses, route, outcome, lad_code, recorded_at)
				VALUES (?, ?, 'OVERDOSE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (incident_id, ordinal) DO NOTHING
				""")
			.params(UUID.randomUUID(), owner, incident, ordinal, Timestamp.from(givenAt), givenBy, holderAgencyCode,
					doses, route, outcome.name(), ladCode, Timestamp.from(now))
			.update() > 0;
	}

	/**
	 * Opens a reissue task for a holder agency's kit used at an incident, once per
	 * incident and holder agency.
	 * @return whether it was new
	 */
	public boolean openReissueTask(String owner, String holderAgencyCode, @Nullable UUID holderId, UUID incident,
			String givenBy, int doses, Instant occurredAt, Instant now) {
		return jdbc
			.sql("""
					INSERT INTO naloxone.reissue_task (id, owner_agency, holder_agency_code, holder_id, incident_id, given_by,
					  doses, occurred_at, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (incident_id, holder_agency_code) DO NOTHING
					""")
			.params(UUID.randomUUID(), owner, holderAgencyCode, holderId, incident, givenBy, doses,
					Timestamp.from(occurredAt), Timestamp.from(now))
			.update() > 0;
	}

	/** Reissue tasks not yet done, of the owners, oldest first. */
	public List<Ledger.ReissueTask> openTasks(Set<String> owners) {
		if (owners.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT t.id, t.holder_agency_code, h.name, t.given_by, t.doses, t.occurred_at
				FROM naloxone.reissue_task t LEFT JOIN naloxone.holder h ON h.id = t.holder_id
				WHERE t.done_at IS NULL AND t.owner_agency = ANY(CAST(? AS TEXT[]))
				ORDER BY t.occurred_at, t.id
				""")
			.param(SqlArrays.textArray(List.copyOf(owners)))
			.query((rs, n) -> new Ledger.ReissueTask(rs.getObject("id", UUID.class), rs.getString("holder_agency_code"),
					rs.getString("name"), rs.getString("given_by"), rs.getInt("doses"),
					rs.getTimestamp("occurred_at").toInstant()))
			.list();
	}

	public long openTaskCount(Set<String> owners) {
		if (owners.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				SELECT count(*) FROM naloxone.reissue_task
				WHERE done_at IS NULL AND owner_agency = ANY(CAST(? AS TEXT[]))
				""").param(SqlArrays.textArray(List.copyOf(owners))).query(Long.class).single();
	}

	/** A reissue task's owner, and whether it is still open. */
	public record TaskState(String owner, boolean open) {
	}

	public Optional<TaskState> taskState(UUID id) {
		return jdbc
			.sql("SELECT owner_agency, done_at IS NULL AS open FROM naloxone.reissue_task WHERE id = ? FOR UPDATE")
			.param(id)
			.query((rs, n) -> new TaskState(rs.getString("owner_agency"), rs.getBoolean("open")))
			.optional();
	}

	public void taskDone(UUID id, Instant now, String by) {
		jdbc.sql("UPDATE naloxone.reissue_task SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL")
			.params(Timestamp.from(now), by, id)
			.update();
	}

	/**
	 * Tasks of all owners for an incident, for tests and the audit: holder agency codes.
	 */
	public List<String> taskHolders(UUID incident) {
		return jdbc.sql("SELECT holder_agency_code FROM naloxone.reissue_task WHERE incident_id = ? ORDER BY 1")
			.param(incident)
			.query(String.class)
			.list();
	}

	/** People trained on the days from and to, both included. */
	public long peopleTrained(LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT coalesce(sum(people), 0) FROM naloxone.training WHERE trained_on BETWEEN ? AND ?")
			.params(from, to)
			.query(Long.class)
			.single();
	}

	/**
	 * Overdoses at which naloxone was given on the days from and to (in the zone), in all
	 * or with an outcome: an incident counts once however many administrations it had.
	 */
	public long administrations(LocalDate from, LocalDate to, ZoneId zone, @Nullable AdministrationOutcome outcome) {
		return jdbc.sql("""
				SELECT count(DISTINCT coalesce(incident_id, id)) FROM naloxone.administration
				WHERE given_at >= ? AND given_at < ? AND (CAST(? AS TEXT) IS NULL OR outcome = ?)
				""")
			.params(Timestamp.from(from.atStartOfDay(zone).toInstant()),
					Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()),
					outcome == null ? null : outcome.name(), outcome == null ? null : outcome.name())
			.query(Long.class)
			.single();
	}

	/**
	 * Kits supplied to people on the days from and to, by one holder or all, per point of
	 * risk ({@code null} key: at none).
	 */
	public Map<@Nullable ReleasePoint, Long> kitsSupplied(LocalDate from, LocalDate to, @Nullable UUID holder) {
		var result = new HashMap<@Nullable ReleasePoint, Long>();
		jdbc.sql("""
				SELECT release_point, sum(kits) AS kits FROM naloxone.movement
				WHERE kind = 'SUPPLIED' AND happened_on BETWEEN ? AND ? AND (CAST(? AS UUID) IS NULL OR from_holder = ?)
				GROUP BY release_point
				""").params(from, to, holder, holder).query(rs -> {
			var point = rs.getString("release_point");
			result.put(point == null ? null : ReleasePoint.valueOf(point), rs.getLong("kits"));
		});
		return result;
	}

	public static Map<ReleasePoint, Long> byPoint(Map<@Nullable ReleasePoint, Long> supplied) {
		var result = new EnumMap<ReleasePoint, Long>(ReleasePoint.class);
		for (var point : ReleasePoint.values()) {
			result.put(point, supplied.getOrDefault(point, 0L));
		}
		return result;
	}

}
