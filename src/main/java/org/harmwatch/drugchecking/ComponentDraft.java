package org.harmwatch.drugchecking;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One component found, as the analyst names it; resolved against the substance vocabulary
 * when stored.
 */
public record ComponentDraft(@Nullable String text, @Nullable BigDecimal quantity, @Nullable QuantityUnit unit,
		@Nullable Basis basis, @Nullable Confidence confidence, @Nullable AnalysisMethod method) {
}
