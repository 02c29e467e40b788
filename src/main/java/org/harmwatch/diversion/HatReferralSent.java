package org.harmwatch.diversion;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What treatment staff see of an onward referral to heroin-assisted treatment: to which
 * clinic, and when. Nothing comes back from the clinic. Serializable: it is shown once
 * after the redirect, from the session.
 */
public record HatReferralSent(String clinicName, LocalDate referredOn) implements Serializable {

}
