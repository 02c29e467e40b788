package org.harmwatch.custodytesting;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * The treatment team referred a person it took on from custody to heroin-assisted
 * treatment at a clinic, with the person's consent recorded.
 *
 * <p>
 * Carries only what the clinic needs: no name, no offence, no test result and never the
 * custody record's code; the person is named by the team's own pseudonymous code, which
 * the clinic re-keys. Published once; a listener stays idempotent by {@code eventId}.
 *
 * @param eventId the id of this referral, unique
 * @param clinicAgency the receiving clinic's agency code
 * @param personCode the team's pseudonymous code for the person
 * @param referredOn the day of the referral
 * @param consentOn the day the person consented
 * @param sendingAgency the treatment team's agency code
 */
@NamedInterface("events")
public record CustodyHatReferralRequested(UUID eventId, String clinicAgency, String personCode, LocalDate referredOn,
		LocalDate consentOn, String sendingAgency) {

}
