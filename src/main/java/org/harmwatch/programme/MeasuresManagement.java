package org.harmwatch.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.programme.internal.MeasuresRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measures of how well early warning works, for the coordinator: the backlog of signals
 * by age and urgency, how fast signals become alerts, alerts by level, and delivery,
 * acknowledgement and recipients' feedback. Read from this module's own tables, which
 * early warning's and dissemination's events keep up to date.
 */
@Service
public class MeasuresManagement {

	/** Age bands of open signals, youngest first, with their upper bounds. */
	static final List<Band> BANDS = List.of(new Band("UNDER_1_DAY", Duration.ofDays(1)),
			new Band("DAYS_1_TO_3", Duration.ofDays(3)), new Band("DAYS_3_TO_7", Duration.ofDays(7)),
			new Band("OVER_7_DAYS", null));

	record Band(String name, @Nullable Duration under) {
	}

	private final MeasuresRepository repository;

	MeasuresManagement(MeasuresRepository repository) {
		this.repository = repository;
	}

	/**
	 * The measures for the {@code days} before {@code now} (the backlog as it is at
	 * {@code now}).
	 */
	@Transactional(readOnly = true)
	public EarlyWarningMeasures measures(int days, Instant now) {
		if (days < 1 || days > 3660) {
			throw new IllegalArgumentException("The period is 1 to 3660 days.");
		}
		var since = now.minus(Duration.ofDays(days));
		var bands = new ArrayList<EarlyWarningMeasures.AgeBand>();
		Duration lower = Duration.ZERO;
		for (var band : BANDS) {
			var upper = band.under();
			bands.add(new EarlyWarningMeasures.AgeBand(band.name(),
					repository.openSignals(now.minus(lower), upper == null ? Instant.EPOCH : now.minus(upper))));
			lower = upper == null ? lower : upper;
		}
		var byLevel = repository.firstIssuesByLevel(since, now);
		long issued = byLevel.values().stream().mapToLong(Long::longValue).sum();
		var times = repository.hoursToAlert(since, now);
		return new EarlyWarningMeasures(days, bands, repository.signalsOpened(since, now), issued, byLevel,
				times.median(), times.slowest(), repository.delivery(since));
	}

}
