package org.harmwatch.hatclinic;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A local unit cost or a comparator, with its source and who changed it last. */
public record UnitCost(String code, BigDecimal amount, String source, @Nullable Instant updatedAt,
		@Nullable String updatedBy) {
}
