package org.harmwatch.naloxone;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.harmwatch.analytics.AnalyticsBusyException;
import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.AnalyticsRequestException;
import org.harmwatch.analytics.HotspotMap;
import org.harmwatch.analytics.HotspotQuery;
import org.harmwatch.analytics.hotspot.Significance;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.naloxone.internal.CoverageRepository;
import org.harmwatch.naloxone.internal.CoverageRules;
import org.harmwatch.naloxone.internal.HotspotRules;
import org.harmwatch.naloxone.internal.LedgerRepository;
import org.harmwatch.naloxone.internal.NaloxoneAudit;
import org.harmwatch.naloxone.internal.NaloxonePolicy;
import org.harmwatch.overdose.AgeBand;
import org.harmwatch.overdose.OverdoseStatistics;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage and the postcode lottery: kits supplied per 1,000 people and per 100 overdoses
 * by district, by 2021 LSOA and by IMD decile, and which holders are active in each
 * district, and the hotspots where naloxone would save most lives. Counts only,
 * region-wide, for anyone who reads the programme's figures.
 */
@Service
public class CoverageManagement {

	private final CoverageRepository coverage;

	private final LedgerRepository ledger;

	private final GeographyManagement geography;

	private final AuditLog audit;

	private final RegionSettings region;

	private final OverdoseStatistics overdoses;

	private final AnalyticsManagement analytics;

	CoverageManagement(CoverageRepository coverage, LedgerRepository ledger, GeographyManagement geography,
			AuditLog audit, RegionSettings region, OverdoseStatistics overdoses, AnalyticsManagement analytics) {
		this.coverage = coverage;
		this.ledger = ledger;
		this.geography = geography;
		this.audit = audit;
		this.region = region;
		this.overdoses = overdoses;
		this.analytics = analytics;
	}

	/**
	 * Coverage over the days from and to (both included); {@code ladCode} lists that
	 * district's LSOAs as well.
	 */
	@Transactional(readOnly = true)
	public Coverage coverage(HarmwatchUser user, LocalDate from, LocalDate to, @Nullable String ladCode) {
		check(user, from, to, ladCode);
		var holders = ledger.allHolders();
		var kits = coverage.kitsSupplied(from, to);
		var kitsByLsoa = new HashMap<String, Long>();
		long total = 0;
		long unplaced = 0;
		for (var holder : holders) {
			long supplied = kits.getOrDefault(holder.id(), 0L);
			total += supplied;
			if (holder.lsoaCode() == null) {
				unplaced += supplied;
			}
			else {
				kitsByLsoa.merge(holder.lsoaCode(), supplied, Long::sum);
			}
		}
		var lsoas = geography.areas(AreaLevel.LSOA);
		var populationYear = lsoas.stream().map(a -> a.populationYear()).filter(y -> y != null).findFirst();
		var districts = CoverageRules.districts(geography.areas(AreaLevel.LAD), holders, kits,
				coverage.activeHolders(from, to), coverage.overdosesByDistrict(from, to, region.timeZone()));
		var chosen = ladCode == null ? List.<Coverage.Lsoa>of()
				: CoverageRules.lsoas(lsoas.stream().filter(a -> ladCode.equals(a.ladCode())).toList(), kitsByLsoa);
		var ageYear = ageYear();
		var byAge = CoverageRules.byAgeAndSex(coverage.kitsByAgeBandAndSex(from, to),
				overdoses.byAgeBandAndSex(from, to), ageYear == null ? Map.of() : populationByAge(ageYear));
		audit.record(NaloxoneAudit.NALOXONE_COVERAGE_VIEWED, "naloxone-coverage", null, null, Outcome.ALLOWED,
				from + ".." + to + (ladCode == null ? "" : " " + ladCode));
		return new Coverage(from, to, geography.vintage(AreaLevel.LSOA), populationYear.orElse(null),
				geography.deprivationEdition(), total, unplaced, districts, CoverageRules.deciles(lsoas, kitsByLsoa),
				chosen, byAge, ageYear);
	}

