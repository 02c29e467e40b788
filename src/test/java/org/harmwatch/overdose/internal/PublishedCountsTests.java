package org.harmwatch.overdose.internal;

import java.util.List;
import java.util.OptionalLong;

import org.harmwatch.overdose.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Published counts: under 5 withheld (0 included), totals withheld with any part, and
 * Byar's 95 % interval checked against the exact Poisson interval (chi-square quantiles
 * from SciPy 1.x, {@code chi2.ppf(0.025, 2k)/2} and {@code chi2.ppf(0.975, 2k+2)/2}).
 */
class PublishedCountsTests {

	@ParameterizedTest
	@CsvSource({ "0, true", "1, true", "4, true", "5, false", "6, false", "1000, false" })
	void countsUnderFiveAreWithheld(long count, boolean withheld) {
		var cell = PublishedCounts.cell(count, OptionalLong.of(100_000));
		assertThat(cell.suppressed()).isEqualTo(withheld);
		if (withheld) {
			assertThat(cell).isEqualTo(Cell.withheld());
		}
		else {
			assertThat(cell.count()).isEqualTo((int) count);
			// Per 100,000 of a population of 100,000: the rate is the count.
			assertThat(cell.rate()).isCloseTo(count, within(1e-9));
		}
	}

	@ParameterizedTest
	@CsvSource({ "5, 1.6234863901184207, 11.66833207932267", "10, 4.7953886961324335, 18.39035604201778",
			"25, 16.178681847829328, 36.904931697530365", "100, 81.36399125092314, 121.62679379242638",
			"1000, 938.9730184076952, 1063.952136016302" })
	void byarsIntervalIsCloseToTheExactPoissonInterval(long count, double exactLower, double exactUpper) {
		assertThat(PublishedCounts.lower(count)).isCloseTo(exactLower, within(exactLower * 0.01));
		assertThat(PublishedCounts.upper(count)).isCloseTo(exactUpper, within(exactUpper * 0.005));
		assertThat(PublishedCounts.lower(count)).isLessThan(count);
		assertThat(PublishedCounts.upper(count)).isGreaterThan(count);
	}

	@Test
	void theRateAndItsIntervalScaleWithThePopulation() {
		var cell = PublishedCounts.cell(10, OptionalLong.of(250_000));
		assertThat(cell.rate()).isCloseTo(4.0, within(1e-9));
		assertThat(cell.lower()).isCloseTo(PublishedCounts.lower(10) * 0.4, within(1e-9));
		assertThat(cell.upper()).isCloseTo(PublishedCounts.upper(10) * 0.4, within(1e-9));
		// No population known: the count alone.
		assertThat(PublishedCounts.cell(10, OptionalLong.empty())).isEqualTo(new Cell(10, null, null, null, false));
	}

	@Test
	void aTotalIsWithheldWhenAnyOfItsPartsIs() {
		var shown = PublishedCounts.cell(7, OptionalLong.of(100_000));
		var hidden = PublishedCounts.cell(3, OptionalLong.of(100_000));
		// 7 + 3 = 10 would give the 3 away.
		assertThat(PublishedCounts.total(List.of(shown, hidden), 10, OptionalLong.of(200_000)).suppressed()).isTrue();
		var total = PublishedCounts.total(List.of(shown, shown), 14, OptionalLong.of(200_000));
		assertThat(total.count()).isEqualTo(14);
		assertThat(total.rate()).isCloseTo(7.0, within(1e-9));
	}

}
