package org.harmwatch.programme;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Recommendation 2.1's audit for one financial year, district by district: what each area
 * funds, what that produces and at what cost per output and per outcome, and the gaps and
 * overlaps. Counts of 1 to 4 are withheld, and so is any cost that would give them away.
 */
public record FundingAudit(FinancialYear year, List<District> districts) {

	/**
	 * One district.
	 *
	 * @param gaps kinds every district is expected to fund that this one does not
	 * @param overlaps kinds funded through more than one service here
	 * @param unfunded kinds with outputs recorded here but no funded service
	 */
	public record District(String code, String name, List<Line> lines, long fundedPence, List<FundedServiceKind> gaps,
			List<FundedServiceKind> overlaps, List<FundedServiceKind> unfunded) {
	}

	/**
	 * What a district funds of one kind, and what it produced.
	 *
	 * @param services how many services of this kind the district funds
	 * @param pence what they are allocated this year
	 * @param outputs the kind's outputs this year
	 * @param outcomes the outcomes they lead to this year
	 * @param pencePerOutput the allocation over the outputs, when both are known and
	 * shown
	 * @param pencePerOutcome the allocation over the outcomes, likewise
	 */
	public record Line(FundedServiceKind kind, int services, long pence, Tally outputs, Tally outcomes,
			@Nullable Long pencePerOutput, @Nullable Long pencePerOutcome) {
	}

	/** Everything allocated in the region this year. */
	public long fundedPence() {
		return districts.stream().mapToLong(District::fundedPence).sum();
	}

}
