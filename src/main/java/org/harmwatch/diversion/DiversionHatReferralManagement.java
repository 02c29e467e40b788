package org.harmwatch.diversion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.diversion.internal.DiversionAudit;
import org.harmwatch.diversion.internal.DiversionHatReferralRepository;
import org.harmwatch.diversion.internal.DiversionPolicy;
import org.harmwatch.diversion.internal.DiversionRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onward referral to heroin-assisted treatment from a diversion scheme (issue 16 item 1):
 * treatment staff, who know the person on a scheme's treatment condition only by the
 * pseudonymised link's reference, refer them to a HAT clinic with the person's consent
 * recorded; {@link DiversionHatReferralRequested} carries it to the clinic.
 *
 * <p>
 * Only health staff who report attendance send it (diversion write for {@code HEALTH},
 * never a law-enforcement agency, whatever its grants). They see only "referred to the
 * clinic on the day"; the police agency that runs the scheme sees nothing of it, and
 * nothing comes back from the clinic.
 */
@Service
public class DiversionHatReferralManagement {

	private static final String RECORD = "diversion-hat-referral";

	private final DiversionRepository diversion;

	private final DiversionHatReferralRepository repository;

	private final AgencyManagement agencies;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RegionSettings region;

	DiversionHatReferralManagement(DiversionRepository diversion, DiversionHatReferralRepository repository,
			AgencyManagement agencies, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			RegionSettings region) {
		this.diversion = diversion;
		this.repository = repository;
		this.agencies = agencies;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.region = region;
	}

	/** Today in the region. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(region.timeZone()));
	}

	/** Whether the user may refer on: treatment staff who report attendance. */
	public boolean mayRefer(HarmwatchUser user) {
		return DiversionPolicy.mayReportAttendance(user);
	}

	/**
	 * The heroin-assisted treatment clinics, by code: active health agencies (never law
	 * enforcement) with staff who hold clinic write.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> clinics() {
		return agencies.agenciesWhoseStaffHold(Capability.HAT_CLINIC, Action.WRITE, Purpose.HEALTH);
	}

	/**
	 * Refers the person of a treatment link on to heroin-assisted treatment, with their
	 * consent: no consent, no referral. Once per link.
	 * @return what the sender sees of it: the clinic's name and the day
	 * @throws AccessDeniedException when the user is not treatment staff (audited)
	 * @throws InputRejectedException naming what is wrong; nothing is stored then
	 */
	@Transactional
	public HatReferralSent refer(HatReferralDraft draft, HarmwatchUser user) {
		if (!mayRefer(user)) {
			audit.record(DiversionAudit.DIVERSION_REFUSED, RECORD, null, Purpose.HEALTH, AuditLog.Outcome.DENIED,
					"onward referral to heroin-assisted treatment is made by health staff");
			throw new AccessDeniedException("Onward referral is made by treatment staff");
		}
		var problems = new ArrayList<FieldProblem>();
		var reference = draft.reference() == null ? "" : draft.reference().strip().toUpperCase(Locale.ROOT);
		boolean linked = !reference.isEmpty() && reference.length() <= 20 && diversion.linkExists(reference);
		if (!linked) {
			problems.add(FieldProblem.of("reference", "diversion.attendance.reference.unknown"));
		}
		var clinic = draft.clinic();
		var clinics = clinics();
		if (clinic == null || !clinics.containsKey(clinic)) {
			problems.add(FieldProblem.of("clinic", "diversion.hat.clinic"));
		}
		if (!draft.consent()) {
			problems.add(FieldProblem.of("consent", "diversion.hat.consent.required"));
		}
		var today = today();
		var linkedOn = linked ? repository.linkedOn(reference, region.timeZone()) : null;
		var referredOn = draft.referredOn();
		if (referredOn == null) {
			problems.add(FieldProblem.of("referredOn", "diversion.hat.referredOn.required"));
		}
		else if (referredOn.isAfter(today) || (linkedOn != null && referredOn.isBefore(linkedOn))) {
			problems.add(FieldProblem.of("referredOn", "diversion.hat.referredOn.range"));
		}
		var consentOn = draft.consentOn();
		if (consentOn == null) {
			problems.add(FieldProblem.of("consentOn", "diversion.hat.consentOn.required"));
		}
		else if (consentOn.isAfter(referredOn == null ? today : referredOn)) {
			problems.add(FieldProblem.of("consentOn", "diversion.hat.consentOn.range"));
		}
		if (!problems.isEmpty() || clinic == null || referredOn == null || consentOn == null) {
			throw new InputRejectedException(problems);
		}
		var id = UUID.randomUUID();
		if (!repository.insert(id, reference, user.agencyCode(), clinic, consentOn, referredOn, user.getUsername(),
				clock.instant())) {
			throw new InputRejectedException(FieldProblem.of("reference", "diversion.hat.already"));
		}
		audit.record(DiversionAudit.DIVERSION_HAT_REFERRAL_SENT, RECORD, id.toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, "to " + clinic);
		events.publishEvent(
				new DiversionHatReferralRequested(id, clinic, reference, referredOn, consentOn, user.agencyCode()));
		return new HatReferralSent(clinics.get(clinic), referredOn);
	}

}
