package org.harmwatch.diversion;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * Treatment staff referred a person on a diversion scheme's treatment condition to
 * heroin-assisted treatment at a clinic, with the person's consent recorded.
 *
 * <p>
 * Carries only what the clinic needs: no name, no offence, nothing of the case; the
 * person is named by the pseudonymised treatment link's reference, which the clinic
 * re-keys. Published once; a listener stays idempotent by {@code eventId}.
 *
 * @param eventId the id of this referral, unique
 * @param clinicAgency the receiving clinic's agency code
 * @param reference the treatment link's reference
 * @param referredOn the day of the referral
 * @param consentOn the day the person consented
 * @param sendingAgency the treatment staff's agency code
 */
@NamedInterface("events")
public record DiversionHatReferralRequested(UUID eventId, String clinicAgency, String reference, LocalDate referredOn,
		LocalDate consentOn, String sendingAgency) {

}
