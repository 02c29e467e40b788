package org.harmwatch.naloxone;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.naloxone.internal.LedgerRepository;
import org.harmwatch.naloxone.internal.NaloxoneAudit;
import org.harmwatch.naloxone.internal.NaloxoneOwnership;
import org.harmwatch.naloxone.internal.NaloxonePolicy;
import org.harmwatch.naloxone.internal.RecordsRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Action;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training in giving naloxone, naloxone given at overdoses reported straight to the
 * service, and the programme's figures counted from what is recorded (people trained,
 * lives saved, kits supplied at each point of risk).
 */
@Service
public class TrainingManagement {

	/** How long training lasts before a refresher is due, unless said otherwise. */
	public static final int REFRESHER_YEARS = 2;

	/** The longest period the figures count over, in days. */
	static final int MAX_PERIOD_DAYS = 366 * 20;

	private final RecordsRepository records;

	private final LedgerRepository ledger;

	private final NaloxoneOwnership ownership;

	private final AuditLog audit;

	private final GeographyManagement geography;

	private final RegionSettings region;

	private final Clock clock;

	TrainingManagement(RecordsRepository records, LedgerRepository ledger, NaloxoneOwnership ownership, AuditLog audit,
			GeographyManagement geography, RegionSettings region, Clock clock) {
		this.records = records;
		this.ledger = ledger;
		this.ownership = ownership;
		this.audit = audit;
		this.geography = geography;
		this.region = region;
		this.clock = clock;
	}

	/** Records training given by the user's agency. */
	@Transactional
	public UUID recordTraining(HarmwatchUser user, TrainingDraft draft) {
		mayWrite(user);
		var today = LocalDate.now(clock.withZone(region.timeZone()));
		var problems = new ArrayList<FieldProblem>();
		if (draft.trainedOn().isAfter(today)) {
			problems.add(FieldProblem.of("trainedOn", "naloxone.training.trainedOn.future"));
		}
		if (draft.people() < 1 || draft.people() > 10_000) {
			problems.add(FieldProblem.of("people", "naloxone.training.people.range"));
		}
		var refresher = draft.refresherDue() != null ? draft.refresherDue()
				: draft.trainedOn().plusYears(REFRESHER_YEARS);
		if (!refresher.isAfter(draft.trainedOn())) {
			problems.add(FieldProblem.of("refresherDue", "naloxone.training.refresherDue.afterTraining"));
		}
		if (draft.holderId() != null && ledger.holder(draft.holderId())
			.filter(h -> ownership.mayUse(user, h.ownerAgency(), Action.WRITE))
			.isEmpty()) {
			problems.add(FieldProblem.of("holderId", "naloxone.movement.holder.unknown"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var id = records.addTraining(user.agencyCode(), draft, refresher, clock.instant(), user.getUsername());
		audit.record(NaloxoneAudit.NALOXONE_TRAINING_RECORDED, "naloxone-training", id.toString(), null,
				Outcome.ALLOWED, draft.group().name() + " " + draft.people());
		return id;
	}

	/** Records naloxone given at an overdose, reported straight to the user's agency. */
	@Transactional
	public UUID recordAdministration(HarmwatchUser user, AdministrationDraft draft) {
		mayWrite(user);
		var problems = new ArrayList<FieldProblem>();
		if (draft.givenAt().isAfter(clock.instant())) {
			problems.add(FieldProblem.of("givenAt", "naloxone.administration.givenAt.future"));
		}
		if (draft.doses() < 1 || draft.doses() > 50) {
			problems.add(FieldProblem.of("doses", "naloxone.administration.doses.range"));
		}
		if (draft.ladCode() != null
				&& geography.area(draft.ladCode()).filter(a -> a.level() == AreaLevel.LAD).isEmpty()) {
			problems.add(FieldProblem.of("ladCode", "naloxone.holder.ladCode.unknown"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var id = records.addDirectAdministration(user.agencyCode(), draft, clock.instant());
		audit.record(NaloxoneAudit.NALOXONE_ADMINISTRATION_RECORDED, "naloxone-administration", id.toString(), null,
				Outcome.ALLOWED, draft.givenBy().name());
		return id;
	}

	/**
	 * The programme's figures over the days from and to (both included), region-wide:
	 * counts only, no person. {@code holderId} narrows the kits supplied to one holder
	 * the user may read.
	 */
	@Transactional(readOnly = true)
	public Figures figures(HarmwatchUser user, LocalDate from, LocalDate to, @Nullable UUID holderId) {
		if (!NaloxonePolicy.readsFigures(user)) {
			throw new AccessDeniedException("No naloxone read");
		}
		var problems = new ArrayList<FieldProblem>();
		if (to.isBefore(from)) {
			problems.add(FieldProblem.of("to", "naloxone.figures.to.beforeFrom"));
		}
		else if (from.plusDays(MAX_PERIOD_DAYS).isBefore(to)) {
			problems.add(FieldProblem.of("to", "naloxone.figures.period.tooLong"));
		}
		String holderName = null;
		if (holderId != null) {
			var holder = ledger.holder(holderId).filter(h -> ownership.mayUse(user, h.ownerAgency(), Action.READ));
			if (holder.isEmpty()) {
				problems.add(FieldProblem.of("holder", "naloxone.movement.holder.unknown"));
			}
			else {
				holderName = holder.get().name();
			}
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var zone = region.timeZone();
		var supplied = records.kitsSupplied(from, to, holderId);
		var figures = new Figures(from, to, holderName, records.peopleTrained(from, to),
				records.administrations(from, to, zone, null),
				records.administrations(from, to, zone, AdministrationOutcome.SURVIVED),
				supplied.values().stream().mapToLong(Long::longValue).sum(), RecordsRepository.byPoint(supplied));
		audit.record(NaloxoneAudit.NALOXONE_FIGURES_VIEWED, "naloxone-figures", null, null, Outcome.ALLOWED,
				from + ".." + to + (holderId == null ? "" : " holder " + holderId));
		return figures;
	}

	private void mayWrite(HarmwatchUser user) {
		if (!NaloxonePolicy.mayUse(user, user.agencyCode(), Set.of(), Action.WRITE)) {
			throw new AccessDeniedException("No naloxone write");
		}
	}

}
