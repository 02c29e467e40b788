package org.harmwatch.naloxone;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.UUID;

import org.harmwatch.naloxone.internal.LedgerRepository;
import org.harmwatch.naloxone.internal.NaloxoneAudit;
import org.harmwatch.naloxone.internal.NaloxoneOwnership;
import org.harmwatch.naloxone.internal.NaloxonePolicy;
import org.harmwatch.naloxone.internal.PointsOfRiskRules;
import org.harmwatch.naloxone.internal.PointsRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Action;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points of risk (recommendation 6.1): how many people left each point at each holder in
 * a month, and the share of them who left with a kit.
 *
 * <p>
 * Leavers are counts the holder's naloxone lead enters from the point's own routine
 * figures; the people who left with a kit are the ledger's supplies recorded at that
 * point. Both are counts of people, never a person, so the shares are read region-wide by
 * anyone who reads the programme's figures.
 */
@Service
public class PointsOfRiskManagement {

	/** The longest span the shares are counted over, in months. */
	static final int MAX_MONTHS = 240;

	/** The most people one holder records leaving one point in a month. */
	public static final int MAX_LEAVERS = 100_000;

	private final PointsRepository points;

	private final LedgerRepository ledger;

	private final NaloxoneOwnership ownership;

	private final AuditLog audit;

	private final RegionSettings region;

	private final Clock clock;

	PointsOfRiskManagement(PointsRepository points, LedgerRepository ledger, NaloxoneOwnership ownership,
			AuditLog audit, RegionSettings region, Clock clock) {
		this.points = points;
		this.ledger = ledger;
		this.ownership = ownership;
		this.audit = audit;
		this.region = region;
		this.clock = clock;
	}

	/** This month in the region. */
	public YearMonth thisMonth() {
		return YearMonth.from(LocalDate.now(clock.withZone(region.timeZone())));
	}

	/**
	 * Records how many people left a point of risk at a holder in a month; recording the
	 * same holder, point and month again corrects the count.
	 */
	@Transactional
	public void recordLeavers(HarmwatchUser user, UUID holderId, ReleasePoint point, YearMonth month, int people) {
		var problems = new ArrayList<FieldProblem>();
		var holder = ledger.holder(holderId).filter(h -> ownership.mayUse(user, h.ownerAgency(), Action.WRITE));
		if (holder.isEmpty()) {
			audit.record(NaloxoneAudit.NALOXONE_LEAVERS_REFUSED, "naloxone-holder", holderId.toString(), null,
					Outcome.DENIED, "holder not found or not the user's to change");
			problems.add(FieldProblem.of("holderId", "naloxone.movement.holder.unknown"));
		}
		if (month.isAfter(thisMonth())) {
			problems.add(FieldProblem.of("month", "naloxone.leavers.month.future"));
		}
		if (people < 0 || people > MAX_LEAVERS) {
			problems.add(FieldProblem.of("people", "naloxone.leavers.people.range"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		points.recordLeavers(holder.get().ownerAgency(), holderId, point, month, people, clock.instant(),
				user.getUsername());
		audit.record(NaloxoneAudit.NALOXONE_LEAVERS_RECORDED, "naloxone-holder", holderId.toString(), null,
				Outcome.ALLOWED, point.name() + " " + month + " " + people);
	}

	/**
	 * The shares over the months from and to (both included), region-wide: counts only.
	 */
	@Transactional(readOnly = true)
	public PointsOfRisk pointsOfRisk(HarmwatchUser user, YearMonth from, YearMonth to) {
		if (!NaloxonePolicy.readsFigures(user)) {
			throw new AccessDeniedException("No naloxone read");
		}
		if (to.isBefore(from)) {
			throw new InputRejectedException(FieldProblem.of("to", "naloxone.figures.to.beforeFrom"));
		}
		if (from.plusMonths(MAX_MONTHS).isBefore(to)) {
			throw new InputRejectedException(FieldProblem.of("to", "naloxone.figures.period.tooLong"));
		}
		var result = PointsOfRiskRules.compute(from, to, ledger.allHolders(), points.leavers(from, to),
				points.supplies(from.atDay(1), to.atEndOfMonth()));
		audit.record(NaloxoneAudit.NALOXONE_POINTS_VIEWED, "naloxone-points", null, null, Outcome.ALLOWED,
				from + ".." + to);
		return result;
	}

}
