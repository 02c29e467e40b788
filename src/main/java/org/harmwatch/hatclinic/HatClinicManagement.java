package org.harmwatch.hatclinic;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.harmwatch.agency.SharingManagement;
import org.harmwatch.hatclinic.internal.Criteria;
import org.harmwatch.hatclinic.internal.HatAudit;
import org.harmwatch.hatclinic.internal.HatPolicy;
import org.harmwatch.hatclinic.internal.HatProperties;
import org.harmwatch.hatclinic.internal.HatRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's work: referrals and their assessment, enrolment, the licence register,
 * prescribing, supervised doses and the reviews missed doses raise, and outcome profiles;
 * each within {@code HatPolicy} and audited.
 */
@Service
public class HatClinicManagement {

	/** Referrals on one page of the list. */
	public static final int PAGE_SIZE = 50;

	/** A client code: letters, digits and dashes, never a name with spaces. */
	static final Pattern CLIENT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,29}");

	private static final String RECORD = "hat-client";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

	private final HatRepository repository;

	private final HatProperties settings;

	private final SharingManagement sharing;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final RegionSettings region;

	private final Clock clock;

	HatClinicManagement(HatRepository repository, HatProperties settings, SharingManagement sharing, AuditLog audit,
			ApplicationEventPublisher events, RegionSettings region, Clock clock) {
		this.repository = repository;
		this.settings = settings;
		this.sharing = sharing;
		this.audit = audit;
		this.events = events;
		this.region = region;
		this.clock = clock;
	}

	/** Today in the region. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(region.timeZone()));
	}

	/** How many missed doses in a row raise a review. */
	public int missedDosesBeforeReview() {
		return settings.missedDosesBeforeReview();
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
		requireRecorder(user);
		var problems = new ArrayList<FieldProblem>();
		if (!CLIENT_CODE.matcher(draft.clientCode()).matches()) {
			problems.add(FieldProblem.of("clientCode", "hatclinic.referral.clientCode.pattern"));
		}
		var today = today();
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
		requireRecorder(user);
		var referral = ownReferral(referralId, user);
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
		return enrol(referralId, today(), user);
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
		requireRecorder(user);
		var referral = ownReferral(referralId, user);
		if (referral.decision() != Decision.SUITABLE) {
			throw new InputRejectedException(FieldProblem.global("hatclinic.enrol.notSuitable"));
		}
		if (referral.enrolmentId() != null) {
			throw new InputRejectedException(FieldProblem.global("hatclinic.assessment.alreadyEnrolled"));
		}
		if (enrolledOn.isAfter(today()) || enrolledOn.isBefore(referral.referredOn())) {
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
		var row = readable(repository.referral(id).orElse(null), id, reader);
		audit.record(HatAudit.HAT_REFERRAL_VIEWED, RECORD, id.toString(), Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				null);
		return view(row);
	}

	/** A page of the user's agency's referrals, newest first (audited). */
	@Transactional(readOnly = true)
	public List<Referral> referrals(int page, HarmwatchUser reader) {
		requireOwnReader(reader);
		int number = Math.max(1, Math.min(page, 10_000));
		var rows = repository.referrals(reader.agencyCode(), PAGE_SIZE, (long) (number - 1) * PAGE_SIZE);
		audit.record(HatAudit.HAT_REFERRALS_LISTED, RECORD, null, Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				"page " + number);
		return rows.stream().map(this::view).toList();
	}

	/** How many referrals the user's agency holds. */
	@Transactional(readOnly = true)
	public long referralCount(HarmwatchUser reader) {
		requireOwnReader(reader);
		return repository.referralCount(reader.agencyCode());
	}

	/**
	 * Records a licence in the register; nobody records their own.
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public UUID recordLicence(LicenceDraft draft, HarmwatchUser user) {
		requireRecorder(user);
		var problems = new ArrayList<FieldProblem>();
		if (!HatPolicy.mayRecordLicence(user, draft.prescriber())) {
			problems.add(FieldProblem.of("prescriber", "hatclinic.licence.prescriber.self"));
		}
		if (draft.validTo().isBefore(draft.validFrom())) {
			problems.add(FieldProblem.of("validTo", "hatclinic.licence.validTo.beforeFrom"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var id = UUID.randomUUID();
		repository.addLicence(id, user.agencyCode(), draft, clock.instant(), user.getUsername());
		audit.record(HatAudit.HAT_LICENCE_RECORDED, "hat-licence", id.toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, draft.prescriber());
		return id;
	}

	/** The agency's licence register (audited). */
	@Transactional(readOnly = true)
	public List<Licence> licences(HarmwatchUser user) {
		requireRecorder(user);
		audit.record(HatAudit.HAT_LICENCES_LISTED, "hat-licence", null, Purpose.HEALTH, AuditLog.Outcome.ALLOWED, null);
		return repository.licences(user.agencyCode());
	}

	/**
	 * Prescribes diamorphine (or a titration step) for an enrolled client, in the
	 * prescriber's name; refused (and audited) unless the prescriber holds a Home Office
	 * licence in force today and on the day it starts.
	 * @throws InputRejectedException naming what is wrong, the licence included
	 */
	@Transactional
	public UUID prescribe(UUID enrolmentId, PrescriptionDraft draft, HarmwatchUser user) {
		if (!HatPolicy.mayManage(user)) {
			refuse("needs clinic manage for health");
		}
		var enrolment = ownEnrolment(enrolmentId, user);
		var today = today();
		var licence = repository.currentLicence(user.agencyCode(), user.getUsername(), today).orElse(null);
		if (!HatPolicy.mayPrescribe(user, licence, today) || !HatPolicy.mayPrescribe(user, licence, draft.startsOn())) {
			audit.record(HatAudit.HAT_PRESCRIBING_REFUSED, RECORD, enrolmentId.toString(), Purpose.HEALTH,
					AuditLog.Outcome.DENIED, "no Home Office licence in force");
			throw new InputRejectedException(FieldProblem.global("hatclinic.prescription.noLicence"));
		}
		var problems = new ArrayList<FieldProblem>();
		if (draft.minMg() < 1 || draft.minMg() > 1000) {
			problems.add(FieldProblem.of("minMg", "hatclinic.prescription.mg.range"));
		}
		if (draft.maxMg() < 1 || draft.maxMg() > 1000) {
			problems.add(FieldProblem.of("maxMg", "hatclinic.prescription.mg.range"));
		}
		else if (draft.maxMg() < draft.minMg()) {
			problems.add(FieldProblem.of("maxMg", "hatclinic.prescription.maxMg.belowMin"));
		}
		if (enrolment.endedOn() != null) {
			problems.add(FieldProblem.global("hatclinic.prescription.ended"));
		}
		if (draft.startsOn().isBefore(enrolment.enrolledOn())) {
			problems.add(FieldProblem.of("startsOn", "hatclinic.prescription.startsOn.beforeEnrolment"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var id = UUID.randomUUID();
		repository.addPrescription(id, enrolmentId, draft, user.getUsername(), licence.id(), clock.instant());
		audit.record(HatAudit.HAT_PRESCRIBED, RECORD, enrolmentId.toString(), Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				draft.minMg() + "-" + draft.maxMg() + " mg " + draft.route());
		return id;
	}

	/**
	 * Records a supervised dose, given within the prescribed range or missed. The first
	 * dose given starts treatment ({@link HatTreatmentStarted}, once); the configured
	 * number of doses missed in a row raises a clinical review.
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public DoseRecorded recordDose(DoseDraft draft, HarmwatchUser user) {
		requireRecorder(user);
		var enrolment = ownEnrolment(draft.enrolmentId(), user);
		var problems = new ArrayList<FieldProblem>();
		if (enrolment.endedOn() != null) {
			problems.add(FieldProblem.global("hatclinic.dose.ended"));
		}
		if (draft.on().isAfter(today())) {
			problems.add(FieldProblem.of("on", "hatclinic.dose.on.future"));
		}
		if (draft.on().isBefore(enrolment.enrolledOn())) {
			problems.add(FieldProblem.of("on", "hatclinic.dose.on.beforeEnrolment"));
		}
		if (draft.adverseEvent() != null && draft.adverseEvent().length() > 1000) {
			problems.add(FieldProblem.of("adverseEvent", "hatclinic.dose.adverseEvent.size"));
		}
		UUID prescriptionId = null;
		if (draft.given()) {
			var prescription = repository.prescriptionOn(enrolment.id(), draft.on()).orElse(null);
			if (prescription == null) {
				problems.add(FieldProblem.global("hatclinic.dose.noPrescription"));
			}
			else if (draft.doseMg() == null) {
				problems.add(FieldProblem.of("doseMg", "hatclinic.dose.doseMg.required"));
			}
			else if (draft.doseMg() < prescription.minMg() || draft.doseMg() > prescription.maxMg()) {
				problems.add(FieldProblem.of("doseMg", "hatclinic.dose.doseMg.outOfRange", prescription.minMg(),
						prescription.maxMg()));
			}
			else {
				prescriptionId = prescription.id();
			}
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var given = draft.given();
		var stored = new DoseDraft(draft.enrolmentId(), draft.on(), draft.slot(), given, given ? draft.doseMg() : null,
				given ? draft.observation() : null, draft.adverseEvent());
		var id = UUID.randomUUID();
		if (!repository.addDose(id, stored, prescriptionId, clock.instant(), user.getUsername())) {
			throw new InputRejectedException(FieldProblem.global("hatclinic.dose.alreadyRecorded"));
		}
		audit.record(HatAudit.HAT_DOSE_RECORDED, RECORD, enrolment.id().toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, draft.on() + " " + draft.slot() + (given ? " given" : " missed"));
		UUID review = null;
		if (given) {
			if (repository.markFirstDose(enrolment.id(), draft.on())) {
				events.publishEvent(new HatTreatmentStarted(enrolment.id(), enrolment.districtCode(), draft.on()));
			}
		}
		else {
			int missed = repository.missedInRow(enrolment.id());
			if (missed >= settings.missedDosesBeforeReview()) {
				var reviewId = UUID.randomUUID();
				if (repository.raiseReview(reviewId, enrolment.owner(), enrolment.id(), missed, clock.instant())) {
					review = reviewId;
					audit.record(HatAudit.HAT_REVIEW_RAISED, RECORD, enrolment.id().toString(), Purpose.HEALTH,
							AuditLog.Outcome.ALLOWED, missed + " missed in a row");
				}
			}
		}
		return new DoseRecorded(id, review);
	}

	/**
	 * The clinic session screen: every client of the user's agency in treatment, the
	 * range in force that day, the dose to suggest (the last one given, within the
	 * range), and the dose if already recorded for the slot (audited).
	 */
	@Transactional(readOnly = true)
	public List<SessionRow> session(LocalDate day, DoseSlot slot, HarmwatchUser user) {
		requireOwnReader(user);
		var rows = new ArrayList<SessionRow>();
		for (var enrolment : repository.activeEnrolments(user.agencyCode())) {
			var prescription = repository.prescriptionOn(enrolment.id(), day).orElse(null);
			Integer suggested = null;
			if (prescription != null) {
				int last = repository.lastGivenMg(enrolment.id()).orElse(prescription.minMg());
				suggested = Math.max(prescription.minMg(), Math.min(prescription.maxMg(), last));
			}
			rows.add(new SessionRow(enrolment.id(), enrolment.clientCode(), prescription, suggested,
					repository.dose(enrolment.id(), day, slot).orElse(null),
					repository.openReview(enrolment.id()).isPresent()));
		}
		audit.record(HatAudit.HAT_SESSION_VIEWED, RECORD, null, Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				day + " " + slot + ", " + rows.size() + " clients");
		return rows;
	}

	/** The clients of the user's agency in treatment, by client code (audited). */
	@Transactional(readOnly = true)
	public List<Patient> patients(HarmwatchUser user) {
		requireOwnReader(user);
		var patients = new ArrayList<Patient>();
		for (var enrolment : repository.activeEnrolments(user.agencyCode())) {
			patients.add(new Patient(enrolment.id(), enrolment.referralId(), enrolment.clientCode(),
					enrolment.districtCode(), enrolment.enrolledOn(), enrolment.firstDoseOn(), List.of(), List.of(),
					List.of(), repository.openReview(enrolment.id()).orElse(null), null, null, null));
		}
		audit.record(HatAudit.HAT_PATIENTS_LISTED, RECORD, null, Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				patients.size() + " in treatment");
		return patients;
	}

	/** One enrolled client as the reader may see them (audited). */
	@Transactional(readOnly = true)
	public Patient patient(UUID id, HarmwatchUser reader) {
		var enrolment = repository.enrolment(id).orElse(null);
		if (enrolment == null || !HatPolicy.mayRead(reader, enrolment.owner(), shared(enrolment.owner(), reader))) {
			audit.record(HatAudit.HAT_REFUSED, RECORD, id.toString(), Purpose.HEALTH, AuditLog.Outcome.DENIED,
					enrolment == null ? "no such client" : "owned by " + enrolment.owner() + ", not shared");
			throw new NotFoundException("hatclinic.notFound.patient", id);
		}
		audit.record(HatAudit.HAT_PATIENT_VIEWED, RECORD, id.toString(), Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				null);
		return new Patient(enrolment.id(), enrolment.referralId(), enrolment.clientCode(), enrolment.districtCode(),
				enrolment.enrolledOn(), enrolment.firstDoseOn(), repository.prescriptions(id), repository.doses(id, 28),
				repository.outcomes(id), repository.openReview(id).orElse(null), enrolment.endedOn(),
				enrolment.endReason(), enrolment.endNote());
	}

	/**
	 * Ends a client's treatment: the client leaves the session screen and the list of
	 * clients in treatment, takes no more doses or prescriptions, and an open review is
	 * closed with it. The record stays readable.
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public void endTreatment(UUID enrolmentId, TreatmentEndDraft draft, HarmwatchUser user) {
		requireRecorder(user);
		var enrolment = ownEnrolment(enrolmentId, user);
		if (enrolment.endedOn() != null) {
			throw new InputRejectedException(FieldProblem.global("hatclinic.end.already"));
		}
		var problems = new ArrayList<FieldProblem>();
		if (draft.on().isAfter(today())) {
			problems.add(FieldProblem.of("endedOn", "hatclinic.end.endedOn.future"));
		}
		else if (draft.on().isBefore(enrolment.enrolledOn())) {
			problems.add(FieldProblem.of("endedOn", "hatclinic.end.endedOn.beforeEnrolment"));
		}
		else {
			repository.lastDoseOn(enrolmentId)
				.filter(last -> draft.on().isBefore(last))
				.ifPresent(last -> problems
					.add(FieldProblem.of("endedOn", "hatclinic.end.endedOn.beforeLastDose", last.format(DAY))));
		}
		var note = draft.note() == null || draft.note().isBlank() ? null : draft.note().strip();
		if (note == null && draft.reason() == EndReason.OTHER) {
			problems.add(FieldProblem.of("note", "hatclinic.end.note.required"));
		}
		if (note != null && note.length() > 1000) {
			problems.add(FieldProblem.of("note", "hatclinic.end.note.size"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		if (!repository.endEnrolment(enrolmentId, new TreatmentEndDraft(draft.on(), draft.reason(), note),
				clock.instant(), user.getUsername())) {
			throw new InputRejectedException(FieldProblem.global("hatclinic.end.already"));
		}
		repository.openReview(enrolmentId)
			.ifPresent(review -> repository.closeReview(review.id(), user.agencyCode(), clock.instant(),
					user.getUsername()));
		audit.record(HatAudit.HAT_TREATMENT_ENDED, RECORD, enrolmentId.toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, draft.on() + " " + draft.reason());
	}

	/** The open clinical reviews of the user's agency, oldest first (audited). */
	@Transactional(readOnly = true)
	public List<Review> openReviews(HarmwatchUser user) {
		requireOwnReader(user);
		var reviews = repository.openReviews(user.agencyCode());
		audit.record(HatAudit.HAT_PATIENTS_LISTED, RECORD, null, Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				reviews.size() + " open reviews");
		return reviews;
	}

	/**
	 * How many clinical reviews are open in the agency; zero for anyone who may not act
	 * on them.
	 */
	@Transactional(readOnly = true)
	public long openReviewCount(HarmwatchUser user) {
		return HatPolicy.mayRecord(user) ? repository.openReviewCount(user.agencyCode()) : 0;
	}

	/**
	 * Closes an open review once it has been held.
	 * @throws NotFoundException when the agency has no open review by that id
	 */
	@Transactional
	public void closeReview(UUID id, HarmwatchUser user) {
		requireRecorder(user);
		if (!repository.closeReview(id, user.agencyCode(), clock.instant(), user.getUsername())) {
			throw new NotFoundException("hatclinic.notFound.review", id);
		}
		audit.record(HatAudit.HAT_REVIEW_CLOSED, RECORD, id.toString(), Purpose.HEALTH, AuditLog.Outcome.ALLOWED, null);
	}

	/**
	 * Records a Treatment Outcomes Profile, one per stage.
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public void recordOutcome(UUID enrolmentId, OutcomeDraft draft, HarmwatchUser user) {
		requireRecorder(user);
		ownEnrolment(enrolmentId, user);
		var problems = new ArrayList<FieldProblem>();
		if (draft.completedOn().isAfter(today())) {
			problems.add(FieldProblem.of("completedOn", "hatclinic.outcome.completedOn.future"));
		}
		days(problems, "streetHeroinDays", draft.streetHeroinDays());
		days(problems, "crackDays", draft.crackDays());
		days(problems, "otherOpiateDays", draft.otherOpiateDays());
		days(problems, "alcoholDays", draft.alcoholDays());
		days(problems, "cannabisDays", draft.cannabisDays());
		days(problems, "injectingDays", draft.injectingDays());
		days(problems, "workDays", draft.workDays());
		if (draft.crimes() < 0 || draft.crimes() > 10_000) {
			problems.add(FieldProblem.of("crimes", "hatclinic.outcome.crimes.range"));
		}
		score(problems, "psychologicalHealth", draft.psychologicalHealth());
		score(problems, "physicalHealth", draft.physicalHealth());
		score(problems, "qualityOfLife", draft.qualityOfLife());
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		if (!repository.addOutcome(UUID.randomUUID(), enrolmentId, draft, clock.instant(), user.getUsername())) {
			throw new InputRejectedException(FieldProblem.of("stage", "hatclinic.outcome.stage.recorded"));
		}
		audit.record(HatAudit.HAT_OUTCOME_RECORDED, RECORD, enrolmentId.toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, draft.stage().name());
	}

	private static void days(List<FieldProblem> problems, String field, int days) {
		if (days < 0 || days > 28) {
			problems.add(FieldProblem.of(field, "hatclinic.outcome.days.range"));
		}
	}

	private static void score(List<FieldProblem> problems, String field, int score) {
		if (score < 0 || score > 20) {
			problems.add(FieldProblem.of(field, "hatclinic.outcome.score.range"));
		}
	}

	private Referral view(HatRepository.ReferralRow row) {
		var notMet = row.dependenceYears() == null ? List.<Criterion>of() : Criteria.notMet(row.dependenceYears(),
				row.failedOralEpisodes(), row.age(), Boolean.TRUE.equals(row.attendsTwiceDaily()), settings);
		return new Referral(row.id(), row.clientCode(), row.source(), row.consentOn(), row.referredOn(),
				row.dependenceYears(), row.failedOralEpisodes(), row.age(), row.attendsTwiceDaily(), row.decision(),
				row.decisionReason(), row.decidedAt(), row.decidedBy(), notMet, row.enrolmentId());
	}

	private HatRepository.ReferralRow readable(HatRepository.@Nullable ReferralRow row, UUID id, HarmwatchUser reader) {
		if (row == null || !HatPolicy.mayRead(reader, row.owner(), shared(row.owner(), reader))) {
			audit.record(HatAudit.HAT_REFUSED, "hat-referral", id.toString(), Purpose.HEALTH, AuditLog.Outcome.DENIED,
					row == null ? "no such referral" : "owned by " + row.owner() + ", not shared");
			throw new NotFoundException("hatclinic.notFound.referral", id);
		}
		return row;
	}

	private HatRepository.ReferralRow ownReferral(UUID id, HarmwatchUser user) {
		var row = repository.referral(id).orElse(null);
		if (row == null || !row.owner().equals(user.agencyCode())) {
			audit.record(HatAudit.HAT_REFUSED, "hat-referral", id.toString(), Purpose.HEALTH, AuditLog.Outcome.DENIED,
					"not a referral of the agency");
			throw new NotFoundException("hatclinic.notFound.referral", id);
		}
		return row;
	}

	private HatRepository.EnrolmentRow ownEnrolment(UUID id, HarmwatchUser user) {
		var row = repository.enrolment(id).orElse(null);
		if (row == null || !row.owner().equals(user.agencyCode())) {
			audit.record(HatAudit.HAT_REFUSED, RECORD, id.toString(), Purpose.HEALTH, AuditLog.Outcome.DENIED,
					"not a client of the agency");
			throw new NotFoundException("hatclinic.notFound.patient", id);
		}
		return row;
	}

	private Set<Purpose> shared(String owner, HarmwatchUser reader) {
		return owner.equals(reader.agencyCode()) ? Set.of()
				: sharing.sharedPurposes(owner, reader.agencyCode(), Capability.HAT_CLINIC, Action.READ);
	}

	private void requireRecorder(HarmwatchUser user) {
		if (!HatPolicy.mayRecord(user)) {
			refuse("needs clinic write for health");
		}
	}

	private void requireOwnReader(HarmwatchUser user) {
		if (!HatPolicy.mayRead(user, user.agencyCode(), Set.of())) {
			refuse("needs clinic read for health");
		}
	}

	private void refuse(String why) {
		audit.record(HatAudit.HAT_REFUSED, RECORD, null, Purpose.HEALTH, AuditLog.Outcome.DENIED, why);
		throw new AccessDeniedException(why);
	}

}
