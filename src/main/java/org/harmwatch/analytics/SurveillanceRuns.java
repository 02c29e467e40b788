package org.harmwatch.analytics;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.analytics.internal.SurveillanceRepository;
import org.harmwatch.analytics.internal.SurveillanceRunner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily surveillance run (EARS, CUSUM and Farrington for every district and substance
 * class, Gi* hot spots by LSOA, the prospective scan) as other modules see it: run it on
 * demand, and read what earlier runs found. Counts and areas only; the pages that show
 * them decide who may read them and audit it.
 */
@Service
public class SurveillanceRuns {

	/** The most runs one page lists. */
	public static final int MAX_PAGE_SIZE = 100;

	private final SurveillanceRunner runner;

	private final SurveillanceRepository runs;

	private final Clock clock;

	SurveillanceRuns(SurveillanceRunner runner, SurveillanceRepository runs, Clock clock) {
		this.runner = runner;
		this.runs = runs;
		this.clock = clock;
	}

	/**
	 * Runs the daily surveillance now, for the last whole day, as the schedule would; its
	 * new alarms are published as the schedule's are (never twice).
	 * @param requestedBy who asked for it
	 */
	public SurveillanceReport runNow(String requestedBy) {
		return runAt(clock.instant(), requestedBy);
	}

	/**
	 * Runs it as of {@code now} (the last whole day before it), e.g. to judge again a day
	 * that has passed.
	 */
	public SurveillanceReport runAt(Instant now, String requestedBy) {
		return runner.run(now, SurveillanceRunner.ON_DEMAND, requestedBy);
	}

	/** The most recently started run, with all it found. */
	@Transactional(readOnly = true)
	public Optional<SurveillanceReport> latest() {
		return runs.runs(0, 1).stream().findFirst().map(runs::report);
	}

	/** A run, with all it found. */
	@Transactional(readOnly = true)
	public Optional<SurveillanceReport> report(UUID id) {
		return runs.run(id).map(runs::report);
	}

	/** Runs, the most recently started first. */
	@Transactional(readOnly = true)
	public List<SurveillanceReport.Run> runs(int offset, int limit) {
		return runs.runs(Math.max(0, offset), Math.max(1, Math.min(limit, MAX_PAGE_SIZE)));
	}

	/** How many runs there have been. */
	@Transactional(readOnly = true)
	public long runCount() {
		return runs.runCount();
	}

	/**
	 * The alarms of the most recent run if it started at or after {@code since}, else 0:
	 * the analyst's work of the day.
	 */
	@Transactional(readOnly = true)
	public int alarmsOfLatestRunSince(Instant since) {
		return runs.runs(0, 1)
			.stream()
			.filter(run -> !run.startedAt().isBefore(since))
			.mapToInt(SurveillanceReport.Run::alarms)
			.findFirst()
			.orElse(0);
	}

}
