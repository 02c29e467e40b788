package org.harmwatch.drugchecking;

import org.jspecify.annotations.Nullable;

/**
 * Which CSV column holds what, for importing historical or partner results: one row per
 * component found, rows of one sample sharing its key (as in the UNC Street Drug Analysis
 * Lab's {@code lab_detail.csv}).
 *
 * @param sampleKey the partner's sample id; rows with the same key are one sample
 * @param substance the component found
 * @param soldAs what it was sold as; unmapped or blank means {@code unknown}
 * @param form the sample's form (pill, powder…); unmapped or not a known form means
 * {@code OTHER}
 * @param trace a column that says {@code trace} for a trace component and is blank for a
 * main one
 * @param method the method (e.g. {@code GCMS}, {@code FTIR}); unmapped means
 * {@code defaultMethod}
 * @param date when the result was completed ({@code 2023-04-16} or {@code 16apr2023});
 * unmapped means the import time
 * @param mode how the samples came in
 * @param defaultMethod the method when no column is mapped
 */
public record ImportMapping(String sampleKey, String substance, @Nullable String soldAs, @Nullable String form,
		@Nullable String trace, @Nullable String method, @Nullable String date, SampleMode mode,
		AnalysisMethod defaultMethod) {
}
