package org.harmwatch.earlywarning;

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
import org.harmwatch.earlywarning.internal.EarlyWarningAudit;
import org.harmwatch.earlywarning.internal.PanelProperties;
import org.harmwatch.earlywarning.internal.PanelRepository;
import org.harmwatch.earlywarning.internal.PanelRepository.ChaserKind;
import org.harmwatch.earlywarning.internal.Signal;
import org.harmwatch.earlywarning.internal.SignalReadRepository;
import org.harmwatch.earlywarning.internal.SignalRepository;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert panel (PHE Local Drug Information System: receive, validate and corroborate,
 * <em>grade</em>, respond).
 *
 * <p>
 * Grading opens when the coordinator validates a signal; the panel has until a deadline
 * set by the signal's urgency ({@code harmwatch.early-warning.panel.deadlines}). The
 * panel is every enabled member of staff whose roles grant {@code EARLY_WARNING:APPROVE}:
 * the panel members and, so that a short-handed panel can still reach a quorum out of
 * hours, the coordinator. Each member grades asynchronously (one grade each, replaceable
 * until the outcome is recorded): strength of evidence x potential harm, a recommended
 * outcome and a rationale. Once a quorum of grades is in, the coordinator (holder of
 * {@code EARLY_WARNING:MANAGE}) records the outcome with a rationale; the signal becomes
 * {@link SignalStatus#GRADED} and {@link SignalGraded} is published.
 * {@link #chase(Instant)} reminds members who have not graded once, part-way to the
 * deadline, and tells the out-of-hours lead once when the deadline passes without a
 * quorum.
 */
@Service
public class PanelManagement {

	/** Longest rationale of a grade or an outcome. */
	public static final int MAX_RATIONALE = Signal.MAX_RATIONALE;

	/**
	 * The grading matrix: the outcome suggested for each strength of evidence (rows A to
	 * D) and potential harm (columns LOW to SEVERE). Harmwatch's starting matrix, after
	 * the shape of the PHE LDIS grading matrix: weak evidence of severe harm still
	 * informs professionals; lab-confirmed evidence of high harm reaches the public.
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

	private final PanelRepository panel;

	private final SignalRepository signals;

	private final SignalReadRepository signalReads;

	private final EarlyWarningManagement earlyWarning;

	private final AgencyManagement agencies;

	private final GeographyManagement geography;

	private final PanelProperties properties;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	PanelManagement(PanelRepository panel, SignalRepository signals, SignalReadRepository signalReads,
			EarlyWarningManagement earlyWarning, AgencyManagement agencies, GeographyManagement geography,
			PanelProperties properties, AuditLog audit, ApplicationEventPublisher events) {
		this.panel = panel;
		this.signals = signals;
		this.signalReads = signalReads;
		this.earlyWarning = earlyWarning;
		this.agencies = agencies;
		this.geography = geography;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * The outcome the grading matrix suggests for a strength of evidence and a potential
	 * harm.
	 */
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
	 * A signal's round of grading as of {@code now}; empty while the signal is open or
	 * when it was dismissed.
	 * @throws NotFoundException when there is no such signal
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
		for (var chaser : panel.chasers(signal.id())) {
			if (chaser.kind() == ChaserKind.REMINDER) {
				reminded.add(chaser.username());
			}
			else {
				escalatedTo = chaser.username();
				escalatedAt = chaser.sentAt();
			}
		}
		var gradedBy = signalReads.gradedBy(signal.id()).orElse(null);
		var everyone = new LinkedHashSet<>(members);
		grades.forEach(g -> everyone.add(g.username()));
		return new PanelRound(signal, opened, opened.plus(properties.deadline(signal.urgency())),
				opened.plus(properties.reminder(signal.urgency())), properties.quorum(), grades, List.copyOf(everyone),
				reminded, escalatedTo, escalatedAt, defaultOutcome(grades), gradedBy, now);
	}

	/** A signal's grades, earliest first. */
	public List<PanelGrade> grades(UUID signalId) {
		return panel.grades(signalId);
	}

	/**
	 * The most common recommendation; on a tie, the one with more action. {@code null}
	 * without grades.
	 */
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
		return validated().stream()
			.map(s -> round(s, members, now))
			.sorted(Comparator.comparing(PanelRound::deadline))
			.toList();
	}

	private List<SignalView> validated() {
		return signalReads.validated();
	}

	/**
	 * A panel member grades a validated signal, replacing their earlier grade of it.
	 * @throws InputRejectedException naming every wrong field, or
	 * ({@code Signal.NotOpen}, a conflict) when the signal is not open for grading;
	 * nothing is changed then
	 * @throws NotFoundException when there is no such signal
	 */
	@Transactional
	public PanelGrade grade(UUID signalId, @Nullable EvidenceStrength strength, @Nullable PotentialHarm harm,
			@Nullable PanelOutcome recommendation, @Nullable String rationale, String username, String displayName,
			Instant now) {
		var signal = signals.findById(signalId)
			.orElseThrow(() -> new NotFoundException("earlywarning.error.notFound.signal", signalId));
		var problems = new ArrayList<FieldProblem>();
		if (strength == null) {
			problems.add(FieldProblem.of("strength", "earlywarning.panel.error.strength"));
		}
		if (harm == null) {
			problems.add(FieldProblem.of("harm", "earlywarning.panel.error.harm"));
		}
		if (recommendation == null) {
			problems.add(FieldProblem.of("recommendation", "earlywarning.panel.error.recommendation"));
		}
		var why = Signal.rationale(rationale, problems);
		signal.requireGradable();
		if (!problems.isEmpty() || strength == null || harm == null || recommendation == null || why == null) {
			throw new InputRejectedException(problems);
		}
		// Hold the signal (shared) so that the outcome cannot be recorded between the
		// check above and this grade.
		signals.findHeldById(signalId).orElseThrow().requireGradable();
		panel.saveGrade(signalId, username, displayName, strength, harm, recommendation, why, now);
		audit.recordFor(username, null, EarlyWarningAudit.PANEL_GRADED, "early-warning-signal", signalId.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				strength + "/" + harm + " recommends " + recommendation);
		return grades(signalId).stream().filter(g -> g.username().equals(username)).findFirst().orElseThrow();
	}

	/**
	 * The coordinator records the panel's outcome once a quorum has graded: the signal
	 * becomes {@link SignalStatus#GRADED} and {@link SignalGraded} is published.
	 * @throws InputRejectedException when the outcome or rationale is missing, the quorum
	 * is not reached, or ({@code Signal.NotOpen}, a conflict) the signal is not open for
	 * grading; nothing is changed then
	 */
	@Transactional
	public SignalView recordOutcome(UUID signalId, @Nullable PanelOutcome outcome, @Nullable String rationale,
			String recordedBy, Instant now) {
		signals.findById(signalId)
			.orElseThrow(() -> new NotFoundException("earlywarning.error.notFound.signal", signalId))
			.requireOutcomeOpen();
		// Lock the signal so that a grade changing meanwhile cannot slip past the quorum
		// count.
		var signal = signals.findLockedById(signalId).orElseThrow();
		int graded = grades(signalId).size();
		var why = signal.recordOutcome(outcome, rationale, graded, properties.quorum(), recordedBy, now);
		signals.save(signal);
		audit.recordFor(recordedBy, null, EarlyWarningAudit.PANEL_OUTCOME_RECORDED, "early-warning-signal",
				signalId.toString(), Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				outcome + " after " + graded + " grades");
		events.publishEvent(new SignalGraded(signalId, outcome, why, now));
		return earlyWarning.signal(signalId);
	}

	/** What a run of {@link #chase(Instant)} published. */
	public record Chased(List<GradingReminderDue> reminders, List<GradingOverdue> escalations) {
	}

	/**
	 * Reminds members who have not graded, once each, when a signal's reminder time has
	 * passed; tells the out-of-hours lead, once per signal, when its deadline has passed
	 * without a quorum. Each is recorded before its event is published, in one
	 * transaction, so a repeated or concurrent run sends nothing twice.
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
					if (panel.recordChaser(signal.id(), member, ChaserKind.REMINDER, now)) {
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
					&& panel.recordChaser(signal.id(), properties.escalateTo(), ChaserKind.ESCALATION, now)) {
				var event = new GradingOverdue(signal.id(), properties.escalateTo(), round.deadline(),
						round.grades().size(), round.quorum());
				events.publishEvent(event);
				escalations.add(event);
			}
		}
		return new Chased(reminders, escalations);
	}

	/**
	 * What else bears on a signal: other reports of its substance (else its class; for a
	 * signal with neither, any report) in its district and the neighbouring ones,
	 * drug-checking findings there or naming its substance, and spikes there, from the
	 * corroboration window (30 days) before its latest evidence up to {@code now}.
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
		var reports = signalReads.corroboratingReports(signal, districts, since, until);
		var drugChecks = findings(EvidenceKind.DRUG_CHECK, signal, districts, since, until, names);
		var spikes = findings(EvidenceKind.SPIKE, signal, districts, since, until, names);
		return new Corroboration(signalId, since, until, districts.stream().map(names::get).toList(), reports,
				drugChecks, spikes);
	}

	private List<Corroboration.Finding> findings(EvidenceKind kind, SignalView signal, List<String> districts,
			Instant since, Instant until, Map<String, String> names) {
		return signalReads.findings(kind, signal, districts, since, until)
			.stream()
			.map(f -> new Corroboration.Finding(f.signalId(), f.occurredAt(),
					geography.area(f.ladCode()).map(Area::name).orElse(names.getOrDefault(f.ladCode(), f.ladCode())),
					f.summary(), f.signalId().equals(signal.id())))
			.toList();
	}

}
