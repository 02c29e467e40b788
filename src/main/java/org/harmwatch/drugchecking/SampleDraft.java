package org.harmwatch.drugchecking;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A sample taken in. There is deliberately no field for a name, contact details or a date
 * of birth.
 *
 * @param clientId the id the client generated; creating the same one again returns the
 * sample already stored
 * @param obtainedLadCode the local authority district it was bought in, if the person
 * says; never an address
 * @param ageBand only for sessions whose licence is {@link LicenceCondition#ADULTS_ONLY},
 * where it is required
 */
public record SampleDraft(@Nullable UUID clientId, @Nullable SampleMode mode, @Nullable String soldAs,
		@Nullable DosageForm form, @Nullable String pillColour, @Nullable String pillLogo, @Nullable String pillShape,
		@Nullable Boolean pillScoreLine, @Nullable BigDecimal pillWeightMg, @Nullable String obtainedLadCode,
		@Nullable String intendedDose, @Nullable Boolean consent, @Nullable AgeBand ageBand) {
}
