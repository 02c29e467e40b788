package org.harmwatch.diversion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.harmwatch.diversion.internal.DiversionAudit;
import org.harmwatch.diversion.internal.DiversionGuard;
import org.harmwatch.diversion.internal.OutcomeRepository;
import org.harmwatch.diversion.internal.Suppression;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Diversion's outcomes: reconviction, rearrest and victims' satisfaction recorded per
 * referral, and the reports over the referrals the reader may read (outcomes per arm and
 * fairness, small counts withheld); police readers only, audited.
 */
@Service
public class DiversionOutcomeManagement {

	private final OutcomeRepository repository;

	private final DiversionManagement management;

	private final DiversionGuard guard;

	private final AuditLog audit;

	private final Clock clock;

	DiversionOutcomeManagement(OutcomeRepository repository, DiversionManagement management, DiversionGuard guard,
			AuditLog audit, RegionSettings region) {
		this.repository = repository;
		this.management = management;
		this.guard = guard;
		this.audit = audit;
		this.clock = Clock.system(region.timeZone());
	}

	/**
	 * Records reconviction and rearrest within 12 or 24 months of the referral, once the
	 * window has passed (from the police national computer).
	 */
	@Transactional
	public void recordOutcome(UUID referralId, int windowMonths, boolean rearrested, boolean reconvicted,
			HarmwatchUser user) {
		var referral = management.workable(referralId, user);
		if (referral.allocation() == null) {
			throw new InputRejectedException(FieldProblem.global("diversion.outcome.notAllocated"));
		}
		if (windowMonths != 12 && windowMonths != 24) {
			throw new InputRejectedException(FieldProblem.of("window", "diversion.outcome.window.choice"));
		}
		var ends = referral.referredOn().plusMonths(windowMonths);
		if (ends.isAfter(LocalDate.now(clock))) {
			throw new InputRejectedException(FieldProblem.of("window", "diversion.outcome.window.open", ends));
		}
		repository.upsertOutcome(referralId, windowMonths, rearrested, reconvicted, user.getUsername(),
				clock.instant());
		audit.record(DiversionAudit.DIVERSION_OUTCOME_RECORDED, "diversion-referral", referralId.toString(),
				Purpose.POLICING, AuditLog.Outcome.ALLOWED, windowMonths + " months");
	}

	/** Records the victim's satisfaction (1 very dissatisfied to 5 very satisfied). */
	@Transactional
	public void recordSurvey(UUID referralId, int satisfaction, HarmwatchUser user) {
		var referral = management.workable(referralId, user);
		if (referral.allocation() == null) {
			throw new InputRejectedException(FieldProblem.global("diversion.outcome.notAllocated"));
		}
		if (satisfaction < 1 || satisfaction > 5) {
			throw new InputRejectedException(FieldProblem.of("satisfaction", "diversion.survey.range"));
		}
		repository.upsertSurvey(referralId, satisfaction, user.getUsername(), clock.instant());
		audit.record(DiversionAudit.DIVERSION_SURVEY_RECORDED, "diversion-referral", referralId.toString(),
				Purpose.POLICING, AuditLog.Outcome.ALLOWED, null);
	}

	/**
	 * Outcomes per arm of every allocated referral the reader may read, suppressed as
	 * every published number is.
	 */
	@Transactional(readOnly = true)
	public OutcomeReport outcomes(HarmwatchUser reader) {
		guard.mustRead(reader, "diversion-report");
		var rows = repository.reportRows(guard.owners(reader)).stream().filter(r -> r.arm() != null).toList();
		var rates = new ArrayList<OutcomeReport.RateRow>();
		var costs = new ArrayList<OutcomeReport.ArmCosts>();
		for (var arm : Arm.values()) {
			var inArm = rows.stream().filter(r -> r.arm() == arm).toList();
			rates.add(rate("reconvicted", arm, 12, inArm, OutcomeRepository.ReportRow::reconvicted12));
			rates.add(rate("rearrested", arm, 12, inArm, OutcomeRepository.ReportRow::rearrested12));
			rates.add(rate("reconvicted", arm, 24, inArm, OutcomeRepository.ReportRow::reconvicted24));
			rates.add(rate("rearrested", arm, 24, inArm, OutcomeRepository.ReportRow::rearrested24));
			rates.add(rate("satisfied", arm, 0, inArm, r -> r.satisfaction() == null ? null : r.satisfaction() >= 4));
			long court = 0;
			long avoided = 0;
			long contracts = 0;
			long cost = 0;
			for (var row : inArm) {
				if (arm == Arm.USUAL_PROCESS) {
					court++;
					cost += row.courtCost();
				}
				else {
					if (row.contractStatus() != null) {
						contracts++;
						cost += row.contractCost();
					}
					if (row.prosecuted()) {
						court++;
						cost += row.courtCost();
					}
					else {
						avoided++;
					}
				}
			}
			costs.add(costs(arm, inArm.size(), court, avoided, contracts, cost));
		}
		audit.record(DiversionAudit.DIVERSION_REPORT_READ, "diversion-report", "outcomes", Purpose.POLICING,
				AuditLog.Outcome.ALLOWED, rows.size() + " allocated referrals");
		return new OutcomeReport(rates, costs);
	}

