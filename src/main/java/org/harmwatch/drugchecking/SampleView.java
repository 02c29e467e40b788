package org.harmwatch.drugchecking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A sample as taken in: what it was sold as and looks like. No person. */
public record SampleView(UUID id, UUID clientId, String code, UUID sessionId, SampleMode mode, String soldAs,
		@Nullable String soldAsCode, DosageForm form, @Nullable String pillColour, @Nullable String pillLogo,
		@Nullable String pillShape, @Nullable Boolean pillScoreLine, @Nullable BigDecimal pillWeightMg,
		@Nullable String obtainedLadCode, @Nullable String intendedDose, boolean consent, @Nullable AgeBand ageBand,
		Instant takenAt, String takenBy) {
}
