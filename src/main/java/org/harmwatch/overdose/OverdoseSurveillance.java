package org.harmwatch.overdose;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.analytics.SurveillanceReport;
import org.harmwatch.analytics.SurveillanceRuns;
import org.harmwatch.overdose.internal.OverdoseAudit;
import org.harmwatch.overdose.internal.OverdosePolicy;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.WorkQueue;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The daily overdose surveillance run as staff see it: the latest run or one chosen,
 * earlier runs a page at a time, and a run on demand. Its alarms, hot spots and clusters
 * are areas and counts of every agency's overdoses, never a person or a point, so anyone
 * who may read overdoses or analytics sees them, police included; every read is audited.
 */
@Service
public class OverdoseSurveillance {

	/** Runs listed on one page. */
	public static final int PAGE_SIZE = 10;

	/**
	 * A page of the surveillance record.
	 *
	 * @param report the run shown (the latest unless one was chosen); null before the
	 * first run
	 * @param runs the runs of this page, most recent first
	 * @param page this page, from 1
	 * @param pages how many pages there are (at least 1)
	 * @param mayRun whether the reader may start a run
	 */
	public record Page(@Nullable SurveillanceReport report, List<SurveillanceReport.Run> runs, int page, int pages,
			boolean mayRun) {
	}

	private final SurveillanceRuns runs;

	private final AuditLog audit;

	OverdoseSurveillance(SurveillanceRuns runs, AuditLog audit) {
		this.runs = runs;
		this.audit = audit;
	}

	/**
	 * Whether the user may read the surveillance record: overdose or analytics readers.
	 */
	public static boolean mayRead(HarmwatchUser user) {
		return OverdosePolicy.mayRead(user) || WorkQueue.holds(user, Capability.ANALYTICS, Action.READ);
	}

	/** Whether the user may start a run: analysts (analytics readers). */
	public static boolean mayRun(HarmwatchUser user) {
		return WorkQueue.holds(user, Capability.ANALYTICS, Action.READ);
	}

	/**
	 * The run asked for (or the latest) and a page of runs (audited).
	 * @return empty when the run asked for does not exist
	 * @throws AccessDeniedException when the reader may not read it (audited)
	 */
	public Optional<Page> page(@Nullable UUID runId, int page, HarmwatchUser reader) {
		if (!mayRead(reader)) {
			audit.record(OverdoseAudit.SURVEILLANCE_READ, "surveillance-run", runId == null ? null : runId.toString(),
					null, AuditLog.Outcome.DENIED, "needs overdose or analytics read");
			throw new AccessDeniedException("No overdose or analytics read");
		}
		var report = runId == null ? runs.latest().orElse(null) : runs.report(runId).orElse(null);
		if (runId != null && report == null) {
			return Optional.empty();
		}
		long count = runs.runCount();
		int pages = (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
		int number = Math.max(1, Math.min(page, pages));
		var listed = runs.runs((number - 1) * PAGE_SIZE, PAGE_SIZE);
		audit.record(OverdoseAudit.SURVEILLANCE_READ, "surveillance-run",
				report == null ? null : report.run().id().toString(), Purpose.PUBLIC_HEALTH_INTELLIGENCE,
				AuditLog.Outcome.ALLOWED, "page " + number + " of runs"
						+ (report == null ? "" : ", " + report.alarms().size() + " alarms shown"));
		return Optional.of(new Page(report, listed, number, pages, mayRun(reader)));
	}

	/**
	 * Runs the daily surveillance now (audited).
	 * @throws AccessDeniedException when the user may not (audited)
	 */
	public SurveillanceReport.Run runNow(HarmwatchUser user) {
		if (!mayRun(user)) {
			audit.record(OverdoseAudit.SURVEILLANCE_RUN, "surveillance-run", null, null, AuditLog.Outcome.DENIED,
					"needs analytics read");
			throw new AccessDeniedException("No analytics read");
		}
		var run = runs.runNow(user.getUsername()).run();
		audit.record(OverdoseAudit.SURVEILLANCE_RUN, "surveillance-run", run.id().toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				run.alarms() + " alarms, " + run.newAlarms() + " new");
		return run;
	}

	/**
	 * The alarms of the latest run if it started at or after {@code since}: the analyst's
	 * work of the day; 0 for those who may not read the record.
	 */
	public int alarmsToday(HarmwatchUser user, Instant since) {
		return mayRead(user) ? runs.alarmsOfLatestRunSince(since) : 0;
	}

}
