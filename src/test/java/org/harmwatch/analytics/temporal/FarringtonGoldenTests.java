package org.harmwatch.analytics.temporal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Farrington flexible against R surveillance's farringtonFlexible (peers/farrington.R;
 * commands in the golden README): thresholds, expected counts, scores and p-values within
 * 1e-9 (the issue asks for 1e-6 on thresholds; the negative binomial thresholds are
 * integers and must be equal), identical alarms.
 */
class FarringtonGoldenTests {

	static final double TOLERANCE = 1e-9;

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "farrington_week_b3.csv, daily_5y.csv, WEEK, DELTA, 1",
			"farrington_week_noufaily.csv, daily_5y.csv, WEEK, MUAN, 10",
			"farrington_week_nbplugin.csv, daily_5y.csv, WEEK, NB_PLUGIN, 10",
			"farrington_day_b3_last365.csv, daily_5y.csv, DAY, DELTA, 1",
			"farrington_low_week_noufaily.csv, daily_low.csv, WEEK, MUAN, 10",
			"farrington_low_day_noufaily_last365.csv, daily_low.csv, DAY, MUAN, 10" })
	void matchesFarringtonFlexible(String golden, String input, FarringtonFlexible.Unit unit,
			FarringtonFlexible.ThresholdMethod method, int noPeriods) {
		Golden daily = Golden.read(input);
		Series series = unit == FarringtonFlexible.Unit.WEEK ? Series.weekly(daily) : Series.daily(daily);
		FarringtonFlexible.Options options = FarringtonFlexible.Options.defaults()
			.withB(3)
			.withNoPeriods(noPeriods)
			.withThresholdMethod(method);
		if (noPeriods != 1) {
			options = options.withPastWeeksNotIncluded(26);
		}
		Golden peer = Golden.read(golden);
		int from = series.dates.indexOf(LocalDate.parse(peer.text(0, "period_start")));

		List<FarringtonFlexible.Period> result = FarringtonFlexible.detect(series.dates, series.counts, unit, options,
				from, from + peer.size());

		double worstThreshold = 0;
		for (int r = 0; r < peer.size(); r++) {
			FarringtonFlexible.Period p = result.get(r);
			String at = peer.text(r, "period_start");
			assertThat(p.periodStart()).hasToString(at);
			assertThat(p.observed()).isEqualTo(peer.number(r, "count"));
			double ub = peer.number(r, "upperbound");
			assertThat(Golden.close(p.upperBound(), ub, TOLERANCE))
				.as("upper bound at %s: ours %s, R %s", at, p.upperBound(), ub)
				.isTrue();
			if (!Double.isNaN(ub)) {
				worstThreshold = Math.max(worstThreshold, Math.abs(p.upperBound() - ub));
			}
			assertThat(Golden.close(p.expected(), peer.number(r, "expected"), TOLERANCE))
				.as("expected at %s: ours %s, R %s", at, p.expected(), peer.number(r, "expected"))
				.isTrue();
			assertThat(Golden.close(p.score(), peer.number(r, "score"), TOLERANCE))
				.as("score at %s: ours %s, R %s", at, p.score(), peer.number(r, "score"))
				.isTrue();
			assertThat(Golden.close(p.pValue(), peer.number(r, "pvalue"), TOLERANCE))
				.as("p-value at %s: ours %s, R %s", at, p.pValue(), peer.number(r, "pvalue"))
				.isTrue();
			assertThat(p.alarm()).as("alarm at %s", at).isEqualTo(peer.text(r, "alarm").equals("1"));
		}
		assertThat(worstThreshold).isLessThanOrEqualTo(TOLERANCE);
	}

	/** A period series as peers/farrington.R builds it. */
	record Series(List<LocalDate> dates, double[] counts) {

		static Series daily(Golden daily) {
			List<LocalDate> dates = new ArrayList<>();
			for (String d : daily.texts("date")) {
				dates.add(LocalDate.parse(d));
			}
			return new Series(dates, daily.numbers("count"));
		}

		/** Monday-start weeks, partial first and last weeks dropped. */
		static Series weekly(Golden daily) {
			Series d = daily(daily);
			return Series.of(PeriodSeries.weekly(d.dates.get(0), d.counts));
		}

		static Series of(PeriodSeries p) {
			return new Series(p.periodStarts(), p.counts());
		}

	}

}
