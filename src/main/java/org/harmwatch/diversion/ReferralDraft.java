package org.harmwatch.diversion;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person referred to a scheme from custody: known only by the custody record reference,
 * with the facts the rules read and the fairness report's bands.
 */
public record ReferralDraft(UUID schemeId, String custodyReference, OffenceGroup offenceGroup, LocalDate offenceOn,
		LocalDate referredOn, int gravity, int previousConvictions, Set<Exclusion> flags, boolean evidenceToCharge,
		@Nullable AgeBand ageBand, @Nullable Sex sex, @Nullable Ethnicity ethnicity) {

	public ReferralDraft {
		flags = Set.copyOf(flags);
	}

}
