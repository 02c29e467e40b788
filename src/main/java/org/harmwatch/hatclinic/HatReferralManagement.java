package org.harmwatch.hatclinic;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.AgencySummary;
import org.harmwatch.hatclinic.internal.Criteria;
import org.harmwatch.hatclinic.internal.HatAudit;
import org.harmwatch.hatclinic.internal.HatGuard;
import org.harmwatch.hatclinic.internal.HatProperties;
import org.harmwatch.hatclinic.internal.HatRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.Purpose;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral intake: who might be suitable for heroin-assisted treatment. Referrals (typed
 * in by clinic staff, or arrived by event from custody testing and diversion), their
 * assessment against the documented criteria with the decision and reason, enrolment of a
 * suitable person, and the clinic's list of referrals; each within {@code HatPolicy} and
 * audited.
 */
@Service
public class HatReferralManagement {

	/** Referrals on one page of the list. */
	public static final int PAGE_SIZE = 50;

	/** A client code: letters, digits and dashes, never a name with spaces. */
	static final Pattern CLIENT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,29}");

	private static final String RECORD = HatGuard.RECORD;

	private final HatRepository repository;

	private final HatProperties settings;

	private final HatGuard guard;

	private final AuditLog audit;

	private final AgencyManagement agencies;

	private final Clock clock;

	HatReferralManagement(HatRepository repository, HatProperties settings, HatGuard guard, AuditLog audit,
			AgencyManagement agencies, Clock clock) {
		this.repository = repository;
		this.agencies = agencies;
		this.settings = settings;
		this.guard = guard;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The thresholds of the criteria, by criterion name (attending twice a day has none).
	 */
	public Map<String, Integer> criteriaThresholds() {
		return Map.of(Criterion.LONG_TERM_DEPENDENCE.name(), settings.minimumDependenceYears(),
				Criterion.FAILED_ORAL_TREATMENT.name(), settings.minimumFailedOralEpisodes(), Criterion.AGE.name(),
				settings.minimumAge(), Criterion.ATTENDS_TWICE_DAILY.name(), 0);
	}

	/**
	 * Records a referral for the user's agency.
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public UUID refer(ReferralDraft draft, HarmwatchUser user) {
		guard.requireRecorder(user);
		var problems = new ArrayList<FieldProblem>();
		if (!CLIENT_CODE.matcher(draft.clientCode()).matches()) {
			problems.add(FieldProblem.of("clientCode", "hatclinic.referral.clientCode.pattern"));
		}
		var today = guard.today();
		if (draft.referredOn().isAfter(today)) {
			problems.add(FieldProblem.of("referredOn", "hatclinic.referral.referredOn.future"));
		}
		if (draft.consentOn().isAfter(draft.referredOn())) {
			problems.add(FieldProblem.of("consentOn", "hatclinic.referral.consentOn.afterReferral"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var id = UUID.randomUUID();
		repository.addReferral(id, user.agencyCode(), draft, clock.instant(), user.getUsername());
		audit.record(HatAudit.HAT_REFERRAL_RECORDED, RECORD, id.toString(), Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				draft.source().name());
		return id;
	}

	/**
	 * Records the assessment of a referral against the criteria: suitable only when every
	 * criterion is met; a reason is always given.
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public void assess(UUID referralId, AssessmentDraft draft, HarmwatchUser user) {
		guard.requireRecorder(user);
		var referral = guard.ownReferral(referralId, user);
		var problems = new ArrayList<FieldProblem>();
		if (referral.enrolmentId() != null) {
			problems.add(FieldProblem.global("hatclinic.assessment.alreadyEnrolled"));
		}
		if (draft.dependenceYears() < 0 || draft.dependenceYears() > 80) {
			problems.add(FieldProblem.of("dependenceYears", "hatclinic.assessment.dependenceYears.range"));
		}
		if (draft.failedOralEpisodes() < 0 || draft.failedOralEpisodes() > 100) {
			problems.add(FieldProblem.of("failedOralEpisodes", "hatclinic.assessment.failedOralEpisodes.range"));
		}
		if (draft.age() < 10 || draft.age() > 120) {
			problems.add(FieldProblem.of("age", "hatclinic.assessment.age.range"));
		}
		if (draft.reason() == null || draft.reason().isBlank()) {
			problems.add(FieldProblem.of("reason", "hatclinic.assessment.reason.required"));
		}
		if (problems.isEmpty() && draft.decision() == Decision.SUITABLE
				&& !Criteria
					.notMet(draft.dependenceYears(), draft.failedOralEpisodes(), draft.age(), draft.attendsTwiceDaily(),
							settings)
					.isEmpty()) {
			problems.add(FieldProblem.of("decision", "hatclinic.assessment.decision.criteriaNotMet"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		repository.assess(referralId, draft, clock.instant(), user.getUsername());
		audit.record(HatAudit.HAT_REFERRAL_ASSESSED, RECORD, referralId.toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, draft.decision().name());
	}

	/**
	 * Enrols the person of a referral assessed as suitable, today.
	 * @return the enrolment's id
	 * @throws InputRejectedException when the referral is not suitable or is enrolled
	 */
	@Transactional
	public UUID enrol(UUID referralId, HarmwatchUser user) {
		return enrol(referralId, guard.today(), user);
	}

	/**
	 * Enrols the person of a referral assessed as suitable, on a day from the referral
	 * until today.
	 * @return the enrolment's id
	 * @throws InputRejectedException when the referral is not suitable or is enrolled, or
	 * the day is out of range
	 */
	@Transactional
	public UUID enrol(UUID referralId, LocalDate enrolledOn, HarmwatchUser user) {
		guard.requireRecorder(user);
		var referral = guard.ownReferral(referralId, user);
		if (referral.decision() != Decision.SUITABLE) {
			throw new InputRejectedException(FieldProblem.global("hatclinic.enrol.notSuitable"));
		}
		if (referral.enrolmentId() != null) {
			throw new InputRejectedException(FieldProblem.global("hatclinic.assessment.alreadyEnrolled"));
		}
		if (enrolledOn.isAfter(guard.today()) || enrolledOn.isBefore(referral.referredOn())) {
			throw new InputRejectedException(FieldProblem.global("hatclinic.enrol.day"));
		}
		var id = UUID.randomUUID();
		repository.addEnrolment(id, user.agencyCode(), referralId, referral.clientCode(), settings.districtCode(),
				enrolledOn, clock.instant(), user.getUsername());
		audit.record(HatAudit.HAT_ENROLLED, RECORD, id.toString(), Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				"referral " + referralId);
		return id;
	}

	/** One referral as the reader may see it (audited). */
	@Transactional(readOnly = true)
	public Referral referral(UUID id, HarmwatchUser reader) {
		var row = guard.readableReferral(id, reader);
		audit.record(HatAudit.HAT_REFERRAL_VIEWED, RECORD, id.toString(), Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				null);
		return view(row);
	}

	/** A page of the user's agency's referrals, newest first (audited). */
	@Transactional(readOnly = true)
	public List<Referral> referrals(int page, HarmwatchUser reader) {
		guard.requireOwnReader(reader);
		int number = Math.max(1, Math.min(page, 10_000));
		var rows = repository.referrals(reader.agencyCode(), PAGE_SIZE, (long) (number - 1) * PAGE_SIZE);
		audit.record(HatAudit.HAT_REFERRALS_LISTED, RECORD, null, Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				"page " + number);
		return rows.stream().map(this::view).toList();
	}

	/** How many referrals the user's agency holds. */
	@Transactional(readOnly = true)
	public long referralCount(HarmwatchUser reader) {
		guard.requireOwnReader(reader);
		return repository.referralCount(reader.agencyCode());
	}

	private Referral view(HatRepository.ReferralRow row) {
		var notMet = row.dependenceYears() == null ? List.<Criterion>of() : Criteria.notMet(row.dependenceYears(),
				row.failedOralEpisodes(), row.age(), Boolean.TRUE.equals(row.attendsTwiceDaily()), settings);
		return new Referral(row.id(), row.clientCode(), row.source(), row.consentOn(), row.referredOn(),
				row.dependenceYears(), row.failedOralEpisodes(), row.age(), row.attendsTwiceDaily(), row.decision(),
				row.decisionReason(), row.decidedAt(), row.decidedBy(), notMet, row.enrolmentId(),
				row.eventId() == null || row.sourceReference() == null || row.sendingAgency() == null ? null
						: new ReferralArrival(row.sourceReference(), row.sendingAgency(),
								agencies.agency(row.sendingAgency())
									.map(AgencySummary::name)
									.orElse(row.sendingAgency())));
	}

}
