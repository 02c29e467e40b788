package org.harmwatch.diversion;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Everything about one referral a navigator works with. */
public record CaseFile(Referral referral, Scheme scheme, @Nullable Contract contract, List<Outcome> outcomes,
		@Nullable Integer victimSatisfaction) {

	/** Reconviction and rearrest within a follow-up window. */
	public record Outcome(int windowMonths, boolean rearrested, boolean reconvicted) {
	}

}
