package org.harmwatch.custodytesting;

import java.time.LocalDate;

/**
 * What the treatment team sees of an onward referral to heroin-assisted treatment: to
 * which clinic, when, and the consent's day. Nothing comes back from the clinic.
 */
public record HatReferralSent(String clinicName, LocalDate referredOn, LocalDate consentOn) {

}
