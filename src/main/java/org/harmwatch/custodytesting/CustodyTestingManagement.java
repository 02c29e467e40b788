package org.harmwatch.custodytesting;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.custodytesting.internal.CustodyNames;
import org.harmwatch.custodytesting.internal.CustodyRepository;
import org.harmwatch.custodytesting.internal.CustodyRepository.StoredArrest;
import org.harmwatch.custodytesting.internal.CustodyRepository.StoredReferral;
import org.harmwatch.custodytesting.internal.CustodyTestingAudit;
import org.harmwatch.custodytesting.internal.CustodyTestingPolicy;
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
 * Custody testing in and out: arrests and their tests, required assessments and the
 * referral to a treatment team, each within {@code CustodyTestingPolicy} and audited (the
 * team's reading and answer are {@link TeamReferralManagement}'s, the funnel and the
 * export {@link CustodyFunnelManagement}'s).
 */
@Service
public class CustodyTestingManagement {

	/** Arrests or referrals on one page of a list. */
	public static final int PAGE_SIZE = 25;

	/** The last page a list goes to. */
	public static final int MAX_PAGE = 10_000;

	/** The longest person code, device or inspector accepted. */
	public static final int MAX_TEXT = 80;

	private static final String RECORD = "custody-arrest";

	private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private final SecureRandom random = new SecureRandom();

	private final CustodyRepository repository;

	private final SharingManagement sharing;

	private final AgencyManagement agencies;

	private final CustodyNames names;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	CustodyTestingManagement(CustodyRepository repository, SharingManagement sharing, AgencyManagement agencies,
			CustodyNames names, AuditLog audit, ApplicationEventPublisher events, Clock clock, RegionSettings region) {
		this.repository = repository;
		this.sharing = sharing;
		this.agencies = agencies;
		this.names = names;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	/** The custody suites in use, by name. */
	public List<CustodySuite> suites() {
		return repository.suites();
	}

	/** The trigger offences, past and present, with their dates of effect. */
	public List<TriggerOffence> triggerOffences() {
		return repository.offences();
	}

	/** The region's time zone. */
	public ZoneId zone() {
		return zone;
	}

	/** Today in the region. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** Whether the user may record arrests and tests. */
	public boolean mayRecord(HarmwatchUser user) {
		return CustodyTestingPolicy.mayRecord(user);
	}

	/**
	 * Records an arrest with its first test for the user's police agency: an initial
	 * assessment is required when the test is positive.
	 * @return the arrest's id
	 * @throws AccessDeniedException when the user may not record (audited)
	 * @throws InputRejectedException naming what is wrong; nothing is stored then
	 */
	@Transactional
	public UUID recordArrest(ArrestDraft draft, HarmwatchUser user) {
		refuseUnlessRecorder(user);
		var problems = new ArrayList<FieldProblem>();
		var suite = repository.suite(draft.suiteCode());
		if (suite.isEmpty()) {
			problems.add(FieldProblem.of("suiteCode", "custodytesting.suite.unknown"));
		}
		var person = text(draft.personCode(), "personCode", problems);
		var now = clock.instant();
		if (draft.arrestedAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
			problems.add(FieldProblem.of("arrestedAt", "custodytesting.time.future"));
		}
		String offence = null;
		String inspector = null;
		if (draft.basis() == TestBasis.TRIGGER_OFFENCE) {
			var found = draft.offenceCode() == null ? null : repository.offence(draft.offenceCode()).orElse(null);
			var day = LocalDate.ofInstant(draft.arrestedAt(), zone);
			if (found == null) {
				problems.add(FieldProblem.of("offenceCode", "custodytesting.offence.required"));
			}
			else if (!found.inEffectOn(day)) {
				problems.add(FieldProblem.of("offenceCode", "custodytesting.offence.notInEffect", found.title(),
						day.toString()));
			}
			else {
				offence = found.code();
			}
		}
		else {
			inspector = draft.inspector() == null ? null : text(draft.inspector(), "inspector", problems);
			if (draft.inspector() == null) {
				problems.add(FieldProblem.of("inspector", "custodytesting.inspector.required"));
			}
		}
		var test = draft.test();
		if (test != null) {
			checkTest(test, draft.arrestedAt(), now, problems);
		}
		if (!problems.isEmpty() || suite.isEmpty() || person == null) {
			throw new InputRejectedException(problems);
		}
		var arrest = new StoredArrest(UUID.randomUUID(), user.agencyCode(), suite.get().code(), person,
				draft.arrestedAt(), draft.basis(), offence, inspector);
		repository.insertArrest(arrest, user.getUsername(), now);
		audit.record(CustodyTestingAudit.CUSTODY_ARREST_RECORDED, RECORD, arrest.id().toString(), Purpose.POLICING,
				AuditLog.Outcome.ALLOWED, draft.basis() + " at " + suite.get().code());
		if (test != null) {
			storeTest(arrest, suite.get(), test, false, user, now);
		}
		return arrest.id();
	}

	/**
	 * Records a retest on an arrest of the user's agency.
	 * @throws NotFoundException when there is no such arrest the user may read (audited)
	 * @throws AccessDeniedException when they may read but not change it
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public void recordRetest(UUID arrestId, TestDraft draft, HarmwatchUser user) {
		var arrest = changeable(arrestId, user);
		var problems = new ArrayList<FieldProblem>();
		var now = clock.instant();
		if (draft.outcome() == TestOutcome.NOT_TESTED) {
			problems.add(FieldProblem.of("outcome", "custodytesting.outcome.required"));
		}
		checkTest(draft, arrest.arrestedAt(), now, problems);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		storeTest(arrest, names.suiteOf(arrest), draft, true, user, now);
	}

	private void checkTest(TestDraft test, Instant arrestedAt, Instant now, List<FieldProblem> problems) {
		if (test.outcome() == TestOutcome.NOT_TESTED) {
			return;
		}
		if (test.sampleTakenAt().isBefore(arrestedAt)) {
			problems.add(FieldProblem.of("sampleTakenAt", "custodytesting.sample.beforeArrest"));
		}
		else if (test.sampleTakenAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
			problems.add(FieldProblem.of("sampleTakenAt", "custodytesting.time.future"));
		}
		if (test.outcome() == TestOutcome.RESULT) {
			if (test.cocaine() == null) {
				problems.add(FieldProblem.of("cocaine", "custodytesting.result.required"));
			}
			if (test.opiates() == null) {
				problems.add(FieldProblem.of("opiates", "custodytesting.result.required"));
			}
			if (test.device() != null) {
				text(test.device(), "device", problems);
			}
		}
		else if (test.cocaine() != null || test.opiates() != null) {
			problems.add(FieldProblem.of("cocaine", "custodytesting.refused.noResult"));
		}
	}

	private void storeTest(StoredArrest arrest, CustodySuite suite, TestDraft test, boolean retest, HarmwatchUser user,
			Instant now) {
		if (test.outcome() == TestOutcome.NOT_TESTED) {
			return;
		}
		var id = UUID.randomUUID();
		boolean result = test.outcome() == TestOutcome.RESULT;
		var device = result && test.device() != null && !test.device().isBlank() ? test.device().strip() : null;
		repository.insertTest(id, arrest.id(), retest, test.sampleTakenAt(), device, test.outcome(),
				result ? test.cocaine() : null, result ? test.opiates() : null, user.getUsername(), now);
		audit.record(CustodyTestingAudit.CUSTODY_TEST_RECORDED, RECORD, arrest.id().toString(), Purpose.POLICING,
				AuditLog.Outcome.ALLOWED, (retest ? "retest " : "test ") + test.outcome());
		if (result) {
			var day = LocalDate.ofInstant(test.sampleTakenAt(), zone);
			boolean positive = test.cocaine() == SubstanceResult.POSITIVE || test.opiates() == SubstanceResult.POSITIVE;
			events.publishEvent(new DrugTestRecorded(id, suite.districtCode(), day, positive));
			if (positive) {
				repository.requireAssessment(arrest.id(), AssessmentKind.INITIAL, day, null, user.getUsername(), now);
			}
		}
	}

	/**
	 * Records what happened to a required assessment: booked, attended or missed.
	 * @throws NotFoundException when there is no such assessment the user may read
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public void updateAssessment(UUID assessmentId, AssessmentUpdate update, HarmwatchUser user) {
		var assessment = repository.assessment(assessmentId)
			.orElseThrow(() -> new NotFoundException("custodytesting.notFound.assessment", assessmentId));
		var arrest = changeable(assessment.arrestId(), user);
		var problems = new ArrayList<FieldProblem>();
		if (assessment.status() == AssessmentStatus.ATTENDED) {
			throw new InputRejectedException(FieldProblem.global("custodytesting.assessment.attendedAlready"));
		}
		var arrestDay = LocalDate.ofInstant(arrest.arrestedAt(), zone);
		switch (update.status()) {
			case BOOKED -> {
				if (update.appointmentAt() == null) {
					problems.add(FieldProblem.of("appointmentAt", "custodytesting.appointment.required"));
				}
				else if (update.appointmentAt().isBefore(arrest.arrestedAt())) {
					problems.add(FieldProblem.of("appointmentAt", "custodytesting.appointment.beforeArrest"));
				}
			}
			case ATTENDED -> {
				if (assessment.status() == AssessmentStatus.REQUIRED && update.appointmentAt() == null) {
					problems.add(FieldProblem.of("appointmentAt", "custodytesting.appointment.required"));
				}
				if (update.attendedOn() == null) {
					problems.add(FieldProblem.of("attendedOn", "custodytesting.attendedOn.required"));
				}
				else if (update.attendedOn().isBefore(arrestDay) || update.attendedOn().isAfter(today())) {
					problems.add(FieldProblem.of("attendedOn", "custodytesting.attendedOn.range"));
				}
			}
			case MISSED -> {
				if (assessment.status() == AssessmentStatus.REQUIRED && update.appointmentAt() == null) {
					problems.add(FieldProblem.of("appointmentAt", "custodytesting.appointment.required"));
				}
				if (update.consequence() == null) {
					problems.add(FieldProblem.of("consequence", "custodytesting.consequence.required"));
				}
			}
			case REQUIRED -> problems.add(FieldProblem.of("status", "custodytesting.status.required"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var now = clock.instant();
		repository.updateAssessment(assessmentId, update.status(), update.appointmentAt(),
				update.status() == AssessmentStatus.ATTENDED ? update.attendedOn() : null,
				update.status() == AssessmentStatus.MISSED ? update.consequence() : null, user.getUsername(), now);
		audit.record(CustodyTestingAudit.CUSTODY_ASSESSMENT_UPDATED, RECORD, arrest.id().toString(), Purpose.POLICING,
				AuditLog.Outcome.ALLOWED, assessment.kind() + " " + update.status()
						+ (update.consequence() == null ? "" : " " + update.consequence()));
		if (update.status() == AssessmentStatus.ATTENDED && update.attendedOn() != null) {
			events.publishEvent(
					new AssessmentAttended(assessmentId, names.suiteOf(arrest).districtCode(), update.attendedOn()));
		}
	}

	/**
	 * Requires a follow-up assessment, as the assessor did at the initial one.
	 * @throws InputRejectedException when the initial one is not attended, or a follow-up
	 * is required already
	 */
	@Transactional
	public void requireFollowUp(UUID arrestId, HarmwatchUser user) {
		var arrest = changeable(arrestId, user);
		var initialAttended = repository.assessments(arrestId)
			.stream()
			.anyMatch(a -> a.kind() == AssessmentKind.INITIAL && a.status() == AssessmentStatus.ATTENDED);
		if (!initialAttended || !repository.requireAssessment(arrestId, AssessmentKind.FOLLOW_UP, today(), null,
				user.getUsername(), clock.instant())) {
			throw new InputRejectedException(FieldProblem.global("custodytesting.followUp.notNow"));
		}
		audit.record(CustodyTestingAudit.CUSTODY_ASSESSMENT_UPDATED, RECORD, arrest.id().toString(), Purpose.POLICING,
				AuditLog.Outcome.ALLOWED, "FOLLOW_UP REQUIRED");
	}

	/**
	 * The treatment teams the user's agency may refer to, by code: health agencies it
	 * shares custody testing with for {@code HEALTH} under an agreement in force.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> teams(HarmwatchUser user) {
		var teams = new LinkedHashMap<String, String>();
		for (var agreement : sharing.agreements()) {
			if (agreement.inForce() && agreement.ownerCode().equals(user.agencyCode())
					&& agreement.capability() == Capability.CUSTODY_TESTING && agreement.access() == Action.READ
					&& agreement.purpose() == Purpose.HEALTH) {
				var agency = agencies.agency(agreement.recipientCode());
				if (agency.isPresent() && agency.get().active()
						&& CustodyTestingPolicy.mayBeTeam(agency.get().type())) {
					teams.put(agency.get().code(), agency.get().name());
				}
			}
		}
		return teams;
	}

	/**
	 * Refers the person to a treatment team after an attended assessment: the team gets a
	 * code of its own for the person (the same at each referral to it), no more.
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public UUID refer(UUID arrestId, @Nullable String teamCode, @Nullable LocalDate on, HarmwatchUser user) {
		var arrest = changeable(arrestId, user);
		var problems = new ArrayList<FieldProblem>();
		boolean assessed = repository.assessments(arrestId)
			.stream()
			.anyMatch(a -> a.status() == AssessmentStatus.ATTENDED);
		if (!assessed) {
			problems.add(FieldProblem.global("custodytesting.referral.notAssessed"));
		}
		if (repository.referralOf(arrestId).isPresent()) {
			problems.add(FieldProblem.global("custodytesting.referral.already"));
		}
		if (teamCode == null || !teams(user).containsKey(teamCode)) {
			problems.add(FieldProblem.of("team", "custodytesting.referral.team"));
		}
		if (on == null) {
			problems.add(FieldProblem.of("referredOn", "custodytesting.referredOn.required"));
		}
		else if (on.isBefore(LocalDate.ofInstant(arrest.arrestedAt(), zone)) || on.isAfter(today())) {
			problems.add(FieldProblem.of("referredOn", "custodytesting.referredOn.range"));
		}
		if (!problems.isEmpty() || teamCode == null || on == null) {
			throw new InputRejectedException(problems);
		}
		var code = repository.teamPersonCode(arrest.ownerAgency(), teamCode, arrest.personCode())
			.orElseGet(this::newPersonCode);
		var referral = new StoredReferral(UUID.randomUUID(), arrestId, arrest.ownerAgency(), teamCode, code, on, null,
				null, null);
		repository.insertReferral(referral, user.getUsername(), clock.instant());
		audit.record(CustodyTestingAudit.CUSTODY_REFERRAL_MADE, RECORD, arrest.id().toString(), Purpose.POLICING,
				AuditLog.Outcome.ALLOWED, "to " + teamCode);
		events.publishEvent(new TreatmentReferralMade(referral.id(), names.suiteOf(arrest).districtCode(), on));
		return referral.id();
	}

	private String newPersonCode() {
		var code = new StringBuilder("CJ-");
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				code.append('-');
			}
			code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
		}
		return code.toString();
	}

	/**
	 * One arrest as the reader may see it (audited).
	 * @throws AccessDeniedException when the reader may read no custody records (audited)
	 * @throws NotFoundException when there is none, or it is not theirs to read (audited)
	 */
	@Transactional(readOnly = true)
	public ArrestView arrest(UUID id, HarmwatchUser reader) {
		refuseUnlessReader(reader, CustodyTestingAudit.CUSTODY_ARREST_REFUSED);
		var arrest = repository.arrest(id, false).orElse(null);
		if (arrest != null && readable(arrest.ownerAgency(), reader)) {
			audit.record(CustodyTestingAudit.CUSTODY_ARREST_VIEWED, RECORD, id.toString(), Purpose.POLICING,
					AuditLog.Outcome.ALLOWED, null);
			return view(arrest, reader);
		}
		if (arrest != null) {
			audit.record(CustodyTestingAudit.CUSTODY_ARREST_REFUSED, RECORD, id.toString(), Purpose.POLICING,
					AuditLog.Outcome.DENIED, "owned by " + arrest.ownerAgency() + ", not shared for reading");
		}
		throw new NotFoundException("custodytesting.notFound.arrest", id);
	}

	/**
	 * A page of the arrests the reader may read, newest first (audited).
	 * @param page from 1
	 */
	@Transactional(readOnly = true)
	public ArrestPage arrests(@Nullable String suiteCode, int page, HarmwatchUser reader) {
		refuseUnlessReader(reader, CustodyTestingAudit.CUSTODY_ARRESTS_LISTED);
		var owners = owners(reader);
		int number = Math.max(1, Math.min(page, MAX_PAGE));
		var views = repository.page(owners, suiteCode, PAGE_SIZE, (long) (number - 1) * PAGE_SIZE)
			.stream()
			.map(a -> view(a, reader))
			.toList();
		long total = repository.count(owners, suiteCode);
		audit.record(CustodyTestingAudit.CUSTODY_ARRESTS_LISTED, RECORD, null, Purpose.POLICING,
				AuditLog.Outcome.ALLOWED,
				"page " + number + " of " + total + (suiteCode == null ? "" : " at " + suiteCode));
		return new ArrestPage(views, number, PAGE_SIZE, total);
	}

	/** Whether the user may read custody records at all. */
	public boolean mayReadRecords(HarmwatchUser user) {
		return CustodyTestingPolicy.mayReadAny(user);
	}

	private void refuseUnlessRecorder(HarmwatchUser user) {
		if (!CustodyTestingPolicy.mayRecord(user)) {
			audit.record(CustodyTestingAudit.CUSTODY_RECORD_REFUSED, RECORD, null, Purpose.POLICING,
					AuditLog.Outcome.DENIED, "needs custody testing write for policing, in a police agency");
			throw new AccessDeniedException("No custody testing write for policing");
		}
	}

	void refuseUnlessReader(HarmwatchUser reader, CustodyTestingAudit action) {
		if (!CustodyTestingPolicy.mayReadAny(reader)) {
			audit.record(action, RECORD, null, Purpose.POLICING, AuditLog.Outcome.DENIED,
					"needs custody testing read for policing, in a police agency");
			throw new AccessDeniedException("No custody testing read for policing");
		}
	}

	private StoredArrest changeable(UUID arrestId, HarmwatchUser user) {
		refuseUnlessRecorder(user);
		var arrest = repository.arrest(arrestId, true).orElse(null);
		if (arrest == null || !readable(arrest.ownerAgency(), user)) {
			if (arrest != null) {
				audit.record(CustodyTestingAudit.CUSTODY_ARREST_REFUSED, RECORD, arrestId.toString(), Purpose.POLICING,
						AuditLog.Outcome.DENIED, "owned by " + arrest.ownerAgency());
			}
			throw new NotFoundException("custodytesting.notFound.arrest", arrestId);
		}
		if (!CustodyTestingPolicy.mayChange(user, arrest.ownerAgency())) {
			audit.record(CustodyTestingAudit.CUSTODY_RECORD_REFUSED, RECORD, arrestId.toString(), Purpose.POLICING,
					AuditLog.Outcome.DENIED, "owned by " + arrest.ownerAgency() + "; only its staff change it");
			throw new AccessDeniedException("Only the owner's staff change a custody record");
		}
		return arrest;
	}

	private boolean readable(String owner, HarmwatchUser reader) {
		var shared = owner.equals(reader.agencyCode()) ? Set.<Purpose>of()
				: sharing.sharedPurposes(owner, reader.agencyCode(), Capability.CUSTODY_TESTING, Action.READ);
		return CustodyTestingPolicy.mayRead(reader, owner, shared);
	}

	List<String> owners(HarmwatchUser reader) {
		var owners = new ArrayList<String>();
		owners.add(reader.agencyCode());
		sharing.sharingWith(reader.agencyCode(), Capability.CUSTODY_TESTING, Action.READ).forEach((owner, purposes) -> {
			if (CustodyTestingPolicy.mayRead(reader, owner, purposes)) {
				owners.add(owner);
			}
		});
		return owners;
	}

	ArrestView view(StoredArrest a, HarmwatchUser reader) {
		var suite = names.suiteOf(a);
		var referral = repository.referralOf(a.id())
			.map(r -> new ReferralView(r.id(), r.teamAgency(), names.agencyName(r.teamAgency()), r.referredOn(),
					r.treatmentStarted(), r.treatmentStartedOn()))
			.orElse(null);
		return new ArrestView(a.id(), a.ownerAgency(), suite, names.districtName(suite.districtCode()), a.personCode(),
				a.arrestedAt(), a.basis(),
				a.offenceCode() == null ? null : repository.offence(a.offenceCode()).orElse(null), a.inspector(),
				repository.tests(a.id()), repository.assessments(a.id()), referral,
				CustodyTestingPolicy.mayChange(reader, a.ownerAgency()));
	}

	private static @Nullable String text(String value, String field, List<FieldProblem> problems) {
		var text = value.strip();
		if (text.isEmpty()) {
			problems.add(FieldProblem.of(field, "custodytesting." + field + ".required"));
			return null;
		}
		if (text.length() > MAX_TEXT || text.chars().anyMatch(Character::isISOControl)) {
			problems.add(FieldProblem.of(field, "custodytesting.text.invalid", MAX_TEXT));
			return null;
		}
		return text;
	}

}
