package org.harmwatch.overdose;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.overdose.internal.PublishedCounts;
import org.harmwatch.overdose.internal.StatisticsRepository;
import org.harmwatch.platform.RegionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published overdose statistics: incidents of every reporting agency by district and
 * month with rates per 100,000 people, suppressed as {@link PublishedCounts} says. The
 * page and its CSV and JSON downloads are drawn from the same table, so they agree.
 */
@Service
public class OverdoseStatistics {

	/** The most months one table spans. */
	public static final int MAX_MONTHS = 60;

	private final StatisticsRepository counts;

	private final GeographyManagement geography;

	private final ZoneId zone;

	OverdoseStatistics(StatisticsRepository counts, GeographyManagement geography, RegionSettings region) {
		this.counts = counts;
		this.geography = geography;
		this.zone = region.timeZone();
	}

	/** The last twelve whole months before the current one. */
	public YearMonth[] lastTwelveMonths() {
		var last = YearMonth.now(zone).minusMonths(1);
		return new YearMonth[] { last.minusMonths(11), last };
	}

	/**
	 * The table for the months {@code first} to {@code last} inclusive.
	 * @throws IllegalArgumentException when {@code last} is before {@code first} or the
	 * span is over {@link #MAX_MONTHS}
	 */
	@Transactional(readOnly = true)
	public AreaMonthTable table(YearMonth first, YearMonth last, @Nullable Boolean fatal) {
		if (last.isBefore(first) || first.plusMonths(MAX_MONTHS - 1L).isBefore(last)) {
			throw new IllegalArgumentException("months must run forwards, at most " + MAX_MONTHS);
		}
		var months = new ArrayList<YearMonth>();
		for (var month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			months.add(month);
		}
		var found = counts.byDistrictAndMonth(first.atDay(1).atStartOfDay(zone).toInstant(),
				last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), zone, fatal);
		var districts = geography.areas(AreaLevel.LAD).stream().sorted(Comparator.comparing(Area::name)).toList();
		var rows = new ArrayList<AreaMonthTable.Row>();
		long[] monthCounts = new long[months.size()];
		var monthPopulations = new ArrayList<List<OptionalLong>>();
		for (int m = 0; m < months.size(); m++) {
			monthPopulations.add(new ArrayList<>());
		}
		long all = 0;
		for (var district : districts) {
			var cells = new ArrayList<Cell>();
			long rowCount = 0;
			for (int m = 0; m < months.size(); m++) {
				var month = months.get(m);
				long count = found.getOrDefault(new StatisticsRepository.Key(district.code(), month), 0L);
				var population = population(district.code(), month.getYear());
				cells.add(PublishedCounts.cell(count, population));
				monthPopulations.get(m).add(population);
				monthCounts[m] += count;
				rowCount += count;
			}
			all += rowCount;
			// A district's total over the months: the population of the middle year, the
			// rate per 100,000 over the whole span.
			var total = PublishedCounts.total(cells, rowCount,
					population(district.code(), months.get(months.size() / 2).getYear()));
			rows.add(new AreaMonthTable.Row(district.code(), district.name(), cells, total));
		}
		var monthTotals = new ArrayList<Cell>();
		for (int m = 0; m < months.size(); m++) {
			int index = m;
			var column = rows.stream().map(r -> r.cells().get(index)).toList();
			monthTotals.add(PublishedCounts.total(column, monthCounts[m], sum(monthPopulations.get(m))));
		}
		var everything = rows.stream().flatMap(r -> r.cells().stream()).toList();
		var middle = months.get(months.size() / 2).getYear();
		var total = PublishedCounts.total(everything, all,
				sum(districts.stream().map(d -> population(d.code(), middle)).toList()));
		return new AreaMonthTable(months, rows, monthTotals, total, fatal);
	}

	/**
	 * Overdoses of every reporting agency by 2021 LSOA over the days {@code from} to
	 * {@code to} (both included, in the region's zone): counts only, for rates by small
	 * area where they are set against something else (naloxone coverage), never published
	 * as they are. Incidents placed only by a district or postcode are not in them.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> byLsoa(LocalDate from, LocalDate to) {
		return counts.byLsoa(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
	}

	/**
	 * Overdoses of every reporting agency by age band and sex as recorded, over the days
	 * {@code from} to {@code to} (both included, in the region's zone), keyed
	 * {@code BAND|SEX} ({@link AgeBand} and {@link Sex} names) with an empty part where
	 * it is not recorded: counts only, for coverage by age and sex, never published as
	 * they are.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> byAgeBandAndSex(LocalDate from, LocalDate to) {
		return counts.byAgeBandAndSex(from.atStartOfDay(zone).toInstant(),
				to.plusDays(1).atStartOfDay(zone).toInstant());
	}

	/**
	 * The district's population in the year, or in the nearest year known (estimates lag
	 * by a year or two).
	 */
	private OptionalLong population(String ladCode, int year) {
		var exact = geography.population(ladCode, year);
		if (exact.isPresent()) {
			return exact;
		}
		var years = geography.populationYears(ladCode);
		return years.stream()
			.min(Comparator.comparingInt(y -> Math.abs(y - year)))
			.map(y -> geography.population(ladCode, y))
			.orElse(OptionalLong.empty());
	}

	private static OptionalLong sum(List<OptionalLong> populations) {
		long total = 0;
		for (var population : populations) {
			if (population.isEmpty()) {
				return OptionalLong.empty();
			}
			total += population.getAsLong();
		}
		return OptionalLong.of(total);
	}

}
