package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.analytics.SpikeDetected;
import org.harmwatch.drugchecking.DangerousSampleFound;
import org.harmwatch.earlywarning.internal.EarlyWarningAudit;
import org.harmwatch.earlywarning.internal.EarlyWarningPolicy;
import org.harmwatch.earlywarning.internal.ReportIntake;
import org.harmwatch.earlywarning.internal.ReportRepository;
import org.harmwatch.earlywarning.internal.SignalCaseRepository;
import org.harmwatch.earlywarning.internal.SignalCases;
import org.harmwatch.earlywarning.internal.SignalFiling;
import org.harmwatch.earlywarning.internal.SignalLinks;
import org.harmwatch.earlywarning.internal.SignalMerges;
import org.harmwatch.earlywarning.internal.SignalReadRepository;
import org.harmwatch.earlywarning.internal.SignalRepository;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Purpose;
import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early warning's API: take reports in, file them and other modules' events into signals,
 * and let the coordinator validate or dismiss signals, work them as cases, link related
 * ones and merge duplicates.
 *
 * <p>
 * Times are passed in (when a report was received, when a decision was made), so callers
 * and tests choose them; the web layer passes the application clock's time. Reports are
 * held for {@link Purpose#PUBLIC_HEALTH_INTELLIGENCE}.
 */
@Service
public class EarlyWarningManagement {

	/** Reports or signals per page. */
	public static final int PAGE_SIZE = 25;

	/** The district of evidence whose area is not known. */
	public static final String UNKNOWN_AREA = "UNKNOWN";

	private final ReportIntake intake;

	private final SignalFiling filing;

	private final ReportRepository reports;

	private final SignalReadRepository signalReads;

	private final SignalRepository signals;

	private final GeographyManagement geography;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final SignalCases cases;

	private final SignalCaseRepository caseRepository;

	private final SignalLinks links;

	private final SignalMerges merges;

	EarlyWarningManagement(ReportIntake intake, SignalFiling filing, ReportRepository reports,
			SignalReadRepository signalReads, SignalRepository signals, GeographyManagement geography, AuditLog audit,
			ApplicationEventPublisher events, SignalCases cases, SignalCaseRepository caseRepository, SignalLinks links,
			SignalMerges merges) {
		this.links = links;
		this.merges = merges;
		this.cases = cases;
		this.caseRepository = caseRepository;
		this.intake = intake;
		this.filing = filing;
		this.reports = reports;
		this.signalReads = signalReads;
		this.signals = signals;
		this.geography = geography;
		this.audit = audit;
		this.events = events;
	}

	/** The region's local authority districts, by name, for "choose an area". */
	public List<Area> districts() {
		return geography.areas(AreaLevel.LAD).stream().sorted(Comparator.comparing(Area::name)).toList();
	}

	/**
	 * Checks and stores a report, files it into a signal and publishes
	 * {@link ReportReceived} (and {@link SignalOpened} when it opened one).
	 * @param reporter who reported it; {@code null} for an anonymous report
	 * @throws InputRejectedException naming every wrong field; nothing is stored then
	 */
	public UUID submit(ReportDraft draft, @Nullable Reporter reporter, Instant receivedAt) {
		return intake.submit(draft, reporter, receivedAt, id -> {
		});
	}

	/**
	 * What is wrong with a report, field by field; empty when it can be stored. Stores
	 * nothing.
	 */
	public List<FieldProblem> check(ReportDraft draft, Instant receivedAt) {
		return intake.check(draft, receivedAt);
	}

	/**
	 * Files a spike from the analytics detector; a spike already filed (the same event
	 * id) changes nothing.
	 * @return the signal it is in
	 */
	@Transactional
	public UUID recordSpike(SpikeDetected spike, Instant receivedAt) {
		return filing.spike(spike, receivedAt);
	}

	/**
	 * A signal as a case: how sure we are, whether it waits for a laboratory, who owns
	 * it, its notes, and whether its alert is to be updated because it was confirmed
	 * since.
	 */
	@Transactional(readOnly = true)
	public SignalCase signalCase(UUID signalId) {
		signal(signalId);
		return caseRepository.find(signalId);
	}

	/**
	 * The coordinator works a case: status, owner (a username, or none), laboratory wait
	 * and a note. A laboratory result filed into the signal later confirms it by itself.
	 * Audited.
	 * @throws InputRejectedException naming every problem; nothing is saved
	 */
	@Transactional
	public SignalCase updateCase(UUID signalId, @Nullable CaseStatus status, @Nullable String owner,
			boolean awaitingLaboratory, @Nullable String note, String by, Instant at) {
		current(signalId);
		return cases.update(signalId, status, owner, awaitingLaboratory, note, by, at);
	}

	/** The signals the coordinator linked to this one as being about the same thing. */
	@Transactional(readOnly = true)
	public List<RelatedSignal> relatedSignals(UUID signalId) {
		signal(signalId);
		return links.related(signalId);
	}

	/**
	 * Signals worth a look for a link to this one: the same substance family in another
	 * district, or the same class, within two weeks, not dismissed and not linked yet.
	 */
	@Transactional(readOnly = true)
	public List<SignalView> suggestedRelatedSignals(UUID signalId) {
		signal(signalId);
		return links.suggestions(signalId);
	}

	/**
	 * Links two signals as being about the same thing, with the reason; audited. Linking
	 * them again changes nothing.
	 * @throws InputRejectedException when the other is this signal or does not exist
	 */
	@Transactional
	public void linkSignals(UUID signalId, UUID related, String reason, String by, Instant at) {
		current(signalId);
		if (merges.mergeOf(related).isPresent()) {
			throw new InputRejectedException(FieldProblem.of("related", "earlywarning.link.merged"));
		}
		links.link(signalId, related, reason, by, at);
	}

	/**
	 * Merges a duplicate signal into the one that survives, with the reason: its evidence
	 * (reports and drug-checking findings), questions to reporters and links move to the
	 * survivor, which is rated on both; the duplicate stays readable, says where it went
	 * and leaves lists and counts. Audited on both; publishes {@link SignalMerged}. Not
	 * undone.
	 * @throws InputRejectedException when the survivor is the duplicate itself, unknown,
	 * merged or dismissed, the duplicate was merged already, has an alert that is not
	 * cancelled or withdrawn (merge the other way), or is with the panel; or the reason
	 * is missing
	 */
	@Transactional
	public void mergeSignal(UUID duplicate, @Nullable UUID survivor, @Nullable String reason, String by, Instant at) {
		signal(duplicate);
		merges.merge(duplicate, survivor, reason, by, at);
		events.publishEvent(new SignalMerged(duplicate, Objects.requireNonNull(survivor), at));
	}

	/** Where a signal was merged into, if it was. */
	@Transactional(readOnly = true)
	public Optional<SignalMerge> mergeOf(UUID signalId) {
		signal(signalId);
		return merges.mergeOf(signalId);
	}

	/** The signals merged into this one, earliest first. */
	@Transactional(readOnly = true)
	public List<SignalMerge> mergedInto(UUID survivor) {
		signal(survivor);
		return merges.mergedInto(survivor);
	}

	/**
	 * The evidence that moved out of a signal when it was merged, as it happened; audited
	 * like any read of a signal's evidence.
	 */
	public List<SignalView.Evidence> movedEvidence(UUID signalId) {
		var evidence = signalReads.evidenceMovedFrom(signalId);
		audit.record(EarlyWarningAudit.SIGNAL_EVIDENCE_VIEWED, "early-warning-signal", signalId.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, evidence.size() + " items moved");
		return evidence;
	}

	/**
	 * A signal that has not been merged into another, for a change to it.
	 * @throws InputRejectedException when it was merged
	 */
	private SignalView current(UUID id) {
		var signal = signal(id);
		if (merges.mergeOf(id).isPresent()) {
			throw new InputRejectedException(FieldProblem.global("earlywarning.merge.isMerged"));
		}
		return signal;
	}

	/**
	 * Files a dangerous drug-checking result; a sample already filed (the same sample id)
	 * changes nothing.
	 * @return the signal it is in
	 */
	@Transactional
	public UUID recordDangerousSample(DangerousSampleFound sample, Instant receivedAt) {
		return filing.dangerousSample(sample, receivedAt);
	}

	/** One page of reports, newest first, without reporters' names. Audited. */
	public record ReportPage(List<ReportView> reports, int page, int pages, long total) {
	}

	/**
	 * A report its reporter sent, with what became of it.
	 *
	 * @param report the report, without the reporter's name (it is theirs)
	 * @param followUp what became of its signal; {@code null} when it joined none
	 */
	public record OwnReport(ReportView report, @Nullable FollowUp followUp) {
	}

	/** A page of someone's own reports, newest first. */
	public record OwnReportPage(List<OwnReport> reports, int page, int pages, long total) {
	}

	/**
	 * The reports this person sent, newest first, each with what became of it: so that
	 * frontline staff see that reporting is worth it. Audited as a list of reports.
	 */
	public OwnReportPage ownReports(HarmwatchUser reporter, int page) {
		long total = reports.countBy(reporter.id());
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.clamp(page, 1, pages);
		var rows = reports.pageBy(reporter.id(), PAGE_SIZE, (p - 1) * PAGE_SIZE);
		var followUps = reports
			.followUps(rows.stream().map(ReportView::signalId).filter(Objects::nonNull).distinct().toList());
		audit.record(EarlyWarningAudit.OWN_REPORTS_LISTED, "early-warning-report", null,
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				"page " + p + ", " + rows.size() + " reports");
		return new OwnReportPage(rows.stream()
			.map(r -> new OwnReport(r, r.signalId() == null ? null : followUps.get(r.signalId())))
			.toList(), p, pages, total);
	}

	public ReportPage reports(int page) {
		long total = reports.count();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.clamp(page, 1, pages);
		var rows = reports.page(PAGE_SIZE, (p - 1) * PAGE_SIZE);
		// The list shows free text and exact places: a read of personal data like any
		// other.
		audit.record(EarlyWarningAudit.REPORTS_LISTED, "early-warning-report", null, Purpose.PUBLIC_HEALTH_INTELLIGENCE,
				AuditLog.Outcome.ALLOWED, "page " + p + ", " + rows.size() + " reports");
		return new ReportPage(rows, p, pages, total);
	}

	/**
	 * One report as this reader may see it. The reporter's name is shown as
	 * {@link EarlyWarningPolicy} decides (the coordinator, not of a law-enforcement
	 * agency, and staff of the reporter's own agency); each such read is audited, and so
	 * is each time it is withheld.
	 */
	public ReportView report(UUID id, HarmwatchUser reader) {
		var stored = reports.find(id)
			.orElseThrow(() -> new NotFoundException("earlywarning.error.notFound.report", id));
		var view = stored.view();
		var agency = stored.reporterAgencyCode();
		if (agency != null) {
			boolean mayIdentify = EarlyWarningPolicy.mayIdentifyReporter(reader, agency);
			if (mayIdentify) {
				audit.record(EarlyWarningAudit.REPORTER_VIEWED, "early-warning-report", id.toString(),
						Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, null);
			}
			else {
				audit.record(EarlyWarningAudit.REPORTER_WITHHELD, "early-warning-report", id.toString(),
						Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.DENIED, "reporter of another agency");
				view = new ReportView(view.id(), view.channel(), view.sourceType(), view.occurredAt(),
						view.receivedAt(), view.lat(), view.lon(), view.ladCode(), view.ladName(), view.wardName(),
						view.lsoaCode(), view.substances(), view.substanceClass(), view.outcomes(), view.people(),
						view.description(), view.reporterAgency(), null, true, view.signalId());
			}
		}
		return view;
	}

	/**
	 * One page of signals, optionally of one status and urgency, most urgent and newest
	 * first.
	 */
	public SignalView.Page signals(@Nullable SignalStatus status, @Nullable Urgency urgency, int page) {
		return signals(status, urgency, false, page);
	}

	/**
	 * One page of signals as {@link #signals(SignalStatus, Urgency, int)} gives it, only
	 * those confirmed by a laboratory after their latest alert when
	 * {@code alertToUpdate}.
	 */
	public SignalView.Page signals(@Nullable SignalStatus status, @Nullable Urgency urgency, boolean alertToUpdate,
			int page) {
		long total = signalReads.count(status, urgency, alertToUpdate);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.clamp(page, 1, pages);
		return new SignalView.Page(signalReads.page(status, urgency, alertToUpdate, PAGE_SIZE, (p - 1) * PAGE_SIZE), p,
				pages, total);
	}

	public SignalView signal(UUID id) {
		return signalReads.find(id).orElseThrow(() -> new NotFoundException("earlywarning.error.notFound.signal", id));
	}

	/** A signal's evidence, in the order it happened. */
	public List<SignalView.Evidence> evidence(UUID signalId) {
		var evidence = signalReads.evidence(signalId);
		// The evidence summarises reports (free text, deaths): reading it is a read of
		// personal data.
		audit.record(EarlyWarningAudit.SIGNAL_EVIDENCE_VIEWED, "early-warning-signal", signalId.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, evidence.size() + " items");
		return evidence;
	}

	/** The signal a report or event was filed into, if it was. */
	public Optional<UUID> signalOf(EvidenceKind kind, String ref) {
		return signalReads.signalOf(kind, ref);
	}

	/**
	 * The coordinator validates or dismisses an open signal.
	 * @throws InputRejectedException when the outcome is not a decision, a dismissal has
	 * no reason, or the signal was already decided
	 */
	@Transactional
	public SignalView decide(UUID id, SignalStatus outcome, @Nullable String reason, String decidedBy, Instant at) {
		var signal = signals.findLockedById(id)
			.orElseThrow(() -> new NotFoundException("earlywarning.error.notFound.signal", id));
		if (merges.mergeOf(id).isPresent()) {
			throw new InputRejectedException(FieldProblem.global("earlywarning.merge.isMerged"));
		}
		var why = signal.decide(outcome, reason, decidedBy, at);
		signals.save(signal);
		audit.recordFor(decidedBy, null,
				outcome == SignalStatus.VALIDATED ? EarlyWarningAudit.SIGNAL_VALIDATED
						: EarlyWarningAudit.SIGNAL_DISMISSED,
				"early-warning-signal", id.toString(), Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				why);
		events.publishEvent(new SignalDecided(id, outcome, at));
		return signal(id);
	}

	/** Whether a class name is one of the vocabulary's classes. */
	public static Optional<SubstanceClass> substanceClass(@Nullable String name) {
		if (name == null) {
			return Optional.empty();
		}
		for (var c : SubstanceClass.values()) {
			if (c.name().equals(name)) {
				return Optional.of(c);
			}
		}
		return Optional.empty();
	}

}
