package org.harmwatch.drugchecking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.HarmwatchUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Statistics for the drug-checking service and the programme: per session and per month,
 * the samples tested and the shares mis-sold, with an unexpected high-risk substance, and
 * disposed of; MDMA strength per pill by month as box-plot numbers; and substances found
 * for the first time in the period. Reads only the period asked for, and of the time
 * before it only which substances were found. Built only from what the reader may see:
 * {@link ReleaseManagement#releasesBetween} applies the licence conditions for the
 * reader's audience.
 */
@Service
public class StatisticsManagement {

	/** The substance whose strength per pill is summarised. */
	public static final String POTENCY_SUBSTANCE = "mdma";

	private final ReleaseManagement releases;

	private final ZoneId zone;

	StatisticsManagement(ReleaseManagement releases, RegionSettings region) {
		this.releases = releases;
		this.zone = region.timeZone();
	}

	/**
	 * Counts for one session or month. Percentages are of the samples tested (with a
	 * result the reader may see), and for disposal of the consultations where what the
	 * person did was recorded.
	 */
	public record Rates(String label, long tested, long misSold, long highRisk, long consulted, long disposed) {

		public @Nullable BigDecimal misSoldPercent() {
			return percent(misSold, tested);
		}

		public @Nullable BigDecimal highRiskPercent() {
			return percent(highRisk, tested);
		}

		public @Nullable BigDecimal disposedPercent() {
			return percent(disposed, consulted);
		}

	}

	/** Box-plot numbers of a strength (mg per pill) in one month. */
	public record Box(YearMonth month, int pills, BigDecimal min, BigDecimal q1, BigDecimal median, BigDecimal q3,
			BigDecimal max) {
	}

	/** A substance found for the first time in the period. */
	public record NewSubstance(String name, YearMonth firstFound, long results) {
	}

	public record Statistics(YearMonth from, YearMonth to, Rates overall, List<Rates> bySession, List<Rates> byMonth,
			List<Box> potency, List<NewSubstance> newSubstances) {
	}

	/**
	 * The statistics for samples taken in from the first day of {@code from} to the last
	 * day of {@code to}.
	 */
	public Statistics statistics(YearMonth from, YearMonth to, HarmwatchUser reader) {
		var start = from.atDay(1).atStartOfDay(zone).toInstant();
		var end = to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		// Audited as before, as a read since the epoch: the look-back below reads which
		// substances were found then.
		var inPeriod = releases.releasesBetween(start, end, reader, Instant.EPOCH)
			.stream()
			.filter(r -> !r.isWithheld() && r.current() != null)
			.toList();
		// Before the period only which substances were found matters (they are not new):
		// one aggregated look-back.
		var earlier = new HashSet<String>();
		releases.foundBefore(start, reader).forEach(f -> earlier.add(key(f.substanceCode(), f.text())));

		var sessions = new LinkedHashMap<UUID, List<Release>>();
		inPeriod.stream()
			.sorted(Comparator.comparing((Release r) -> r.session().startsOn()).thenComparing(r -> r.session().name()))
			.forEach(r -> sessions.computeIfAbsent(r.session().id(), k -> new ArrayList<>()).add(r));
		var bySession = sessions.values()
			.stream()
			.map(list -> rates(list.get(0).session().name() + " (" + list.get(0).session().startsOn() + ")", list))
			.toList();
		var months = new TreeMap<YearMonth, List<Release>>();
		inPeriod.forEach(r -> months.computeIfAbsent(month(r), k -> new ArrayList<>()).add(r));
		var byMonth = months.entrySet().stream().map(e -> rates(e.getKey().toString(), e.getValue())).toList();

		var potency = new ArrayList<Box>();
		months.forEach((month, list) -> {
			var mg = list.stream()
				.filter(r -> r.sample().form() == DosageForm.PILL)
				.flatMap(r -> r.current().components().stream())
				.filter(c -> POTENCY_SUBSTANCE.equals(c.substanceCode()) && c.unit() == QuantityUnit.MG_PER_UNIT
						&& c.quantity() != null)
				.map(ResultVersion.Component::quantity)
				.sorted()
				.toList();
			if (!mg.isEmpty()) {
				potency.add(new Box(month, mg.size(), mg.get(0), quantile(mg, 1, 4), quantile(mg, 1, 2),
						quantile(mg, 3, 4), mg.get(mg.size() - 1)));
			}
		});

		var first = new HashMap<String, YearMonth>();
		var names = new HashMap<String, String>();
		var counts = new HashMap<String, Long>();
		for (var r : inPeriod) {
			var month = month(r);
			for (var key : r.current().components().stream().map(StatisticsManagement::key).distinct().toList()) {
				first.merge(key, month, (a, b) -> a.isBefore(b) ? a : b);
				counts.merge(key, 1L, Long::sum);
			}
			r.current().components().forEach(c -> names.putIfAbsent(key(c), c.name()));
		}
		var fresh = first.entrySet()
			.stream()
			.filter(e -> !earlier.contains(e.getKey()))
			.map(e -> new NewSubstance(names.get(e.getKey()), e.getValue(), counts.getOrDefault(e.getKey(), 0L)))
			.sorted(Comparator.comparing(NewSubstance::firstFound).thenComparing(NewSubstance::name))
			.toList();
		return new Statistics(from, to, rates("All", inPeriod), bySession, byMonth, potency, fresh);
	}

	private YearMonth month(Release r) {
		return YearMonth.from(r.sample().takenAt().atZone(zone));
	}

	private static String key(ResultVersion.Component c) {
		return key(c.substanceCode(), c.text());
	}

	private static String key(@Nullable String substanceCode, String text) {
		return substanceCode != null ? substanceCode : text.strip().toLowerCase(Locale.ROOT);
	}

	private static Rates rates(String label, List<Release> list) {
		Function<ResultFlag, Long> flagged = f -> list.stream().filter(r -> r.current().flags().contains(f)).count();
		long consulted = list.stream()
			.filter(r -> r.consultation() != null && r.consultation().disposed() != null)
			.count();
		long disposed = list.stream()
			.filter(r -> r.consultation() != null && Boolean.TRUE.equals(r.consultation().disposed()))
			.count();
		return new Rates(label, list.size(), flagged.apply(ResultFlag.MIS_SOLD),
				flagged.apply(ResultFlag.UNEXPECTED_HIGH_RISK), consulted, disposed);
	}

	/**
	 * The quantile at {@code num/den} of sorted values, interpolating linearly between
	 * neighbours (the method of Excel's QUARTILE.INC and R's default, type 7).
	 */
	public static BigDecimal quantile(List<BigDecimal> sorted, int num, int den) {
		var h = BigDecimal.valueOf(sorted.size() - 1L)
			.multiply(BigDecimal.valueOf(num))
			.divide(BigDecimal.valueOf(den), 6, RoundingMode.HALF_UP);
		int lower = h.intValue();
		var fraction = h.subtract(BigDecimal.valueOf(lower));
		var low = sorted.get(lower);
		var high = sorted.get(Math.min(lower + 1, sorted.size() - 1));
		return low.add(high.subtract(low).multiply(fraction)).setScale(1, RoundingMode.HALF_UP);
	}

	static @Nullable BigDecimal percent(long part, long whole) {
		return whole == 0 ? null
				: BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	/** The month an instant falls in, in the region's time zone. */
	public YearMonth thisMonth(Instant now) {
		return YearMonth.from(LocalDate.ofInstant(now, zone));
	}

}
