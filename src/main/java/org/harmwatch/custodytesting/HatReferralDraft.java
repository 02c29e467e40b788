package org.harmwatch.custodytesting;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An onward referral to heroin-assisted treatment as the treatment team fills it in: the
 * clinic, whether the person consented and when, and the day of the referral.
 */
public record HatReferralDraft(@Nullable String clinic, boolean consent, @Nullable LocalDate consentOn,
		@Nullable LocalDate referredOn) {

}
