package org.harmwatch.diversion;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcomes report's suppression, case by case: what is withheld of a rate and of an
 * arm's costs so that no count from 1 to 4 shows or can be worked out.
 */
class OutcomeSuppressionTests {

	@ParameterizedTest(name = "{0} of {1} followed up, of {2} cases: events {3}, followed up {4}")
	@CsvSource(nullValues = "-", textBlock = """
			# events, n, cases, events shown, n shown
			6,  20, 30, 6,  20
			0,  20, 30, 0,  20
			3,  20, 30, -,  20
			17, 20, 30, -,  20
			20, 20, 30, 20, 20
			0,  0,  30, 0,  0
			0,  0,  3,  -,  -
			1,  1,  1,  -,  -
			6,  20, 22, -,  -
			6,  20, 25, 6,  20
			""")
	void aRateShowsItsEventsOnlyWhenNeitherTheyNorThoseWithoutTheEventAreFewerThanFive(long events, long n, long cases,
			Long eventsShown, Long nShown) {
		var row = DiversionOutcomeManagement.published("reconvicted", Arm.DIVERSION, 12, events, n, cases);
		assertThat(row.events()).isEqualTo(eventsShown);
		assertThat(row.n()).isEqualTo(nShown);
		assertThat(row.withheld()).isEqualTo(eventsShown == null);
		if (row.rate() != null) {
			assertThat(row.rate().events()).isEqualTo(events);
			assertThat(row.rate().n()).isEqualTo(n);
		}
	}

	@ParameterizedTest(name = "{1} cases, {2} to court, {3} avoided, {4} contracts")
	@CsvSource(nullValues = "-", textBlock = """
			# arm, cases, court, avoided, contracts, cost, cases shown, court shown, avoided shown, cost per case
			USUAL_PROCESS, 20, 20, 0,  0,  27000, 20, 20, 0,  1350
			USUAL_PROCESS, 3,  3,  0,  0,  4050,  -,  -,  -,  -
			DIVERSION,     20, 6,  14, 20, 15100, 20, 6,  14, 755
			DIVERSION,     20, 2,  18, 20, 9700,  20, -,  -,  -
			DIVERSION,     20, 0,  20, 18, 6300,  20, 0,  20, -
			DIVERSION,     0,  0,  0,  0,  0,     0,  0,  0,  -
			""")
	void anArmsCostsWithholdWhatWouldGiveASmallCountAway(Arm arm, long cases, long court, long avoided, long contracts,
			long cost, Long casesShown, Long courtShown, Long avoidedShown, Long costPerCase) {
		var costs = DiversionOutcomeManagement.costs(arm, cases, court, avoided, contracts, cost);
		assertThat(costs.cases()).isEqualTo(casesShown);
		assertThat(costs.courtCases()).isEqualTo(courtShown);
		assertThat(costs.courtCasesAvoided()).isEqualTo(avoidedShown);
		assertThat(costs.costPerCase()).isEqualTo(costPerCase);
	}

}
