package org.harmwatch.hatclinic;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.harmwatch.hatclinic.internal.CrimeLinkRepository;
import org.harmwatch.hatclinic.internal.HatAudit;
import org.harmwatch.hatclinic.internal.HatPolicy;
import org.harmwatch.hatclinic.internal.HatRepository;
import org.harmwatch.hatclinic.internal.Intervals;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the clinic's records add up to: before and after per cohort (published, counts
 * under five suppressed), and the cost per patient-year against the comparators.
 */
@Service
public class HatReports {

	/** Fewer people than this in a cell and its figures are not shown. */
	public static final int SUPPRESS_BELOW = 5;

	/** The months of recorded crime counted before and after enrolment. */
	public static final int RECORDED_CRIME_MONTHS = 6;

	/** The unit costs that are the clinic's own; the rest are comparators. */
	static final List<String> LOCAL = List.of("STAFF_PER_YEAR", "PREMISES_PER_YEAR", "DIAMORPHINE_PER_MG", "PLACES",
			"MG_PER_DAY");

	private final HatRepository repository;

	private final AuditLog audit;

	private final RegionSettings region;

	private final Clock clock;

	private final CrimeLinkRepository crimeLinks;

	HatReports(HatRepository repository, CrimeLinkRepository crimeLinks, AuditLog audit, RegionSettings region,
			Clock clock) {
		this.repository = repository;
		this.crimeLinks = crimeLinks;
		this.audit = audit;
		this.region = region;
		this.clock = clock;
	}

	/**
	 * Before and after per cohort and follow-up, across every clinic: aggregates only,
	 * cells of fewer than five people suppressed, and no total that would give a
	 * suppressed cell away. Anyone may read it.
	 */
	@Transactional(readOnly = true)
	public List<CohortOutcome> outcomes() {
		Map<String, List<HatRepository.OutcomePair>> cells = new TreeMap<>();
		for (var pair : repository.outcomePairs(null)) {
			cells.computeIfAbsent(cohort(pair.enrolledOn()) + "|" + pair.stage().ordinal(), key -> new ArrayList<>())
				.add(pair);
		}
		var result = new ArrayList<CohortOutcome>();
		cells.forEach((key, pairs) -> {
			var cohort = cohort(pairs.get(0).enrolledOn());
			var stage = pairs.get(0).stage();
			if (pairs.size() < SUPPRESS_BELOW) {
				result.add(new CohortOutcome(cohort, stage, true, null, null, null, null, null, null, null, null, null,
						null));
				return;
			}
			var changes = pairs.stream().map(p -> p.crimesAfter() - p.crimesBefore()).toList();
			var interval = Intervals.interval(changes);
			result.add(new CohortOutcome(cohort, stage, false, pairs.size(), sum(pairs, p -> p.crimesBefore()),
					sum(pairs, p -> p.crimesAfter()), Intervals.mean(changes), interval[0], interval[1],
					Intervals.mean(pairs.stream().map(HatRepository.OutcomePair::heroinDaysBefore).toList()),
					Intervals.mean(pairs.stream().map(HatRepository.OutcomePair::heroinDaysAfter).toList()),
					Intervals.mean(pairs.stream().map(HatRepository.OutcomePair::injectingDaysBefore).toList()),
					Intervals.mean(pairs.stream().map(HatRepository.OutcomePair::injectingDaysAfter).toList())));
		});
		result.sort(Comparator.comparing(CohortOutcome::cohort).thenComparing(CohortOutcome::stage));
		return result;
	}

	/**
	 * Recorded offences per cohort through the pseudonymised link, across every clinic:
	 * the {@link #RECORDED_CRIME_MONTHS} months before the month of enrolment against as
	 * many after it, for linked people whose months after have all passed. A cohort of
	 * fewer than five people shows nothing; counts from 1 to 4 are withheld, and the fall
	 * only shown when both counts are, so nothing gives a withheld count away. Anyone may
	 * read it: it is the policing side's only view.
	 */
	@Transactional(readOnly = true)
	public List<RecordedCrimeCohort> recordedCrime() {
		var current = YearMonth.now(clock.withZone(region.timeZone()));
		Map<String, List<CrimeLinkRepository.CrimePair>> cohorts = new TreeMap<>();
		for (var pair : crimeLinks.crimePairs(RECORDED_CRIME_MONTHS, current)) {
			cohorts.computeIfAbsent(cohort(pair.enrolledOn()), key -> new ArrayList<>()).add(pair);
		}
		var result = new ArrayList<RecordedCrimeCohort>();
		cohorts.forEach((cohort, pairs) -> {
			if (pairs.size() < SUPPRESS_BELOW) {
				result.add(new RecordedCrimeCohort(cohort, RECORDED_CRIME_MONTHS, true, null, null, null));
				return;
			}
			int before = pairs.stream().mapToInt(CrimeLinkRepository.CrimePair::before).sum();
			int after = pairs.stream().mapToInt(CrimeLinkRepository.CrimePair::after).sum();
			result.add(new RecordedCrimeCohort(cohort, RECORDED_CRIME_MONTHS, false, pairs.size(), shown(before),
					shown(after)));
		});
		return result;
	}

