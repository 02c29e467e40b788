package org.harmwatch.programme;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Recommendation 2.2's what-if for one kind of service and financial year: the region's
 * allocations to it pooled and shared out by population, and the outputs each district
 * would then produce at its own cost per output (the region's, where a district has none
 * to show), against what it produced.
 *
 * @param pooledPence everything allocated to the kind in the region this year
 * @param regionalPencePerOutput the region's cost per output, from the districts whose
 * own is shown; {@code null} when none is
 * @param currentOutputs the region's outputs, or {@code null} when a district's count is
 * withheld (the total would give it away)
 * @param projectedOutputs the outputs the pooled money would produce, when every district
 * has a cost per output
 * @param change projected less current, when both are shown
 */
public record PoolingWhatIf(FinancialYear year, FundedServiceKind kind, long pooledPence,
		@Nullable Long regionalPencePerOutput, List<District> districts, @Nullable Long currentOutputs,
		@Nullable Long projectedOutputs, @Nullable Long change) {

	/**
	 * One district under pooling.
	 *
	 * @param population its population, the share of the pool it gets
	 * @param currentPence what it allocates now
	 * @param current its outputs now
	 * @param pooledPence its share of the pool
	 * @param projected the outputs its share would produce
	 * @param change projected less current, when the current count is shown
	 * @param regionalCost whether the projection uses the region's cost per output
	 */
	public record District(String code, String name, long population, long currentPence, Tally current,
			long pooledPence, @Nullable Long projected, @Nullable Long change, boolean regionalCost) {
	}

}
