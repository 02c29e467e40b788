package org.harmwatch.analytics.temporal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the detectors do with series that are empty, short, all zero or flat.
 */
class TemporalEdgeCasesTests {

	@ParameterizedTest
	@EnumSource(Ears.Method.class)
	void earsOnAllZeroCountsNeverAlarms(Ears.Method method) {
		Ears.Result r = Ears.detect(new double[60], method, Ears.Options.cdc(method));

		assertThat(r.alarms()).isZero();
		// 0 / 0 on a flat baseline: NaN, as R
		assertThat(r.statistic()[59]).isNaN();
	}

	@Test
	void earsOnAFlatBaselineAlarmsOnAnyRiseAndNotOtherwise() {
		double[] y = new double[20];
		Arrays.fill(y, 4);
		y[15] = 5;
		y[16] = 4;
		Ears.Result c1 = Ears.detect(y, Ears.Method.C1, Ears.Options.cdc(Ears.Method.C1));

		assertThat(c1.statistic()[15]).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(c1.alarm()[15]).isTrue();
		assertThat(c1.alarm()[16]).isFalse();
		// a floor on sigma turns the infinite statistic into a finite one: (5 - 4) / 0.5
		// = 2 < 3
		Ears.Result floored = Ears.detect(y, Ears.Method.C1, new Ears.Options(7, 3, 0.5));
		assertThat(floored.statistic()[15]).isEqualTo(2.0);
		assertThat(floored.alarm()[15]).isFalse();
	}

	@Test
	void earsOnRatesUsesTheSameDefinitionAsOnCounts() {
		// fractional values (rates) take the two-pass path; counts the exact rolling one:
		// both are (y - m) / s
		double[] y = Golden.read("daily_5y.csv").numbers("count");
		double[] rates = new double[y.length];
		for (int t = 0; t < y.length; t++) {
			rates[t] = y[t] / 3.0;
		}
		Ears.Result counts = Ears.detect(y, Ears.Method.C2, Ears.Options.cdc(Ears.Method.C2));
		Ears.Result scaled = Ears.detect(rates, Ears.Method.C2, Ears.Options.cdc(Ears.Method.C2));
		for (int t = counts.firstIndex(); t < y.length; t++) {
			assertThat(scaled.statistic()[t]).as("day %d", t)
				.isCloseTo(counts.statistic()[t], org.assertj.core.data.Offset.offset(1e-12));
			double[] b = Arrays.copyOfRange(rates, t - 9, t - 2);
			double m = Arrays.stream(b).average().orElseThrow();
			double ss = Arrays.stream(b).map(v -> (v - m) * (v - m)).sum();
			assertThat(scaled.upperBound()[t]).isCloseTo(m + 3 * Math.sqrt(ss / 6),
					org.assertj.core.data.Offset.offset(1e-12));
		}
	}

	@ParameterizedTest
	@EnumSource(Ears.Method.class)
	void earsOnASeriesShorterThanItsBaselineEvaluatesNothing(Ears.Method method) {
		Ears.Result r = Ears.detect(new double[] { 3, 1, 4 }, method, Ears.Options.cdc(method));

		assertThat(r.firstIndex()).isEqualTo(3);
		assertThat(r.statistic()).containsOnly(Double.NaN);
		assertThat(r.alarms()).isZero();
		assertThat(Ears.detect(new double[0], method, Ears.Options.cdc(method)).statistic()).isEmpty();
	}

	@Test
	void earsC3UpperBoundIsTheCountThatWouldTipTheStatisticOverZ() {
		double[] y = Golden.read("daily_5y.csv").numbers("count");
		Ears.Result c3 = Ears.detect(y, Ears.Method.C3, Ears.Options.cdc(Ears.Method.C3));
		for (int t = c3.firstIndex(); t < y.length; t++) {
			assertThat(c3.alarm()[t]).as("day %d", t).isEqualTo(y[t] > c3.upperBound()[t]);
		}
		assertThatThrownBy(() -> new Ears.Options(2, 3, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void cusumResetsAfterEachAlarmAndNeverAlarmsOnItsTrainingMean() {
		double[] y = new double[40];
		Arrays.fill(y, 10);
		Cusum.Result flat = Cusum.detect(y, Cusum.Options.resetting(20));
		assertThat(flat.alarms()).isZero();
		assertThat(flat.referenceMean()).isEqualTo(10);

		y[25] = 30; // (30 - 10) / sqrt(10) - 1.04 = 5.28 >= 2.26
		y[26] = 30;
		Cusum.Result reset = Cusum.detect(y, Cusum.Options.resetting(20));
		Cusum.Result noReset = Cusum.detect(y, Cusum.Options.surveillance(20));
		assertThat(reset.alarm()[25]).isTrue();
		assertThat(reset.statistic()[26]).isEqualTo((30 - 10) / Math.sqrt(10) - 1.04,
				org.assertj.core.data.Offset.offset(1e-12));
		assertThat(noReset.statistic()[26]).isGreaterThan(reset.statistic()[26]);
		assertThat(reset.upperBound()[26]).isEqualTo(Math.ceil(Math.sqrt(10) * (2.26 + 1.04) + 10));
	}

	@Test
	void farringtonOnAllZeroCountsNeverAlarms() {
		PeriodSeries weeks = PeriodSeries.weekly(LocalDate.of(2019, 1, 7), new double[7 * 52 * 4]);
		List<FarringtonFlexible.Period> r = FarringtonFlexible.detect(weeks.periodStarts(), weeks.counts(),
				FarringtonFlexible.Unit.WEEK, FarringtonFlexible.Options.noufaily().withB(3));

		assertThat(r).isNotEmpty().noneMatch(FarringtonFlexible.Period::alarm);
		// fewer than 5 cases in the last 4 weeks: no threshold, as surveillance's limit54
		assertThat(r).allMatch(p -> Double.isNaN(p.upperBound()));
	}

	@Test
	void farringtonRefusesASeriesTooShortForItsYearsBack() {
		PeriodSeries weeks = PeriodSeries.weekly(LocalDate.of(2019, 1, 7), new double[7 * 60]);
		assertThatThrownBy(() -> FarringtonFlexible.detect(weeks.periodStarts(), weeks.counts(),
				FarringtonFlexible.Unit.WEEK, FarringtonFlexible.Options.defaults().withB(3), 55, 60))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("years before");
	}

	@Test
	void aYearBeforeTheTwentyNinthOfFebruaryIsTheFirstOfMarchAsInR() {
		assertThat(FarringtonBaseline.yearsBack(LocalDate.of(2024, 2, 29), 1)).isEqualTo(LocalDate.of(2023, 3, 1));
		assertThat(FarringtonBaseline.yearsBack(LocalDate.of(2024, 2, 29), 4)).isEqualTo(LocalDate.of(2020, 2, 29));
		assertThat(FarringtonBaseline.yearsBack(LocalDate.of(2024, 3, 1), 1)).isEqualTo(LocalDate.of(2023, 3, 1));
	}

	@Test
	void weeklyTotalsDropPartialWeeks() {
		// 2019-01-01 is a Tuesday: the first Monday is 2019-01-07
		double[] daily = new double[20];
		Arrays.fill(daily, 1);
		PeriodSeries weeks = PeriodSeries.weekly(LocalDate.of(2019, 1, 1), daily);
		assertThat(weeks.periodStarts()).containsExactly(LocalDate.of(2019, 1, 7), LocalDate.of(2019, 1, 14));
		assertThat(weeks.counts()).containsExactly(7, 7);
	}

}
