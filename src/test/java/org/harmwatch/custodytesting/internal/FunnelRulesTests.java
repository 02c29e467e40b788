package org.harmwatch.custodytesting.internal;

import org.harmwatch.custodytesting.Funnel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The funnel's arithmetic: Wilson intervals against known values, and what a reader not
 * entitled to the records is not shown, including counts a difference would give away.
 */
class FunnelRulesTests {

	static Long[] counts(long[] counts, boolean suppress, boolean... forced) {
		return FunnelRules.stages(counts, suppress, forced).stream().map(Funnel.Stage::count).toArray(Long[]::new);
	}

	@Test
	void wilsonMatchesKnownValues() {
		// 8 of 20: 0.4, Wilson 95 % 0.2188 to 0.6134.
		var rate = FunnelRules.wilson(8, 20);
		assertThat(rate).isNotNull();
		assertThat(rate.share()).isEqualTo(0.4);
		assertThat(rate.low()).isCloseTo(0.2188, within(0.0005));
		assertThat(rate.high()).isCloseTo(0.6134, within(0.0005));
		var all = FunnelRules.wilson(5, 5);
		assertThat(all.high()).isEqualTo(1.0);
		assertThat(all.low()).isCloseTo(0.5655, within(0.0005));
		assertThat(FunnelRules.wilson(0, 10).low()).isZero();
		assertThat(FunnelRules.wilson(3, 0)).isNull();
	}

	@Test
	void wholeCountsForAnEntitledReader() {
		assertThat(counts(new long[] { 12, 9, 4, 1, 1, 0 }, false)).containsExactly(12L, 9L, 4L, 1L, 1L, 0L);
		var stages = FunnelRules.stages(new long[] { 12, 9, 4, 1, 1, 0 }, false, new boolean[0]);
		assertThat(stages.get(0).rate()).isNull();
		assertThat(stages.get(1).rate().share()).isEqualTo(9.0 / 12);
		assertThat(stages.get(5).rate().share()).isZero();
	}

	@Test
	void smallCountsAndWhatWouldGiveThemAwayAreWithheld() {
		// 12 arrests, 9 tested: 3 not tested is a count under 5, so "tested" is withheld;
		// 7 positive is 5 fewer than 12, so it shows.
		assertThat(counts(new long[] { 12, 9, 7, 7, 6, 2 }, true)).containsExactly(12L, null, 7L, 7L, null, null);
		// Zero is withheld too: a blank never means none.
		assertThat(counts(new long[] { 20, 20, 10, 0, 0, 0 }, true)).containsExactly(20L, 20L, 10L, null, null, null);
		assertThat(counts(new long[] { 4, 4, 4, 4, 4, 4 }, true)).containsOnlyNulls();
		// A total with a withheld part is withheld whatever its size.
		assertThat(counts(new long[] { 40, 30, 20, 15, 10, 5 }, true, false, true, false, false, false, false))
			.containsExactly(40L, null, 20L, 15L, 10L, 5L);
	}

	@Test
	void everyDifferenceBetweenPublishedNeighboursIsZeroOrAtLeastFive() {
		for (int a = 0; a <= 15; a++) {
			for (int b = 0; b <= a; b++) {
				for (int c = 0; c <= b; c++) {
					var shown = counts(new long[] { a, b, c, c, 0, 0 }, true);
					Long last = null;
					for (var count : shown) {
						if (count == null) {
							continue;
						}
						assertThat(count).isGreaterThanOrEqualTo(Funnel.THRESHOLD);
						if (last != null) {
							assertThat(last - count).satisfiesAnyOf(d -> assertThat(d).isZero(),
									d -> assertThat(d).isGreaterThanOrEqualTo(Funnel.THRESHOLD));
						}
						last = count;
					}
				}
			}
		}
	}

	@Test
	void aShareIsShownOnlyBetweenTwoPublishedNeighbours() {
		var stages = FunnelRules.stages(new long[] { 12, 9, 7, 7, 6, 2 }, true, new boolean[0]);
		assertThat(stages.get(1).rate()).isNull();
		assertThat(stages.get(2).rate()).as("the stage before it is withheld").isNull();
		assertThat(stages.get(3).rate()).isNotNull();
		assertThat(stages.get(3).rate().share()).isEqualTo(1.0);
	}

}
