package org.harmwatch.earlywarning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.earlywarning.internal.PanelProperties;
import org.harmwatch.earlywarning.internal.SignalEngine;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert panel (PHE Local Drug Information System: receive, validate and corroborate, <em>grade</em>, respond).
 *
 * <p>Grading opens when the coordinator validates a signal; the panel has until a deadline set by the signal's urgency
 * ({@code harmwatch.early-warning.panel.deadlines}). The panel is every enabled member of staff whose roles grant
 * {@code EARLY_WARNING:APPROVE}: the panel members and, so that a short-handed panel can still reach a quorum out of
 * hours, the coordinator. Each member grades asynchronously (one grade each, replaceable until the outcome is
 * recorded): strength of evidence x potential harm, a recommended outcome and a rationale. Once a quorum of grades is
 * in, the coordinator (holder of {@code EARLY_WARNING:MANAGE}) records the outcome with a rationale; the signal becomes
 * {@link SignalStatus#GRADED} and {@link SignalGraded} is published. {@link #chase(Instant)} reminds members who have
 * not graded once, part-way to the deadline, and tells the out-of-hours lead once when the deadline passes without a
 * quorum.
 */
@Service
public class PanelManagement {

	/** Longest rationale of a grade or an outcome. */
	public static final int MAX_RATIONALE = 4000;

	/**
	 * The grading matrix: the outcome suggested for each strength of evidence (rows A to D) and potential harm (columns
	 * LOW to SEVERE). Harmwatch's starting matrix, after the shape of the PHE LDIS grading matrix: weak evidence of
	 * severe harm still informs professionals; lab-confirmed evidence of high harm reaches the public.
	 */
	private static final PanelOutcome[][] MATRIX = {
			{ PanelOutcome.INFORM_PROFESSIONALS, PanelOutcome.ALERT_PROFESSIONALS,
					PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC },
			{ PanelOutcome.INFORM_PROFESSIONALS, PanelOutcome.ALERT_PROFESSIONALS, PanelOutcome.ALERT_PROFESSIONALS,
					PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC },
			{ PanelOutcome.MONITOR, PanelOutcome.INFORM_PROFESSIONALS, PanelOutcome.ALERT_PROFESSIONALS,
					PanelOutcome.ALERT_PROFESSIONALS },
			{ PanelOutcome.MONITOR, PanelOutcome.MONITOR, PanelOutcome.INFORM_PROFESSIONALS,
					PanelOutcome.INFORM_PROFESSIONALS } };

	static final String REMINDER = "REMINDER", ESCALATION = "ESCALATION";

	private final JdbcClient jdbc;

	private final EarlyWarningManagement earlyWarning;

	private final AgencyManagement agencies;

	private final GeographyManagement geography;

	private final PanelProperties properties;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	PanelManagement(JdbcClient jdbc, EarlyWarningManagement earlyWarning, AgencyManagement agencies,
			GeographyManagement geography, PanelProperties properties, AuditLog audit,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.earlyWarning = earlyWarning;
		this.agencies = agencies;
		this.geography = geography;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
	}

	/** The outcome the grading matrix suggests for a strength of evidence and a potential harm. */
	public static PanelOutcome suggest(EvidenceStrength strength, PotentialHarm harm) {
		return MATRIX[strength.ordinal()][harm.ordinal()];
	}

	/** The whole matrix, row by row, for showing it beside the grade form. */
	public static Map<EvidenceStrength, Map<PotentialHarm, PanelOutcome>> matrix() {
		var rows = new EnumMap<EvidenceStrength, Map<PotentialHarm, PanelOutcome>>(EvidenceStrength.class);
		for (var s : EvidenceStrength.values()) {
			var row = new EnumMap<PotentialHarm, PanelOutcome>(PotentialHarm.class);
			for (var h : PotentialHarm.values()) {
				row.put(h, suggest(s, h));
			}
			rows.put(s, row);
		}
		return rows;
	}

	/** Grades needed before the outcome may be recorded. */
	public int quorum() {
		return properties.quorum();
	}

	/** Who may grade: usernames of staff holding {@code EARLY_WARNING:APPROVE}. */
	public List<String> members() {
		return agencies.usernamesHolding(Capability.EARLY_WARNING, Action.APPROVE);
	}

	/**
	 * A signal's round of grading as of {@code now}; empty while the signal is open or when it was dismissed.
	 * @throws EarlyWarningManagement.NotFound when there is no such signal
	 */
	@Transactional(readOnly = true)
	public Optional<PanelRound> round(UUID signalId, Instant now) {
		var signal = earlyWarning.signal(signalId);
		if ((signal.status() != SignalStatus.VALIDATED && signal.status() != SignalStatus.GRADED)
				|| signal.decidedAt() == null) {
			return Optional.empty();
		}
		return Optional.of(round(signal, members(), now));
	}

	private PanelRound round(SignalView signal, List<String> members, Instant now) {
		var opened = signal.decidedAt();
		if (opened == null) {
			throw new IllegalStateException("signal " + signal.id() + " was not validated");
		}
		var grades = grades(signal.id());
		var reminded = new ArrayList<String>();
		String escalatedTo = null;
		Instant escalatedAt = null;
		for (var row : jdbc.sql("SELECT username, kind, sent_at FROM earlywarning.panel_chaser WHERE signal_id = ? "
				+ "ORDER BY sent_at, username")
			.param(signal.id())
			.query((rs, n) -> new Object[] { rs.getString("username"), rs.getString("kind"),
					rs.getTimestamp("sent_at").toInstant() })
			.list()) {
			if (REMINDER.equals(row[1])) {
				reminded.add((String) row[0]);
			}
			else {
				escalatedTo = (String) row[0];
				escalatedAt = (Instant) row[2];
			}
		}
		var gradedBy = jdbc.sql("SELECT graded_by FROM earlywarning.signal WHERE id = ?")
			.param(signal.id())
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.single()
			.orElse(null);
		var everyone = new LinkedHashSet<>(members);
		grades.forEach(g -> everyone.add(g.username()));
		return new PanelRound(signal, opened, opened.plus(properties.deadline(signal.urgency())),
				opened.plus(properties.reminder(signal.urgency())), properties.quorum(), grades,
				List.copyOf(everyone), reminded, escalatedTo, escalatedAt, defaultOutcome(grades), gradedBy, now);
	}

	/** A signal's grades, earliest first. */
	public List<PanelGrade> grades(UUID signalId) {
		return jdbc.sql("SELECT * FROM earlywarning.panel_grade WHERE signal_id = ? ORDER BY first_graded_at, username")
			.param(signalId)
			.query((rs, n) -> grade(rs))
			.list();
	}

	private static PanelGrade grade(ResultSet rs) throws SQLException {
		return new PanelGrade(rs.getObject("signal_id", UUID.class), rs.getString("username"),
				rs.getString("display_name"), EvidenceStrength.valueOf(rs.getString("evidence_strength")),
				PotentialHarm.valueOf(rs.getString("harm")), PanelOutcome.valueOf(rs.getString("recommendation")),
				rs.getString("rationale"), rs.getTimestamp("first_graded_at").toInstant(),
				rs.getTimestamp("graded_at").toInstant());
	}

	/** The most common recommendation; on a tie, the one with more action. {@code null} without grades. */
	static @Nullable PanelOutcome defaultOutcome(List<PanelGrade> grades) {
		var counts = new EnumMap<PanelOutcome, Integer>(PanelOutcome.class);
		grades.forEach(g -> counts.merge(g.recommendation(), 1, Integer::sum));
		return counts.entrySet()
			.stream()
			.max(Comparator.comparing((Map.Entry<PanelOutcome, Integer> e) -> e.getValue())
				.thenComparing(Map.Entry::getKey))
			.map(Map.Entry::getKey)
			.orElse(null);
	}

	/** Signals open for grading, the nearest deadline first, as of {@code now}. */
	@Transactional(readOnly = true)
	public List<PanelRound> queue(Instant now) {
		var members = members();
		return validated().stream().map(s -> round(s, members, now)).sorted(Comparator.comparing(PanelRound::deadline)).toList();
	}

	private List<SignalView> validated() {
		return jdbc.sql("SELECT id FROM earlywarning.signal WHERE status = 'VALIDATED' AND decided_at IS NOT NULL "
				+ "ORDER BY decided_at")
			.query(UUID.class)
			.list()
			.stream()
			.map(earlyWarning::signal)
			.toList();
	}

	/**
	 * A panel member grades a validated signal, replacing their earlier grade of it.
	 * @throws PanelRejectedException naming every wrong field, or (conflict) when the signal is not open for grading;
	 * nothing is changed then
	 * @throws EarlyWarningManagement.NotFound when there is no such signal
	 */
	@Transactional
	public PanelGrade grade(UUID signalId, @Nullable EvidenceStrength strength, @Nullable PotentialHarm harm,
			@Nullable PanelOutcome recommendation, @Nullable String rationale, String username, String displayName,
			Instant now) {
		var signal = earlyWarning.signal(signalId);
		var problems = new ArrayList<ReportProblem>();
		if (strength == null) {
			problems.add(new ReportProblem("strength", "Choose the strength of evidence: A, B, C or D."));
		}
		if (harm == null) {
			problems.add(new ReportProblem("harm", "Choose the potential harm: low, moderate, high or severe."));
		}
		if (recommendation == null) {
			problems.add(new ReportProblem("recommendation", "Choose the outcome you recommend."));
		}
		var why = rationale(rationale, problems);
		if (signal.status() != SignalStatus.VALIDATED) {
			throw new PanelRejectedException(List.of(new ReportProblem("signal", signal.status() == SignalStatus.GRADED
					? "The panel's outcome has been recorded: grades can no longer change."
					: "Grading opens when the coordinator validates the signal.")), true);
		}
		if (!problems.isEmpty() || strength == null || harm == null || recommendation == null || why == null) {
			throw new PanelRejectedException(problems, false);
		}
		// Hold the signal (shared) so that the outcome cannot be recorded between the check above and this grade.
		var status = jdbc.sql("SELECT status FROM earlywarning.signal WHERE id = ? FOR SHARE")
			.param(signalId)
			.query(String.class)
			.single();
		if (!SignalStatus.VALIDATED.name().equals(status)) {
			throw new PanelRejectedException(List.of(new ReportProblem("signal",
					"The panel's outcome has been recorded: grades can no longer change.")), true);
		}
		var at = Timestamp.from(now);
		jdbc.sql("""
				INSERT INTO earlywarning.panel_grade (signal_id, username, display_name, evidence_strength, harm,
				  recommendation, rationale, first_graded_at, graded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (signal_id, username) DO UPDATE SET display_name = EXCLUDED.display_name,
				  evidence_strength = EXCLUDED.evidence_strength, harm = EXCLUDED.harm,
				  recommendation = EXCLUDED.recommendation, rationale = EXCLUDED.rationale, graded_at = EXCLUDED.graded_at""")
			.param(signalId)
			.param(username)
			.param(displayName)
			.param(strength.name())
			.param(harm.name())
			.param(recommendation.name())
			.param(why)
			.param(at)
			.param(at)
			.update();
		audit.recordFor(username, null, "PANEL_GRADED", "early-warning-signal", signalId.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				strength + "/" + harm + " recommends " + recommendation);
		return grades(signalId).stream().filter(g -> g.username().equals(username)).findFirst().orElseThrow();
	}

	private static @Nullable String rationale(@Nullable String rationale, List<ReportProblem> problems) {
		var why = rationale == null || rationale.isBlank() ? null : rationale.strip();
		if (why == null) {
			problems.add(new ReportProblem("rationale", "Give your reasons."));
		}
		else if (why.length() > MAX_RATIONALE) {
			problems.add(new ReportProblem("rationale", "The reasons are at most " + MAX_RATIONALE + " characters."));
			return null;
		}
		return why;
	}

	/**
	 * The coordinator records the panel's outcome once a quorum has graded: the signal becomes
	 * {@link SignalStatus#GRADED} and {@link SignalGraded} is published.
	 * @throws PanelRejectedException when the outcome or rationale is missing, the quorum is not reached, or (conflict)
	 * the signal is not open for grading; nothing is changed then
	 */
	@Transactional
	public SignalView recordOutcome(UUID signalId, @Nullable PanelOutcome outcome, @Nullable String rationale,
			String recordedBy, Instant now) {
		var signal = earlyWarning.signal(signalId);
		if (signal.status() != SignalStatus.VALIDATED) {
			throw new PanelRejectedException(List.of(new ReportProblem("outcome", signal.status() == SignalStatus.GRADED
					? "The panel's outcome has already been recorded."
					: "Only a validated signal is graded.")), true);
		}
		// Lock the signal so that a grade changing meanwhile cannot slip past the quorum count.
		jdbc.sql("SELECT id FROM earlywarning.signal WHERE id = ? FOR UPDATE").param(signalId).query(UUID.class).single();
		var problems = new ArrayList<ReportProblem>();
		int graded = grades(signalId).size();
		if (graded < properties.quorum()) {
			problems.add(new ReportProblem("outcome", "The panel needs " + properties.quorum()
					+ " grades before the outcome can be recorded; it has " + graded + "."));
		}
		else if (outcome == null) {
			problems.add(new ReportProblem("outcome", "Choose the panel's outcome."));
		}
		var why = rationale(rationale, problems);
		if (!problems.isEmpty() || outcome == null || why == null) {
			throw new PanelRejectedException(problems, false);
		}
		int changed = jdbc.sql("UPDATE earlywarning.signal SET status = 'GRADED', outcome = ?, outcome_rationale = ?, "
				+ "graded_at = ?, graded_by = ? WHERE id = ? AND status = 'VALIDATED'")
			.param(outcome.name())
			.param(why)
			.param(Timestamp.from(now))
			.param(recordedBy)
			.param(signalId)
			.update();
		if (changed != 1) {
			throw new PanelRejectedException(
					List.of(new ReportProblem("outcome", "The panel's outcome has already been recorded.")), true);
		}
		audit.recordFor(recordedBy, null, "PANEL_OUTCOME_RECORDED", "early-warning-signal", signalId.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, outcome + " after " + graded + " grades");
		events.publishEvent(new SignalGraded(signalId, outcome, why, now));
		return earlyWarning.signal(signalId);
	}

	/** What a run of {@link #chase(Instant)} published. */
	public record Chased(List<GradingReminderDue> reminders, List<GradingOverdue> escalations) {
	}

	/**
	 * Reminds members who have not graded, once each, when a signal's reminder time has passed; tells the out-of-hours
	 * lead, once per signal, when its deadline has passed without a quorum. Each is recorded before its event is
	 * published, in one transaction, so a repeated or concurrent run sends nothing twice.
	 */
	@Transactional
	public Chased chase(Instant now) {
		var members = members();
		var reminders = new ArrayList<GradingReminderDue>();
		var escalations = new ArrayList<GradingOverdue>();
		for (var signal : validated()) {
			var round = round(signal, members, now);
			if (!now.isBefore(round.remindAt())) {
				var due = new ArrayList<String>();
				for (var member : round.waitingFor()) {
					if (record(signal.id(), member, REMINDER, now)) {
						due.add(member);
					}
				}
				if (!due.isEmpty()) {
					var event = new GradingReminderDue(signal.id(), List.copyOf(due), round.deadline());
					events.publishEvent(event);
					reminders.add(event);
				}
			}
			if (!now.isBefore(round.deadline()) && !round.quorumReached()
					&& record(signal.id(), properties.escalateTo(), ESCALATION, now)) {
				var event = new GradingOverdue(signal.id(), properties.escalateTo(), round.deadline(),
						round.grades().size(), round.quorum());
				events.publishEvent(event);
				escalations.add(event);
			}
		}
		return new Chased(reminders, escalations);
	}

	private boolean record(UUID signalId, String username, String kind, Instant now) {
		return jdbc.sql("INSERT INTO earlywarning.panel_chaser (signal_id, username, kind, sent_at) VALUES (?, ?, ?, ?) "
				+ "ON CONFLICT DO NOTHING")
			.param(signalId)
			.param(username)
			.param(kind)
			.param(Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * What else bears on a signal: other reports of its substance (else its class; for a signal with neither, any
	 * report) in its district and the neighbouring ones, drug-checking findings there or naming its substance, and
	 * spikes there, from the corroboration window (30 days) before its latest evidence up to {@code now}.
	 */
	@Transactional(readOnly = true)
	public Corroboration corroboration(UUID signalId, Instant now) {
		var signal = earlyWarning.signal(signalId);
		var since = signal.lastEvidenceAt().minus(properties.corroborationWindow());
		var until = now.isAfter(signal.lastEvidenceAt()) ? now : signal.lastEvidenceAt();
		var districts = new ArrayList<String>();
		districts.add(signal.ladCode());
		districts.addAll(geography.neighbours(signal.ladCode()));
		var names = new HashMap<String, String>();
		for (var code : districts) {
			names.put(code, geography.area(code).map(Area::name).orElse(code));
		}
		var codes = "{" + String.join(",", districts) + "}";
		var reports = jdbc.sql("""
				SELECT r.id, r.occurred_at, r.lad_code, r.lad_name, r.source_type, r.outcomes, r.people,
				  (SELECT e.signal_id FROM earlywarning.evidence e WHERE e.kind = 'REPORT' AND e.ref = r.id::text) AS signal_id,
				  ARRAY(SELECT coalesce(s.substance_name, s.text) FROM earlywarning.report_substance s
				        WHERE s.report_id = r.id ORDER BY s.position) AS substances
				FROM earlywarning.report r
				WHERE r.lad_code = ANY (?::text[]) AND r.occurred_at BETWEEN ? AND ?
				  AND NOT EXISTS (SELECT 1 FROM earlywarning.evidence e
				                  WHERE e.kind = 'REPORT' AND e.ref = r.id::text AND e.signal_id = ?)
				  AND (CAST(? AS text) IS NULL AND CAST(? AS text) IS NULL
				       OR EXISTS (SELECT 1 FROM earlywarning.report_substance s WHERE s.report_id = r.id
				                  AND (s.substance_code = ? OR s.substance_class = ?))
				       OR r.substance_class = ?)
				ORDER BY r.occurred_at DESC, r.id LIMIT 50""")
			.param(codes)
			.param(Timestamp.from(since))
			.param(Timestamp.from(until))
			.param(signalId)
			.param(signal.substanceCode())
			.param(signal.substanceClass())
			.param(signal.substanceCode())
			.param(signal.substanceClass())
			.param(signal.substanceClass())
			.query((rs, n) -> {
				var outcomes = new ArrayList<Outcome>();
				SignalEngine.strings(rs.getArray("outcomes")).forEach(o -> outcomes.add(Outcome.valueOf(o)));
				return new Corroboration.Report(rs.getObject("id", UUID.class), rs.getObject("signal_id", UUID.class),
						rs.getTimestamp("occurred_at").toInstant(), rs.getString("lad_name"),
						SourceType.valueOf(rs.getString("source_type")), SignalEngine.strings(rs.getArray("substances")),
						outcomes, rs.getInt("people"), signal.ladCode().equals(rs.getString("lad_code")));
			})
			.list();
		var drugChecks = findings(EvidenceKind.DRUG_CHECK, signal, codes, since, until, names);
		var spikes = findings(EvidenceKind.SPIKE, signal, codes, since, until, names);
		return new Corroboration(signalId, since, until, districts.stream().map(names::get).toList(), reports, drugChecks,
				spikes);
	}

	private List<Corroboration.Finding> findings(EvidenceKind kind, SignalView signal, String codes, Instant since,
			Instant until, Map<String, String> names) {
		return jdbc.sql("""
				SELECT signal_id, occurred_at, lad_code, summary FROM earlywarning.evidence
				WHERE kind = ? AND occurred_at BETWEEN ? AND ?
				  AND (lad_code = ANY (?::text[]) OR (CAST(? AS text) IS NOT NULL AND ? = ANY (substance_codes)))
				ORDER BY occurred_at DESC, id LIMIT 50""")
			.param(kind.name())
			.param(Timestamp.from(since))
			.param(Timestamp.from(until))
			.param(codes)
			.param(signal.substanceCode())
			.param(signal.substanceCode())
			.query((rs, n) -> {
				var lad = rs.getString("lad_code");
				var at = geography.area(lad).map(Area::name).orElse(names.getOrDefault(lad, lad));
				var in = rs.getObject("signal_id", UUID.class);
				return new Corroboration.Finding(in, rs.getTimestamp("occurred_at").toInstant(), at,
						rs.getString("summary"), in.equals(signal.id()));
			})
			.list();
	}

}
