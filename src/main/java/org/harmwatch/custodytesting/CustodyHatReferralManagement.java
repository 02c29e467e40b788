package org.harmwatch.custodytesting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.AgencySummary;
import org.harmwatch.custodytesting.internal.CustodyHatReferralRepository;
import org.harmwatch.custodytesting.internal.CustodyHatReferralRepository.StoredHatReferral;
import org.harmwatch.custodytesting.internal.CustodyTestingAudit;
import org.harmwatch.custodytesting.internal.TeamReferralGuard;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onward referral to heroin-assisted treatment (issue 16 item 1): the treatment team that
 * took a person on from custody refers them to a HAT clinic, with the person's consent
 * recorded, and {@link CustodyHatReferralRequested} carries the referral to the clinic.
 *
 * <p>
 * Only the team's health staff who may answer the custody referral send it (custody
 * testing write for {@code HEALTH} in a health agency); police staff are refused whatever
 * their grants. The team sees only "referred to the clinic on the day"; the police agency
 * that owns the custody record sees nothing of it, and nothing comes back from the
 * clinic.
 */
@Service
public class CustodyHatReferralManagement {

	private static final String RECORD = "custody-referral";

	private final CustodyTestingManagement custody;

	private final TeamReferralManagement referrals;

	private final TeamReferralGuard guard;

	private final CustodyHatReferralRepository repository;

	private final AgencyManagement agencies;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CustodyHatReferralManagement(CustodyTestingManagement custody, TeamReferralManagement referrals,
			TeamReferralGuard guard, CustodyHatReferralRepository repository, AgencyManagement agencies, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.custody = custody;
		this.referrals = referrals;
		this.guard = guard;
		this.repository = repository;
		this.agencies = agencies;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The heroin-assisted treatment clinics, by code: active health agencies (never law
	 * enforcement) with staff who hold clinic write.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> clinics() {
		return agencies.agenciesWhoseStaffHold(Capability.HAT_CLINIC, Action.WRITE, Purpose.HEALTH);
	}

	/** Whether the reader may refer on from the team's referrals. */
	public boolean mayRefer(HarmwatchUser reader) {
		return referrals.mayAnswer(reader);
	}

	/**
	 * The onward referral made from a custody referral, as its team sees it (the referral
	 * read itself is audited by {@link TeamReferralManagement#teamReferral}).
	 * @throws NotFoundException when the reader may not read the referral (audited)
	 */
	@Transactional(readOnly = true)
	public Optional<HatReferralSent> sent(UUID referralId, HarmwatchUser reader) {
		var referral = guard.teamReadable(referralId, reader, false, CustodyTestingAudit.CUSTODY_REFERRAL_REFUSED);
		return repository.ofReferral(referral.id())
			.map(r -> new HatReferralSent(
					agencies.agency(r.clinicAgency()).map(AgencySummary::name).orElse(r.clinicAgency()), r.referredOn(),
					r.consentOn()));
	}

	/**
	 * Refers the person of a custody referral on to heroin-assisted treatment, with their
	 * consent: no consent, no referral.
	 * @return the onward referral's id, which is also the event's
	 * @throws NotFoundException when the reader may not read the referral (audited)
	 * @throws AccessDeniedException when they may read but not refer (audited)
	 * @throws InputRejectedException naming what is wrong; nothing is stored then
	 */
	@Transactional
	public UUID refer(UUID referralId, HatReferralDraft draft, HarmwatchUser user) {
		var referral = guard.teamReadable(referralId, user, true, CustodyTestingAudit.CUSTODY_HAT_REFERRAL_REFUSED);
		if (!referrals.mayAnswer(user)) {
			audit.record(CustodyTestingAudit.CUSTODY_HAT_REFERRAL_REFUSED, RECORD, referralId.toString(),
					Purpose.HEALTH, AuditLog.Outcome.DENIED, "needs custody testing write for health");
			throw new AccessDeniedException("No custody testing write for health");
		}
		if (repository.ofReferral(referralId).isPresent()) {
			throw new InputRejectedException(FieldProblem.global("custodytesting.hat.already"));
		}
		var problems = new ArrayList<FieldProblem>();
		var clinic = draft.clinic();
		if (clinic == null || !clinics().containsKey(clinic)) {
			problems.add(FieldProblem.of("clinic", "custodytesting.hat.clinic"));
		}
		if (!draft.consent()) {
			problems.add(FieldProblem.of("consent", "custodytesting.hat.consent.required"));
		}
		var today = custody.today();
		var referredOn = draft.referredOn();
		if (referredOn == null) {
			problems.add(FieldProblem.of("referredOn", "custodytesting.referredOn.required"));
		}
		else if (referredOn.isBefore(referral.referredOn()) || referredOn.isAfter(today)) {
			problems.add(FieldProblem.of("referredOn", "custodytesting.hat.referredOn.range"));
		}
		var consentOn = draft.consentOn();
		if (consentOn == null) {
			problems.add(FieldProblem.of("consentOn", "custodytesting.hat.consentOn.required"));
		}
		else if (consentOn.isAfter(referredOn == null ? today : referredOn)
				|| consentOn.isBefore(referral.referredOn())) {
			problems.add(FieldProblem.of("consentOn", "custodytesting.hat.consentOn.range"));
		}
		if (!problems.isEmpty() || clinic == null || referredOn == null || consentOn == null) {
			throw new InputRejectedException(problems);
		}
		var id = UUID.randomUUID();
		if (!repository.insert(
				new StoredHatReferral(id, referralId, referral.teamAgency(), clinic, consentOn, referredOn),
				user.getUsername(), clock.instant())) {
			throw new InputRejectedException(FieldProblem.global("custodytesting.hat.already"));
		}
		audit.record(CustodyTestingAudit.CUSTODY_HAT_REFERRAL_SENT, RECORD, referralId.toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, "to " + clinic);
		events.publishEvent(new CustodyHatReferralRequested(id, clinic, referral.teamPersonCode(), referredOn,
				consentOn, referral.teamAgency()));
		return id;
	}

}