	/**
	 * Where naloxone would save most lives over the days from and to (both included): the
	 * LSOAs of the region, or of the district {@code ladCode}, that are Gi* hotspots of
	 * overdoses per 1,000 residents, with the kits and agencies around each. Overdoses
	 * are every reporting agency's, counted by LSOA in {@code overdose} (counts only);
	 * kits are those supplied by holders located in the LSOAs. Checked and audited as
	 * {@link #coverage} is.
	 */
	@Transactional(readOnly = true)
	public CoverageHotspots hotspots(HarmwatchUser user, LocalDate from, LocalDate to, @Nullable String ladCode) {
		check(user, from, to, ladCode);
		var lsoas = ladCode == null ? geography.areas(AreaLevel.LSOA) : geography.areas(AreaLevel.LSOA, ladCode);
		var byCode = new HashMap<String, Area>();
		lsoas.forEach(a -> byCode.put(a.code(), a));
		var counts = new HashMap<String, Long>();
		overdoses.byLsoa(from, to).forEach((code, n) -> {
			if (byCode.containsKey(code)) {
				counts.put(code, n);
			}
		});
		long placed = counts.values().stream().mapToLong(Long::longValue).sum();
		var holders = ledger.allHolders();
		var kits = coverage.kitsSupplied(from, to);
		var kitsByLsoa = new HashMap<String, Long>();
		for (var holder : holders) {
			if (holder.lsoaCode() != null) {
				kitsByLsoa.merge(holder.lsoaCode(), kits.getOrDefault(holder.id(), 0L), Long::sum);
			}
		}
		double regionRate = HotspotRules.regionKitsPerThousand(lsoas, kitsByLsoa);
		audit.record(NaloxoneAudit.NALOXONE_COVERAGE_VIEWED, "naloxone-coverage", null, null, Outcome.ALLOWED,
				"hotspots " + from + ".." + to + (ladCode == null ? "" : " " + ladCode));
		if (placed == 0) {
			return new CoverageHotspots(from, to, ladCode, 0, regionRate, false, List.of());
		}
		HotspotMap tested;
		try {
			tested = analytics.hotspots(new HotspotQuery(AreaLevel.LSOA, ladCode, HotspotRules.rates(lsoas, counts),
					HotspotQuery.Weights.CONTIGUITY, 0, 0, 0, 0.05, Significance.NORMAL_FDR));
		}
		catch (AnalyticsRequestException | AnalyticsBusyException ex) {
			return new CoverageHotspots(from, to, ladCode, placed, regionRate, false, List.of());
		}
		return new CoverageHotspots(from, to, ladCode, placed, regionRate, true,
				HotspotRules.hotspots(tested.areas(), byCode, geography::neighbours, counts, kitsByLsoa, regionRate,
						holders, coverage.activeHolders(from, to)));
	}

	/** The latest year for which every district's population is known. */
	private @Nullable Integer ageYear() {
		Integer year = null;
		for (var lad : geography.areas(AreaLevel.LAD)) {
			var years = geography.populationYears(lad.code());
			if (years.isEmpty()) {
				return null;
			}
			int latest = years.get(years.size() - 1);
			year = year == null ? latest : Math.min(year, latest);
		}
		return year;
	}

	/** The region's residents per age band in the year; bands not known are left out. */
	private Map<AgeBand, Long> populationByAge(int year) {
		var result = new EnumMap<AgeBand, Long>(AgeBand.class);
		band: for (var band : AgeBand.values()) {
			long sum = 0;
			for (var lad : geography.areas(AreaLevel.LAD)) {
				var people = geography.population(lad.code(), year, band.from(), band.to());
				if (people.isEmpty()) {
					continue band;
				}
				sum += people.getAsLong();
			}
			result.put(band, sum);
		}
		return result;
	}

	private void check(HarmwatchUser user, LocalDate from, LocalDate to, @Nullable String ladCode) {
		if (!NaloxonePolicy.readsFigures(user)) {
			throw new AccessDeniedException("No naloxone read");
		}
		if (to.isBefore(from)) {
			throw new InputRejectedException(FieldProblem.of("to", "naloxone.figures.to.beforeFrom"));
		}
		if (from.plusDays(TrainingManagement.MAX_PERIOD_DAYS).isBefore(to)) {
			throw new InputRejectedException(FieldProblem.of("to", "naloxone.figures.period.tooLong"));
		}
		if (ladCode != null && geography.area(ladCode).filter(a -> a.level() == AreaLevel.LAD).isEmpty()) {
			throw new InputRejectedException(FieldProblem.of("district", "naloxone.finder.district.unknown"));
		}
	}

}