	/**
	 * A rate as published: the followed-up withheld when from 1 to 4 or when the arm's
	 * cases not followed up are (the cases are shown beside it); the events, and with
	 * them the rate, when from 1 to 4, when those without the event are, or when the
	 * followed-up are withheld.
	 */
	static OutcomeReport.RateRow published(String measure, Arm arm, int window, long events, long n, long cases) {
		boolean nShown = !Suppression.small(n) && !Suppression.small(cases - n);
		boolean eventsShown = nShown && !Suppression.small(events) && !Suppression.small(n - events);
		return new OutcomeReport.RateRow(measure, arm, window, eventsShown ? events : null, nShown ? n : null,
				eventsShown ? new Rate(measure, arm, window, events, n) : null);
	}

	/**
	 * An arm's costs as published: each count withheld when from 1 to 4 or when the cases
	 * without it are; the cost per case whenever a count it rests on (court cases,
	 * contracts) or the cases without it is withheld, as the schemes' costs would give it
	 * back.
	 */
	static OutcomeReport.ArmCosts costs(Arm arm, long cases, long court, long avoided, long contracts,
			long costPounds) {
		boolean casesShown = !Suppression.small(cases);
		boolean courtShown = casesShown && !Suppression.small(court) && !Suppression.small(cases - court);
		boolean avoidedShown = casesShown && !Suppression.small(avoided) && !Suppression.small(cases - avoided);
		boolean costShown = courtShown && avoidedShown && cases > 0 && !Suppression.small(contracts)
				&& !Suppression.small(cases - contracts);
		return new OutcomeReport.ArmCosts(arm, casesShown ? cases : null, courtShown ? court : null,
				avoidedShown ? avoided : null, costShown ? Math.round((double) costPounds / cases) : null);
	}

	/** The fairness report over every referral the reader may read, suppressed. */
	@Transactional(readOnly = true)
	public FairnessReport fairness(HarmwatchUser reader) {
		guard.mustRead(reader, "diversion-report");
		var rows = repository.fairnessRows(guard.owners(reader));
		long[] totals = new long[4];
		rows.forEach(r -> add(totals, r));
		var dimensions = new ArrayList<FairnessReport.Dimension>();
		dimensions.add(dimension("ageBand", AgeBand.values(), rows, OutcomeRepository.FairnessRow::ageBand));
		dimensions.add(dimension("sex", Sex.values(), rows, OutcomeRepository.FairnessRow::sex));
		dimensions.add(dimension("ethnicity", Ethnicity.values(), rows, OutcomeRepository.FairnessRow::ethnicity));
		audit.record(DiversionAudit.DIVERSION_REPORT_READ, "diversion-report", "fairness", Purpose.POLICING,
				AuditLog.Outcome.ALLOWED, rows.size() + " referrals");
		return new FairnessReport(Suppression.suppressTotals(totals), dimensions);
	}

	private static <E extends Enum<E>> FairnessReport.Dimension dimension(String name, E[] values,
			List<OutcomeRepository.FairnessRow> rows, Function<OutcomeRepository.FairnessRow, @Nullable E> of) {
		long[][] counts = new long[values.length + 1][4];
		for (var row : rows) {
			var value = of.apply(row);
			add(counts[value == null ? values.length : value.ordinal()], row);
		}
		var shown = Suppression.suppress(counts);
		var result = new ArrayList<FairnessReport.Row>();
		for (int i = 0; i <= values.length; i++) {
			var category = i < values.length ? name + "." + values[i].name() : "notRecorded";
			result.add(new FairnessReport.Row(category, shown[i][0], shown[i][1], shown[i][2], shown[i][3]));
		}
		return new FairnessReport.Dimension(name, result);
	}

	private static void add(long[] counts, OutcomeRepository.FairnessRow row) {
		counts[0]++;
		if (row.eligible()) {
			counts[1]++;
			if (row.diverted()) {
				counts[2]++;
				if (row.completed()) {
					counts[3]++;
				}
			}
		}
	}

	private static OutcomeReport.RateRow rate(String measure, Arm arm, int window,
			List<OutcomeRepository.ReportRow> rows, Function<OutcomeRepository.ReportRow, @Nullable Boolean> of) {
		long n = 0;
		long events = 0;
		for (var row : rows) {
			var value = of.apply(row);
			if (value != null) {
				n++;
				events += value ? 1 : 0;
			}
		}
		return published(measure, arm, window, events, n, rows.size());
	}

}
