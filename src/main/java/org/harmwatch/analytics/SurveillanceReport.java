package org.harmwatch.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One daily surveillance run as recorded: when and how long, its temporal alarms by
 * district and substance class, the LSOAs that were hot spots of overdose rates, and the
 * spike detector's and prospective scan's clusters of the day. Areas and counts only.
 *
 * @param run the run
 * @param alarms its alarms, by class, district and method
 * @param hotspots the LSOAs Gi* found significantly hot, highest z first
 * @param clusters the detector's spikes and the scan's clusters of the 24 hours before
 * the run, newest first
 */
public record SurveillanceReport(Run run, List<Alarm> alarms, List<Hotspot> hotspots, List<Cluster> clusters) {

	/**
	 * A run.
	 *
	 * @param id its id
	 * @param day the day it judged (the last whole day before it started, in the region's
	 * time zone)
	 * @param trigger {@code SCHEDULE} or {@code ON_DEMAND}
	 * @param requestedBy who asked for it on demand; null for the schedule
	 * @param startedAt when it started
	 * @param finishedAt when it finished
	 * @param durationMillis how long it took
	 * @param observations events of the watched category in its history
	 * @param series district and class series it judged
	 * @param alarms alarms raised
	 * @param newAlarms alarms that were new, each published as a {@link SpikeDetected}
	 * @param hotspots hot-spot LSOAs
	 * @param clusters detector spikes and scan clusters reported
	 * @param scanByDetector whether the prospective scan was the spike detector's (every
	 * few minutes) rather than the run's own
	 */
	public record Run(UUID id, LocalDate day, String trigger, @Nullable String requestedBy, Instant startedAt,
			Instant finishedAt, long durationMillis, long observations, int series, int alarms, int newAlarms,
			int hotspots, int clusters, boolean scanByDetector) {
	}

	/**
	 * An alarm of a temporal method on the run's day (or the seven days ending on it).
	 *
	 * @param category the observation category, e.g. {@code OVERDOSE} or
	 * {@code OVERDOSE:OPIOID}
	 * @param substanceClass the class after the colon; null for all overdoses
	 * @param areaCode the district
	 * @param areaName its name
	 * @param method the method
	 * @param periodStart first day judged
	 * @param periodEnd last day judged
	 * @param observed events in the period
	 * @param expected what the method expected (NaN when it gives none)
	 * @param threshold the count above which it alarms (NaN when it gives none)
	 * @param statistic the method's own statistic on the day judged: EARS's C1, C2 or C3,
	 * the CUSUM sum, Farrington's exceedance score (NaN when it gives none)
	 * @param isNew whether it was new: not within the quiet period of a spike of the same
	 * class and district, so published
	 * @param spikeId the {@link SpikeDetected} it was published as; null when not new
	 */
	public record Alarm(String category, @Nullable String substanceClass, String areaCode, String areaName,
			AlarmMethod method, LocalDate periodStart, LocalDate periodEnd, double observed, double expected,
			double threshold, double statistic, boolean isNew, @Nullable UUID spikeId) {
	}

	/**
	 * An LSOA where Gi* of overdose rates per population was significantly high.
	 *
	 * @param lsoaCode the LSOA
	 * @param lsoaName its name
	 * @param ladName its district
	 * @param events overdoses in it over the period
	 * @param population its population, where known
	 * @param ratePer100k overdoses per 100,000 people (0 where the population is unknown)
	 * @param z the Gi* z-score
	 * @param qValue the p-value that decided (adjusted when the FDR is controlled)
	 */
	public record Hotspot(String lsoaCode, String lsoaName, String ladName, long events, @Nullable Integer population,
			double ratePer100k, double z, double qValue) {
	}

	/**
	 * A spike of the detector's rule or a cluster of the prospective scan.
	 *
	 * @param spikeId the {@link SpikeDetected} it was published as
	 * @param method {@code RULE} or {@code SCAN}
	 * @param category the observation category
	 * @param areaLevel the level of its areas
	 * @param areaCode the area (a scan's centre)
	 * @param areaName its name
	 * @param areaCount how many areas it spans
	 * @param windowStart its start
	 * @param windowEnd its end
	 * @param observed events in it
	 * @param expected events expected
	 * @param pValue the scan's p-value; NaN for a rule
	 * @param detectedAt when it was found
	 */
	public record Cluster(UUID spikeId, String method, String category, String areaLevel, String areaCode,
			String areaName, int areaCount, Instant windowStart, Instant windowEnd, long observed, double expected,
			double pValue, Instant detectedAt) {
	}

}
