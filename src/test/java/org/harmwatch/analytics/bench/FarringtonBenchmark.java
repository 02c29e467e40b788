package org.harmwatch.analytics.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.harmwatch.analytics.temporal.FarringtonFlexible;
import org.harmwatch.analytics.temporal.PeriodSeries;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Farrington flexible on daily_5y.csv with the settings of peers/farrington.R's timed
 * runs: weekly b = 3 (delta), weekly Noufaily (10 periods, 26 weeks left out, muan),
 * daily b = 3 over the last 365 days, and daily Noufaily over the last 365 days. Periods
 * are evaluated in parallel (both cores).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FarringtonBenchmark {

	@Param({ "weekly-b3", "weekly-noufaily", "daily-b3-last365", "daily-noufaily-last365" })
	public String setting;

	PeriodSeries series;

	FarringtonFlexible.Unit unit;

	FarringtonFlexible.Options options;

	int from;

	@Setup(Level.Trial)
	public void load() {
		BenchData.Daily d = BenchData.daily("daily_5y.csv");
		boolean weekly = this.setting.startsWith("weekly");
		this.series = weekly ? PeriodSeries.weekly(d.firstDay(), d.counts())
				: PeriodSeries.daily(d.firstDay(), d.counts());
		this.unit = weekly ? FarringtonFlexible.Unit.WEEK : FarringtonFlexible.Unit.DAY;
		this.options = this.setting.contains("noufaily") ? FarringtonFlexible.Options.noufaily().withB(3)
				: FarringtonFlexible.Options.defaults().withB(3);
		int n = this.series.counts().length;
		this.from = weekly ? FarringtonFlexible.firstEvaluable(this.unit, this.options) : n - 365;
	}

	@Benchmark
	public List<FarringtonFlexible.Period> detect() {
		return FarringtonFlexible.detect(this.series.periodStarts(), this.series.counts(), this.unit, this.options,
				this.from, this.series.counts().length);
	}

}
