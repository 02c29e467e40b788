package org.harmwatch.diversion.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fairness table's suppression: counts from 1 to 4 withheld, and nothing shown gives
 * one away (the column totals, the nesting of eligible in referred).
 */
class SuppressionTests {

	@Test
	void smallCountsAreWithheldAndASecondCellHidesTheFirstFromTheTotal() {
		// referred, eligible, diverted, completed for three bands
		long[][] counts = { { 20, 12, 6, 0 }, { 3, 3, 1, 0 }, { 30, 20, 10, 5 } };
		var shown = Suppression.suppress(counts);
		// Band 2: all small.
		assertThat(shown[1]).containsOnlyNulls();
		// Referred: band 2 withheld, so the smallest other (20) too: the total gives
		// neither.
		assertThat(shown[0][0]).isNull();
		assertThat(shown[2][0]).isEqualTo(30L);
		assertNoColumnHasExactlyOneWithheld(shown);
	}

	@Test
	void aCountIsWithheldWhenItsDifferenceFromTheCountItNestsInIsSmall() {
		// 12 referred, 10 eligible: 2 ineligible would be given away.
		long[][] counts = { { 12, 10, 10, 10 }, { 40, 20, 20, 20 }, { 50, 30, 30, 30 } };
		var shown = Suppression.suppress(counts);
		assertThat(shown[0][0]).isEqualTo(12L);
		assertThat(shown[0][1]).isNull();
		assertNoColumnHasExactlyOneWithheld(shown);
	}

	@Test
	void whenNoOtherCountIsNonZeroAZeroIsWithheldSoThatTheTotalGivesNothingAway() {
		// Band 1: 14 referred, 12 eligible (2 ineligible: withheld); band 2: 20 referred,
		// none eligible. Total eligible 12 would give band 1 away, so band 2's zero goes
		// too.
		long[][] counts = { { 14, 12, 0, 0 }, { 20, 0, 0, 0 } };
		var shown = Suppression.suppress(counts);
		assertThat(shown[0][1]).isNull();
		assertThat(shown[1][1]).isNull();
		assertNoColumnHasExactlyOneWithheld(shown);
	}

	@Test
	void zerosAndLargeCountsAreShown() {
		long[][] counts = { { 0, 0, 0, 0 }, { 50, 40, 30, 20 }, { 60, 50, 40, 30 } };
		var shown = Suppression.suppress(counts);
		assertThat(shown[0]).containsExactly(0L, 0L, 0L, 0L);
		assertThat(shown[1]).containsExactly(50L, 40L, 30L, 20L);
		assertThat(Suppression.suppressTotals(new long[] { 110, 90, 70, 50 })).containsExactly(110L, 90L, 70L, 50L);
		assertThat(Suppression.suppressTotals(new long[] { 7, 4, 2, 0 })).containsExactly(7L, null, null, null);
	}

	static void assertNoColumnHasExactlyOneWithheld(Long[][] shown) {
		for (int c = 0; c < shown[0].length; c++) {
			int withheld = 0;
			for (var row : shown) {
				withheld += row[c] == null ? 1 : 0;
			}
			assertThat(withheld).as("withheld in column %d", c).isNotEqualTo(1);
		}
	}

}
