package org.harmwatch.hatclinic;

import java.time.LocalDate;

/**
 * A referral to record: the service's client code, where it came from, and when the
 * person consented.
 */
public record ReferralDraft(String clientCode, ReferralSource source, LocalDate consentOn, LocalDate referredOn) {
}
