package org.harmwatch.hatclinic;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.UUID;

import org.harmwatch.hatclinic.internal.HatAudit;
import org.harmwatch.hatclinic.internal.HatGuard;
import org.harmwatch.hatclinic.internal.HatPolicy;
import org.harmwatch.hatclinic.internal.HatProperties;
import org.harmwatch.hatclinic.internal.HatRepository;
import org.harmwatch.hatclinic.internal.DosingSessionRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clinic's treatment work once a person is enrolled: the licence register,
 * prescribing, supervised doses and the reviews missed doses raise, outcome profiles and
 * the end of treatment; each within {@code HatPolicy} and audited. Referrals, their
 * assessment and enrolment are {@link HatReferralManagement}'s.
 */
@Service
public class HatClinicManagement {

	private static final String RECORD = HatGuard.RECORD;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

	private final HatRepository repository;

	private final HatProperties settings;

	private final HatGuard guard;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final DosingSessionRepository sessions;

	private final TransactionTemplate transactions;

	private final Clock clock;

	HatClinicManagement(HatRepository repository, DosingSessionRepository sessions, HatProperties settings,
			HatGuard guard, AuditLog audit, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			Clock clock) {
		this.sessions = sessions;
		this.transactions = new TransactionTemplate(transactions);
		this.repository = repository;
		this.settings = settings;
		this.guard = guard;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Today in the region. */
	public LocalDate today() {
		return guard.today();
	}

	/** How many missed doses in a row raise a review. */
	public int missedDosesBeforeReview() {
		return settings.missedDosesBeforeReview();
	}

	/**
	 * Records a licence in the register; nobody records their own.
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public UUID recordLicence(LicenceDraft draft, HarmwatchUser user) {
		guard.requireRecorder(user);
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
		guard.requireRecorder(user);
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
			guard.refuse("needs clinic manage for health");
		}
		var enrolment = guard.ownEnrolment(enrolmentId, user);
		var today = guard.today();
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
	 * number of doses missed in a row raises a clinical review. The dose is stored in one
	 * transaction and audited once it has committed, so that a dose holds one pooled
	 * connection at a time.
	 * @throws InputRejectedException naming what is wrong
	 */
	public DoseRecorded recordDose(DoseDraft draft, HarmwatchUser user) {
		var stored = Objects.requireNonNull(transactions.execute(status -> storeDose(draft, user)));
		// Audited after the dose's transaction, so that a dose holds one pooled
		// connection at
		// a time (an audit entry is written in its own transaction, on a connection of
		// its
		// own): 30 tablets at once no longer wait for a second connection each.
		audit.record(HatAudit.HAT_DOSE_RECORDED, RECORD, draft.enrolmentId().toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, draft.on() + " " + draft.slot() + (draft.given() ? " given" : " missed"));
		if (stored.reviewRaised() != null) {
			audit.record(HatAudit.HAT_REVIEW_RAISED, RECORD, draft.enrolmentId().toString(), Purpose.HEALTH,
					AuditLog.Outcome.ALLOWED, stored.missedInRow() + " missed in a row");
		}
		return new DoseRecorded(stored.doseId(), stored.reviewRaised());
	}

	/** What one dose's transaction stored. */
	private record StoredDose(UUID doseId, @Nullable UUID reviewRaised, int missedInRow) {
	}

	private StoredDose storeDose(DoseDraft draft, HarmwatchUser user) {
		guard.requireRecorder(user);
		var enrolment = guard.ownEnrolment(draft.enrolmentId(), user);
		var problems = new ArrayList<FieldProblem>();
		if (enrolment.endedOn() != null) {
			problems.add(FieldProblem.global("hatclinic.dose.ended"));
		}
		if (draft.on().isAfter(guard.today())) {
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
		UUID review = null;
		int missed = 0;
		if (given) {
			// Only the first dose marks the start; the row read above says whether it has
			// been.
			if (enrolment.firstDoseOn() == null && repository.markFirstDose(enrolment.id(), draft.on())) {
				events.publishEvent(new HatTreatmentStarted(enrolment.id(), enrolment.districtCode(), draft.on()));
			}
		}
		else {
			missed = repository.missedInRow(enrolment.id());
			if (missed >= settings.missedDosesBeforeReview()) {
				var reviewId = UUID.randomUUID();
				if (repository.raiseReview(reviewId, enrolment.owner(), enrolment.id(), missed, clock.instant())) {
					review = reviewId;
				}
			}
		}
		return new StoredDose(id, review, missed);
	}

	/**
	 * The clinic session screen: every client of the user's agency in treatment, the
	 * range in force that day, the dose to suggest (the last one given, within the
	 * range), and the dose if already recorded for the slot (audited).
	 */
	@Transactional(readOnly = true)
	public List<SessionRow> session(LocalDate day, DoseSlot slot, HarmwatchUser user) {
		guard.requireOwnReader(user);
		var rows = new ArrayList<SessionRow>();
		for (var entry : sessions.session(user.agencyCode(), day, slot)) {
			var prescription = entry.prescription();
			Integer suggested = null;
			if (prescription != null) {
				int last = entry.lastGivenMg() == null ? prescription.minMg() : entry.lastGivenMg();
				suggested = Math.max(prescription.minMg(), Math.min(prescription.maxMg(), last));
			}
			rows.add(new SessionRow(entry.enrolmentId(), entry.clientCode(), prescription, suggested, entry.recorded(),
					entry.underReview()));
		}
		audit.record(HatAudit.HAT_SESSION_VIEWED, RECORD, null, Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				day + " " + slot + ", " + rows.size() + " clients");
		return rows;
	}

	/** The clients of the user's agency in treatment, by client code (audited). */
	@Transactional(readOnly = true)
	public List<Patient> patients(HarmwatchUser user) {
		guard.requireOwnReader(user);
		var patients = new ArrayList<Patient>();
		for (var e : sessions.patients(user.agencyCode())) {
			var review = e.reviewId() == null || e.reviewMissed() == null || e.reviewRaisedAt() == null ? null
					: new Review(e.reviewId(), e.enrolmentId(), e.clientCode(), e.reviewMissed(), e.reviewRaisedAt());
			patients.add(new Patient(e.enrolmentId(), e.referralId(), e.clientCode(), e.districtCode(), e.enrolledOn(),
					e.firstDoseOn(), List.of(), List.of(), List.of(), review, null, null, null));
		}
		audit.record(HatAudit.HAT_PATIENTS_LISTED, RECORD, null, Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				patients.size() + " in treatment");
		return patients;
	}

	/** One enrolled client as the reader may see them (audited). */
	@Transactional(readOnly = true)
	public Patient patient(UUID id, HarmwatchUser reader) {
		var enrolment = guard.readableEnrolment(id, reader);
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
		guard.requireRecorder(user);
		var enrolment = guard.ownEnrolment(enrolmentId, user);
		if (enrolment.endedOn() != null) {
			throw new InputRejectedException(FieldProblem.global("hatclinic.end.already"));
		}
		var problems = new ArrayList<FieldProblem>();
		if (draft.on().isAfter(guard.today())) {
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
		guard.requireOwnReader(user);
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
		guard.requireRecorder(user);
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
		guard.requireRecorder(user);
		guard.ownEnrolment(enrolmentId, user);
		var problems = new ArrayList<FieldProblem>();
		if (draft.completedOn().isAfter(guard.today())) {
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

}
