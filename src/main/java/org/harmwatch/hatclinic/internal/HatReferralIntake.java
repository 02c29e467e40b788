package org.harmwatch.hatclinic.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.custodytesting.CustodyHatReferralRequested;
import org.harmwatch.diversion.DiversionHatReferralRequested;
import org.harmwatch.hatclinic.ReferralSource;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.shared.Purpose;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Takes in referrals sent by event from custody testing and diversion (issue 16 item 1):
 * each becomes a referral in the receiving clinic's queue, owned by the clinic's agency,
 * marked as arrived by event with where from, and then goes through the normal
 * assessment.
 *
 * <p>
 * Idempotent on the event's id (a unique column): an event delivered twice, after a
 * restart or twice at once, makes one referral. The person is re-keyed: the clinic knows
 * them by a client code of its own ({@code HR-XXXX-XXXX}); the source's code is kept
 * beside it only so that clinic staff can match the person with the referring worker. A
 * referral addressed to an agency that is not a health agency in use (or with its consent
 * after the referral) is not taken in, and the refusal is audited.
 */
@Component
class HatReferralIntake {

	/** Who acts for this listener in the audit log. */
	static final String ACTOR = "system:hat-referral-intake";

	private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private final SecureRandom random = new SecureRandom();

	private final HatRepository repository;

	private final AgencyManagement agencies;

	private final AuditLog audit;

	private final Clock clock;

	HatReferralIntake(HatRepository repository, AgencyManagement agencies, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.agencies = agencies;
		this.audit = audit;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CustodyHatReferralRequested event) {
		takeIn(event.eventId(), event.clinicAgency(), ReferralSource.CUSTODY_TESTING, event.personCode(),
				event.sendingAgency(), event.consentOn(), event.referredOn());
	}

	@ApplicationModuleListener
	void on(DiversionHatReferralRequested event) {
		takeIn(event.eventId(), event.clinicAgency(), ReferralSource.DIVERSION, event.reference(),
				event.sendingAgency(), event.consentOn(), event.referredOn());
	}

	private void takeIn(UUID eventId, String clinic, ReferralSource source, String sourceReference, String sender,
			LocalDate consentOn, LocalDate referredOn) {
		var agency = agencies.agency(clinic).orElse(null);
		if (agency == null || !agency.active() || agency.type().lawEnforcement()
				|| !agency.type().purposes().contains(Purpose.HEALTH) || consentOn.isAfter(referredOn)
				|| sourceReference.length() > 40) {
			audit.recordFor(ACTOR, clinic, HatAudit.HAT_REFERRAL_NOT_TAKEN_IN, "hat-referral", eventId.toString(),
					Purpose.HEALTH, AuditLog.Outcome.DENIED, source + " from " + sender + ": not a clinic in use");
			return;
		}
		var id = UUID.randomUUID();
		if (repository.addReferralByEvent(id, eventId, clinic, clientCode(), source, consentOn, referredOn,
				sourceReference, sender, clock.instant(), ACTOR)) {
			audit.recordFor(ACTOR, clinic, HatAudit.HAT_REFERRAL_ARRIVED, HatGuard.RECORD, id.toString(),
					Purpose.HEALTH, AuditLog.Outcome.ALLOWED, source + " from " + sender);
		}
	}

	private String clientCode() {
		var code = new StringBuilder("HR-");
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				code.append('-');
			}
			code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
		}
		return code.toString();
	}

}
