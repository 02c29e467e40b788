package org.harmwatch.diversion;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An onward referral to heroin-assisted treatment as treatment staff fill it in: the
 * treatment link's reference, the clinic, whether the person consented and when, and the
 * day of the referral.
 */
public record HatReferralDraft(@Nullable String reference, @Nullable String clinic, boolean consent,
		@Nullable LocalDate consentOn, @Nullable LocalDate referredOn) {

}