	private static @Nullable Integer shown(int count) {
		return count > 0 && count < SUPPRESS_BELOW ? null : count;
	}

	/**
	 * The cost per patient-year of the user's clinic from its unit costs, against the
	 * comparators, with the net cost per crime avoided from its own six-month profiles.
	 */
	@Transactional(readOnly = true)
	public CostReport costs(HarmwatchUser user) {
		if (!HatPolicy.mayRecord(user)) {
			audit.record(HatAudit.HAT_REFUSED, "hat-costs", null, Purpose.HEALTH, AuditLog.Outcome.DENIED,
					"needs clinic write for health");
			throw new AccessDeniedException("No clinic access");
		}
		var units = repository.unitCosts()
			.stream()
			.map(u -> new UnitCost(u.code(), u.amount(), u.source(), u.updatedAt(), u.updatedBy()))
			.toList();
		var byCode = units.stream().collect(Collectors.toMap(UnitCost::code, Function.identity()));
		double places = Math.max(1, amount(byCode, "PLACES"));
		double staff = amount(byCode, "STAFF_PER_YEAR") / places;
		double premises = amount(byCode, "PREMISES_PER_YEAR") / places;
		var today = LocalDate.now(clock.withZone(region.timeZone()));
		var recorded = repository.meanDailyMg(user.agencyCode(), today.minusDays(28));
		boolean fromRecords = recorded[1] > 0;
		double dailyMg = fromRecords ? recorded[0] / recorded[1] : amount(byCode, "MG_PER_DAY");
		double diamorphine = dailyMg * 365 * amount(byCode, "DIAMORPHINE_PER_MG");
		double total = staff + premises + diamorphine;
		var comparators = new ArrayList<CostReport.Comparator>();
		for (var unit : units) {
			if (!LOCAL.contains(unit.code())) {
				double value = unit.amount().doubleValue();
				comparators.add(new CostReport.Comparator(unit.code(), value, total - value, unit.source()));
			}
		}
		var sixMonths = repository.outcomePairs(user.agencyCode())
			.stream()
			.filter(p -> p.stage() == Stage.MONTH_6)
			.toList();
		Integer people = null;
		Double avoided = null;
		Double perCrime = null;
		if (sixMonths.size() >= SUPPRESS_BELOW) {
			people = sixMonths.size();
			avoided = Intervals.mean(sixMonths.stream().map(p -> p.crimesBefore() - p.crimesAfter()).toList()) * 365
					/ 28;
			if (avoided > 0) {
				perCrime = (total - amount(byCode, "ORAL_METHADONE")) / avoided;
			}
		}
		return new CostReport(units, staff, premises, dailyMg, fromRecords, diamorphine, total, comparators, people,
				avoided, perCrime);
	}

	/**
	 * Changes a unit cost or comparator and its source (audited).
	 * @throws InputRejectedException naming what is wrong
	 * @throws NotFoundException when there is no unit cost by that code
	 */
	@Transactional
	public void changeUnitCost(String code, BigDecimal amount, String source, HarmwatchUser user) {
		if (!HatPolicy.mayManage(user)) {
			audit.record(HatAudit.HAT_REFUSED, "hat-costs", code, Purpose.HEALTH, AuditLog.Outcome.DENIED,
					"needs clinic manage for health");
			throw new AccessDeniedException("No clinic manage");
		}
		var problems = new ArrayList<FieldProblem>();
		if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(100_000_000)) > 0 || amount.scale() > 2) {
			problems.add(FieldProblem.of("amount", "hatclinic.cost.amount.range"));
		}
		if (source.isBlank() || source.length() > 300) {
			problems.add(FieldProblem.of("source", "hatclinic.cost.source.required"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		if (!repository.updateUnitCost(code, amount, source, clock.instant(), user.getUsername())) {
			throw new NotFoundException("hatclinic.notFound.cost", code);
		}
		audit.record(HatAudit.HAT_UNIT_COST_CHANGED, "hat-costs", code, Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				amount.toPlainString());
	}

	/**
	 * The cohort a person belongs to: the quarter they were enrolled in, e.g. 2026 Q3.
	 */
	static String cohort(LocalDate enrolledOn) {
		return enrolledOn.getYear() + " Q" + ((enrolledOn.getMonthValue() - 1) / 3 + 1);
	}

	private static int sum(List<HatRepository.OutcomePair> pairs, ToIntFunction<HatRepository.OutcomePair> value) {
		return pairs.stream().mapToInt(value).sum();
	}

	private static double amount(Map<String, UnitCost> byCode, String code) {
		var unit = byCode.get(code);
		return unit == null ? 0 : unit.amount().doubleValue();
	}

}
