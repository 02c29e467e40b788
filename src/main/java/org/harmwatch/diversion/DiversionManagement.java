package org.harmwatch.diversion;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.harmwatch.diversion.internal.DiversionAudit;
import org.harmwatch.diversion.internal.DiversionGuard;
import org.harmwatch.diversion.internal.DiversionPolicy;
import org.harmwatch.diversion.internal.DiversionRepository;
import org.harmwatch.diversion.internal.EligibilityRules;
import org.harmwatch.diversion.internal.OutcomeRepository;
import org.harmwatch.diversion.internal.PermutedBlocks;
import org.harmwatch.diversion.internal.SchemeRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Diversion cases: referrals with their eligibility, allocation and contracts, each
 * within {@code DiversionPolicy} and audited; contracts started and completed are
 * announced (schemes and a trial's allocation list are
 * {@link DiversionSchemeManagement}'s; outcomes, their report and fairness
 * {@link DiversionOutcomeManagement}'s).
 */
@Service
public class DiversionManagement {

	/** Referrals on one page of the list. */
	public static final int PAGE_SIZE = 25;

	static final String LINK_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DiversionRepository repository;

	private final SchemeRepository schemes;

	private final OutcomeRepository outcomes;

	private final DiversionGuard guard;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DiversionManagement(DiversionRepository repository, SchemeRepository schemes, OutcomeRepository outcomes,
			DiversionGuard guard, AuditLog audit, ApplicationEventPublisher events, RegionSettings region) {
		this.repository = repository;
		this.schemes = schemes;
		this.outcomes = outcomes;
		this.guard = guard;
		this.audit = audit;
		this.events = events;
		this.clock = Clock.system(region.timeZone());
	}

	/**
	 * Refers a person to one of the agency's schemes and decides eligibility by its
	 * rules.
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public Referral refer(ReferralDraft draft, HarmwatchUser user) {
		guard.mustWork(user, user.agencyCode(), "diversion-referral", null);
		var problems = new ArrayList<FieldProblem>();
		var scheme = schemes.scheme(draft.schemeId()).filter(s -> s.ownerAgency().equals(user.agencyCode()));
		if (scheme.isEmpty()) {
			problems.add(FieldProblem.of("schemeId", "diversion.referral.scheme.required"));
		}
		var reference = draft.custodyReference().strip();
		if (reference.isEmpty() || reference.length() > 40) {
			problems.add(FieldProblem.of("custodyReference", "diversion.referral.reference.required"));
		}
		else if (repository.referenceTaken(user.agencyCode(), reference)) {
			problems.add(FieldProblem.of("custodyReference", "diversion.referral.reference.taken"));
		}
		if (draft.gravity() < 1 || draft.gravity() > 5) {
			problems.add(FieldProblem.of("gravity", "diversion.referral.gravity.range"));
		}
		if (draft.previousConvictions() < 0 || draft.previousConvictions() > 99) {
			problems.add(FieldProblem.of("previousConvictions", "diversion.referral.previousConvictions.range"));
		}
		var today = LocalDate.now(clock);
		if (draft.referredOn().isAfter(today) || draft.referredOn().getYear() < 2000) {
			problems.add(FieldProblem.of("referredOn", "diversion.date.notFuture"));
		}
		if (draft.offenceOn().isAfter(draft.referredOn()) || draft.offenceOn().getYear() < 2000) {
			problems.add(FieldProblem.of("offenceOn", "diversion.referral.offenceOn.beforeReferral"));
		}
		if (!problems.isEmpty() || scheme.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var decision = EligibilityRules.decide(scheme.get().rules(),
				new EligibilityRules.Facts(draft.offenceGroup(), draft.gravity(), draft.previousConvictions(),
						draft.flags(), draft.evidenceToCharge(), draft.offenceOn(), draft.referredOn()));
		var referral = new Referral(UUID.randomUUID(), scheme.get().id(), scheme.get().name(), user.agencyCode(),
				reference, draft.offenceGroup(), draft.offenceOn(), draft.referredOn(), draft.gravity(),
				draft.previousConvictions(), draft.flags(), draft.evidenceToCharge(), draft.ageBand(), draft.sex(),
				draft.ethnicity(), decision, null, user.getUsername(), clock.instant());
		repository.insertReferral(referral);
		audit.record(DiversionAudit.DIVERSION_REFERRED, "diversion-referral", referral.id().toString(),
				Purpose.POLICING, AuditLog.Outcome.ALLOWED, decision.eligible() ? "eligible" : "not eligible");
		return referral;
	}

	/**
	 * Allocates an eligible referral: at random from the trial's list for its stratum, or
	 * to the arm the custody decision-maker chose, with their reason.
	 * @param chosen the decision-maker's arm; must be {@code null} in a trial
	 * @throws InputRejectedException when it cannot be allocated, naming why
	 */
	@Transactional
	public Allocation allocate(UUID referralId, @Nullable Arm chosen, @Nullable String reason, HarmwatchUser user) {
		var referral = workable(referralId, user);
		var scheme = schemes.scheme(referral.schemeId()).orElseThrow();
		if (!referral.decision().eligible()) {
			throw new InputRejectedException(FieldProblem.global("diversion.allocation.notEligible"));
		}
		if (referral.allocation() != null) {
			throw new InputRejectedException(FieldProblem.global("diversion.allocation.already"));
		}
		Allocation allocation;
		if (scheme.trial()) {
			if (chosen != null) {
				throw new InputRejectedException(FieldProblem.of("arm", "diversion.allocation.trialIsRandom"));
			}
			schemes.lockScheme(scheme.id());
			int position = repository.allocatedInStratum(scheme.id(), referral.offenceGroup());
			var arm = PermutedBlocks.armAt(scheme.seed(), referral.offenceGroup(), position, scheme.blockSize());
			allocation = new Allocation(arm, AllocationMethod.RANDOM, null, referral.offenceGroup(), position,
					scheme.seed(), user.getUsername(), clock.instant());
		}
		else {
			var why = reason == null ? "" : reason.strip();
			var problems = new ArrayList<FieldProblem>();
			if (chosen == null) {
				problems.add(FieldProblem.of("arm", "diversion.allocation.arm.required"));
			}
			if (why.isEmpty() || why.length() > 1000) {
				problems.add(FieldProblem.of("reason", "diversion.allocation.reason.required"));
			}
			if (!problems.isEmpty() || chosen == null) {
				throw new InputRejectedException(problems);
			}
			allocation = new Allocation(chosen, AllocationMethod.DECISION_MAKER, why, null, null, null,
					user.getUsername(), clock.instant());
		}
		repository.allocate(referralId, allocation);
		audit.record(DiversionAudit.DIVERSION_ALLOCATED, "diversion-referral", referralId.toString(), Purpose.POLICING,
				AuditLog.Outcome.ALLOWED,
				allocation.method() == AllocationMethod.RANDOM ? "random: seed " + allocation.seed() + ", stratum "
						+ allocation.stratum() + ", position " + allocation.position() + ", blocks of "
						+ scheme.blockSize() + " -> " + allocation.arm() : "decision-maker -> " + allocation.arm());
		return allocation;
	}

	/**
	 * A page of the referrals the reader may read, newest first (audited).
	 * @param page from 1
	 */
	@Transactional(readOnly = true)
	public CasePage referrals(@Nullable UUID scheme, int page, HarmwatchUser reader) {
		guard.mustRead(reader, "diversion-referral");
		var owners = guard.owners(reader);
		long total = repository.countReferrals(owners, scheme);
		int number = Math.max(1, Math.min(page, 10_000));
		var rows = repository.referrals(owners, scheme, PAGE_SIZE, (long) (number - 1) * PAGE_SIZE);
		audit.record(DiversionAudit.DIVERSION_CASES_LISTED, "diversion-referral", null, Purpose.POLICING,
				AuditLog.Outcome.ALLOWED,
				"page " + number + " of " + total + (scheme == null ? "" : ", scheme " + scheme));
		return new CasePage(rows, number, PAGE_SIZE, total);
	}

	/** The navigator's active and breached contracts (audited). */
	@Transactional(readOnly = true)
	public List<CaseloadEntry> caseload(HarmwatchUser navigator) {
		guard.mustRead(navigator, "diversion-contract");
		var rows = repository.caseload(navigator.agencyCode(), navigator.getUsername());
		audit.record(DiversionAudit.DIVERSION_CASES_LISTED, "diversion-contract", null, Purpose.POLICING,
				AuditLog.Outcome.ALLOWED, "caseload: " + rows.size());
		return rows;
	}

	/**
	 * What waits on the navigator's own caseload: breaches without a prosecution
	 * decision, and active contracts ending in the next 14 days (counts only, not
	 * audited).
	 */
	@Transactional(readOnly = true)
	public long[] workCounts(HarmwatchUser navigator) {
		if (!DiversionPolicy.mayWork(navigator)) {
			return new long[2];
		}
		var today = LocalDate.now(clock);
		return repository.workCounts(navigator.agencyCode(), navigator.getUsername(), today, today.plusDays(14));
	}

	/**
	 * One referral with everything about it (audited).
	 * @throws NotFoundException when there is none or the reader may not read it
	 */
	@Transactional(readOnly = true)
	public CaseFile caseFile(UUID id, HarmwatchUser reader) {
		var referral = repository.referral(id).filter(r -> guard.readable(reader, r.ownerAgency()));
		if (referral.isEmpty()) {
			guard.refused(reader, "diversion-referral", id);
			throw new NotFoundException("diversion.notFound.case", id);
		}
		audit.record(DiversionAudit.DIVERSION_CASE_VIEWED, "diversion-referral", id.toString(), Purpose.POLICING,
				AuditLog.Outcome.ALLOWED, null);
		return new CaseFile(referral.get(), schemes.scheme(referral.get().schemeId()).orElseThrow(),
				repository.contract(id).orElse(null), outcomes.outcomes(id), outcomes.survey(id));
	}

	/**
	 * Starts the contract of a referral allocated to diversion: at most the scheme's
	 * months (four) and one to five different conditions.
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public UUID startContract(UUID referralId, LocalDate startsOn, int months, List<ConditionKind> conditions,
			HarmwatchUser user) {
		var referral = workable(referralId, user);
		var scheme = schemes.scheme(referral.schemeId()).orElseThrow();
		if (referral.allocation() == null || referral.allocation().arm() != Arm.DIVERSION) {
			throw new InputRejectedException(FieldProblem.global("diversion.contract.notDiverted"));
		}
		if (repository.contractOf(referralId).isPresent()) {
			throw new InputRejectedException(FieldProblem.global("diversion.contract.already"));
		}
		var problems = new ArrayList<FieldProblem>();
		if (startsOn.isBefore(referral.referredOn()) || startsOn.isAfter(LocalDate.now(clock).plusDays(30))) {
			problems.add(FieldProblem.of("startsOn", "diversion.contract.startsOn.range"));
		}
		if (months < 1 || months > scheme.rules().maxMonths()) {
			problems.add(FieldProblem.of("months", "diversion.contract.months.range", scheme.rules().maxMonths()));
		}
		var distinct = new LinkedHashSet<>(conditions);
		if (distinct.isEmpty() || distinct.size() > 5 || distinct.size() != conditions.size()) {
			problems.add(FieldProblem.of("conditions", "diversion.contract.conditions.range"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var id = UUID.randomUUID();
		repository.insertContract(id, referralId, user.getUsername(), startsOn, startsOn.plusMonths(months),
				List.copyOf(distinct), clock.instant());
		audit.record(DiversionAudit.DIVERSION_CONTRACT_STARTED, "diversion-contract", id.toString(), Purpose.POLICING,
				AuditLog.Outcome.ALLOWED, months + " months, conditions " + distinct);
		events.publishEvent(new DiversionContractStarted(id, scheme.districtCode(), startsOn));
		return id;
	}

	/**
	 * Makes the pseudonymised link a treatment provider reports attendance against, under
	 * a legal basis; returns its reference.
	 */
	@Transactional
	public String createLink(UUID referralId, UUID conditionId, LegalBasis basis, HarmwatchUser user) {
		workable(referralId, user);
		var condition = condition(referralId, conditionId);
		if (condition.kind() != ConditionKind.DRUG_ASSESSMENT_AND_TREATMENT) {
			throw new InputRejectedException(FieldProblem.global("diversion.link.onlyTreatment"));
		}
		if (condition.link() != null) {
			throw new InputRejectedException(FieldProblem.global("diversion.link.already"));
		}
		String reference;
		do {
			var text = new StringBuilder("TL-");
			for (int i = 0; i < 10; i++) {
				text.append(LINK_ALPHABET.charAt(RANDOM.nextInt(LINK_ALPHABET.length())));
			}
			reference = text.toString();
		}
		while (repository.linkExists(reference));
		repository.insertLink(reference, conditionId, basis, user.getUsername(), clock.instant());
		audit.record(DiversionAudit.DIVERSION_LINK_CREATED, "diversion-condition", conditionId.toString(),
				Purpose.POLICING, AuditLog.Outcome.ALLOWED, "legal basis " + basis);
		return reference;
	}

	/** Records a one-to-one session with the navigator. */
	@Transactional
	public void recordSession(UUID referralId, LocalDate on, boolean attended, HarmwatchUser user) {
		workable(referralId, user);
		var contract = activeContract(referralId);
		if (on.isBefore(contract.startsOn()) || on.isAfter(LocalDate.now(clock))) {
			throw new InputRejectedException(FieldProblem.of("heldOn", "diversion.session.heldOn.range"));
		}
		repository.insertSession(contract.id(), on, attended, user.getUsername());
		audit.record(DiversionAudit.DIVERSION_SESSION_RECORDED, "diversion-contract", contract.id().toString(),
				Purpose.POLICING, AuditLog.Outcome.ALLOWED, attended ? "attended" : "missed");
	}

	/** Records that a condition was met. */
	@Transactional
	public void conditionMet(UUID referralId, UUID conditionId, LocalDate on, HarmwatchUser user) {
		workable(referralId, user);
		var contract = activeContract(referralId);
		condition(referralId, conditionId);
		if (on.isBefore(contract.startsOn()) || on.isAfter(LocalDate.now(clock))) {
			throw new InputRejectedException(FieldProblem.of("on", "diversion.condition.on.range"));
		}
		repository.setConditionStatus(conditionId, ConditionStatus.MET, on);
		audit.record(DiversionAudit.DIVERSION_CONDITION_UPDATED, "diversion-condition", conditionId.toString(),
				Purpose.POLICING, AuditLog.Outcome.ALLOWED, "met");
	}

	/**
	 * Records a breach of a condition; the contract waits for the prosecution decision.
	 */
	@Transactional
	public UUID recordBreach(UUID referralId, UUID conditionId, LocalDate on, String what, HarmwatchUser user) {
		workable(referralId, user);
		var contract = activeContract(referralId);
		condition(referralId, conditionId);
		var problems = new ArrayList<FieldProblem>();
		if (on.isBefore(contract.startsOn()) || on.isAfter(LocalDate.now(clock))) {
			problems.add(FieldProblem.of("on", "diversion.condition.on.range"));
		}
		var text = what.strip();
		if (text.isEmpty() || text.length() > 500) {
			problems.add(FieldProblem.of("what", "diversion.breach.what.required"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var id = UUID.randomUUID();
		repository.insertBreach(id, contract.id(), conditionId, on, text, user.getUsername());
		repository.setConditionStatus(conditionId, ConditionStatus.BREACHED, on);
		repository.setContractStatus(contract.id(), ContractStatus.BREACHED, null);
		audit.record(DiversionAudit.DIVERSION_BREACH_RECORDED, "diversion-contract", contract.id().toString(),
				Purpose.POLICING, AuditLog.Outcome.ALLOWED, "condition " + conditionId);
		return id;
	}

	/**
	 * Records the prosecution decision a breach leads to: prosecution ends the contract;
	 * continuing sets the condition to be met again.
	 */
	@Transactional
	public void decide(UUID referralId, UUID breachId, ProsecutionDecision decision, String reason,
			HarmwatchUser user) {
		workable(referralId, user);
		var contract = repository.contract(referralId)
			.orElseThrow(() -> new NotFoundException("diversion.notFound.case", referralId));
		var breach = contract.breaches().stream().filter(b -> b.id().equals(breachId)).findFirst().orElse(null);
		if (breach == null) {
			throw new NotFoundException("diversion.notFound.breach", breachId);
		}
		var why = reason.strip();
		if (why.isEmpty() || why.length() > 1000) {
			throw new InputRejectedException(FieldProblem.of("reason", "diversion.decision.reason.required"));
		}
		if (!repository.decide(breachId, contract.id(), decision, why, user.getUsername(), clock.instant())) {
			throw new InputRejectedException(FieldProblem.global("diversion.decision.already"));
		}
		if (decision == ProsecutionDecision.PROSECUTE) {
			repository.setContractStatus(contract.id(), ContractStatus.PROSECUTED, null);
		}
		else {
			repository.setConditionStatus(breach.conditionId(), ConditionStatus.PENDING, breach.on());
			repository.setContractStatus(contract.id(), ContractStatus.ACTIVE, null);
		}
		audit.record(DiversionAudit.DIVERSION_PROSECUTION_DECIDED, "diversion-contract", contract.id().toString(),
				Purpose.POLICING, AuditLog.Outcome.ALLOWED, decision.name());
	}

	/**
	 * Completes a contract whose every condition is met: no prosecution.
	 * @throws InputRejectedException when a condition is not met yet
	 */
	@Transactional
	public void complete(UUID referralId, LocalDate on, HarmwatchUser user) {
		var referral = workable(referralId, user);
		var contract = activeContract(referralId);
		if (contract.conditions().stream().anyMatch(c -> c.status() != ConditionStatus.MET)) {
			throw new InputRejectedException(FieldProblem.global("diversion.complete.conditionsOpen"));
		}
		if (on.isBefore(contract.startsOn()) || on.isAfter(LocalDate.now(clock))) {
			throw new InputRejectedException(FieldProblem.of("on", "diversion.condition.on.range"));
		}
		repository.setContractStatus(contract.id(), ContractStatus.COMPLETED, on);
		audit.record(DiversionAudit.DIVERSION_CONTRACT_COMPLETED, "diversion-contract", contract.id().toString(),
				Purpose.POLICING, AuditLog.Outcome.ALLOWED, null);
		var scheme = schemes.scheme(referral.schemeId()).orElseThrow();
		events.publishEvent(new DiversionContractCompleted(contract.id(), scheme.districtCode(), on));
	}

	/**
	 * A treatment provider reports whether an appointment was attended: the link's
	 * reference, the date, yes or no; nothing said in it. Returns false when that
	 * appointment was reported already (nothing changes).
	 * @throws InputRejectedException when the reference names no link or the date is
	 * wrong
	 */
	@Transactional
	public boolean reportAttendance(String reference, LocalDate on, boolean attended, HarmwatchUser user) {
		if (!DiversionPolicy.mayReportAttendance(user)) {
			audit.record(DiversionAudit.DIVERSION_REFUSED, "diversion-attendance", null, Purpose.HEALTH,
					AuditLog.Outcome.DENIED, "attendance is reported by health staff");
			throw new AccessDeniedException("Attendance is reported by treatment staff");
		}
		var problems = new ArrayList<FieldProblem>();
		var code = reference.strip().toUpperCase(java.util.Locale.ROOT);
		if (code.length() > 20 || !repository.linkExists(code)) {
			problems.add(FieldProblem.of("reference", "diversion.attendance.reference.unknown"));
		}
		if (on.isAfter(LocalDate.now(clock)) || on.getYear() < 2000) {
			problems.add(FieldProblem.of("appointmentOn", "diversion.date.notFuture"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		boolean created = repository.insertAttendance(code, on, attended, user.agencyCode(), clock.instant());
		audit.record(DiversionAudit.DIVERSION_ATTENDANCE_REPORTED, "diversion-attendance", code, Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, created ? null : "reported before");
		return created;
	}

	/** A referral the user may work on; a refusal looks like absence (and is audited). */
	Referral workable(UUID referralId, HarmwatchUser user) {
		var referral = repository.referral(referralId);
		if (referral.isEmpty() || !DiversionPolicy.mayWork(user, referral.get().ownerAgency())) {
			if (!DiversionPolicy.mayWork(user)) {
				guard.mustWork(user, user.agencyCode(), "diversion-referral", referralId);
			}
			guard.refused(user, "diversion-referral", referralId);
			throw new NotFoundException("diversion.notFound.case", referralId);
		}
		return referral.get();
	}

	private Contract activeContract(UUID referralId) {
		var contract = repository.contract(referralId)
			.orElseThrow(() -> new InputRejectedException(FieldProblem.global("diversion.contract.none")));
		if (contract.status() != ContractStatus.ACTIVE) {
			throw new InputRejectedException(FieldProblem.global("diversion.contract.notActive"));
		}
		return contract;
	}

	private Contract.Condition condition(UUID referralId, UUID conditionId) {
		return repository.contract(referralId)
			.flatMap(c -> c.conditions().stream().filter(x -> x.id().equals(conditionId)).findFirst())
			.orElseThrow(() -> new NotFoundException("diversion.notFound.condition", conditionId));
	}

}
