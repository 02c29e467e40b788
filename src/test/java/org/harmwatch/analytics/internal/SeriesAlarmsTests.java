package org.harmwatch.analytics.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.harmwatch.analytics.AlarmMethod;
import org.harmwatch.analytics.FarringtonSettings;
import org.harmwatch.analytics.hotspot.Significance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** The daily run's judgement of one series: which methods alarm on its last day. */
class SeriesAlarmsTests {

	private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

	private static SurveillanceProperties properties(int minObserved) {
		return new SurveillanceProperties("OVERDOSE", List.of(AlarmMethod.values()), 7, 0, 28, 28,
				FarringtonSettings.Variant.NOUFAILY, 3, 3, 0.05, minObserved, 28, 0.05, Significance.NORMAL_FDR);
	}

	/** A steady series, 2, 3, 2, 1, 2, 3, 2 repeated, as long as the methods need. */
	private static double[] steady(SeriesAlarms.Settings settings) {
		double[] pattern = { 2, 3, 2, 1, 2, 3, 2 };
		double[] daily = new double[settings.historyDays()];
		for (int i = 0; i < daily.length; i++) {
			daily[i] = pattern[i % 7];
		}
		return daily;
	}

	@Test
	void aSteadySeriesRaisesNothing() {
		var settings = properties(3).seriesSettings();
		var daily = steady(settings);
		assertThat(SeriesAlarms.evaluate(DAY, daily, settings)).isEmpty();
	}

	@Test
	void anOutbreakOnTheLastDayAlarmsEveryMethodWithItsExpectation() {
		var settings = properties(3).seriesSettings();
		var daily = steady(settings);
		daily[daily.length - 1] = 20;
		var alarms = SeriesAlarms.evaluate(DAY, daily, settings);
		assertThat(alarms).extracting(SeriesAlarms.Alarm::method)
			.containsExactly(AlarmMethod.EARS_C1, AlarmMethod.EARS_C2, AlarmMethod.EARS_C3, AlarmMethod.CUSUM,
					AlarmMethod.FARRINGTON);
		var c1 = alarms.get(0);
		assertThat(c1.periodStart()).isEqualTo(DAY);
		assertThat(c1.observed()).isEqualTo(20);
		// the 7 days before the last: one whole cycle of the pattern, mean 15 / 7
		assertThat(c1.expected()).isCloseTo(15.0 / 7, offset(1e-12));
		assertThat(c1.threshold()).isLessThan(20);
		var farrington = alarms.get(4);
		assertThat(farrington.periodStart()).isEqualTo(DAY.minusDays(6));
		assertThat(farrington.periodEnd()).isEqualTo(DAY);
		assertThat(farrington.observed()).isEqualTo(Arrays.stream(daily, daily.length - 7, daily.length).sum());
		assertThat(farrington.expected()).isLessThan(farrington.observed());
	}

	@Test
	void aDayBelowTheMinimumNeverAlarmsHoweverLargeTheStatistic() {
		var settings = properties(3).seriesSettings();
		double[] daily = new double[settings.historyDays()];
		daily[daily.length - 1] = 2; // after nothing at all: EARS's statistic is infinite
		assertThat(SeriesAlarms.evaluate(DAY, daily, settings)).isEmpty();
		var lenient = properties(1).seriesSettings();
		assertThat(SeriesAlarms.evaluate(DAY, daily, lenient)).extracting(SeriesAlarms.Alarm::method)
			.contains(AlarmMethod.EARS_C1);
	}

	@Test
	void onlyTheChosenMethodsRunAndAShortHistoryIsReadAsZerosBeforeIt() {
		var only = new SurveillanceProperties("OVERDOSE", List.of(AlarmMethod.EARS_C2), 7, 0, 28, 28,
				FarringtonSettings.Variant.NOUFAILY, 3, 3, 0.05, 3, 28, 0.05, Significance.NORMAL_FDR)
			.seriesSettings();
		assertThat(only.methods()).isEqualTo(EnumSet.of(AlarmMethod.EARS_C2));
		assertThat(only.historyDays()).isEqualTo(12);
		double[] shortSeries = { 1, 0, 1, 0, 1, 9 };
		assertThat(SeriesAlarms.evaluate(DAY, shortSeries, only)).extracting(SeriesAlarms.Alarm::method)
			.containsExactly(AlarmMethod.EARS_C2);
		assertThat(SeriesAlarms.tail(shortSeries, 8)).containsExactly(0, 0, 1, 0, 1, 0, 1, 9);
	}

	@Test
	void farringtonNeedsItsYearsOfHistory() {
		var settings = properties(3).seriesSettings();
		// b = 3 years of weeks and w = 3 on each side, plus the week judged
		assertThat(settings.farringtonWeeks()).isEqualTo(52 * 3 + 3 + 1);
		assertThat(settings.historyDays()).isEqualTo(7 * (52 * 3 + 3 + 1));
	}

	@Test
	void earsC3DoesNotAlarmOnADayBelowItsBaselineAfterTwoHighDays() {
		var settings = properties(1).seriesSettings();
		var daily = steady(settings);
		int n = daily.length;
		daily[n - 3] = 12;
		daily[n - 2] = 12;
		daily[n - 1] = 2;
		// the textbook C3 alarms on the last day for the two days before it (R's
		// alarm_cdc)
		var raw = org.harmwatch.analytics.temporal.Ears.detect(SeriesAlarms.tail(daily, 12),
				org.harmwatch.analytics.temporal.Ears.Method.C3, settings.ears()[2]);
		assertThat(raw.alarm()[11]).isTrue();
		// but 2 is below the baseline's mean (15 / 7): no alarm for the day
		assertThat(SeriesAlarms.evaluate(DAY, daily, settings)).extracting(SeriesAlarms.Alarm::method)
			.doesNotContain(AlarmMethod.EARS_C3, AlarmMethod.EARS_C1, AlarmMethod.EARS_C2);
	}

}
