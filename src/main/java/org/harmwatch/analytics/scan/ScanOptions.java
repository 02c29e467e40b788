package org.harmwatch.analytics.scan;

/**
 * Parameters of the space-time permutation scan.
 *
 * @param maxShareOfLocations a circle holds at most this share of all locations (0 to 1]
 * @param maxShareOfCases a circle holds at most this share of all cases over the study
 * period (0 to 1]; SaTScan's "percent of population at risk" for this model (its default
 * is 50 %)
 * @param maxRadius a circle's radius (distance from its centre to its farthest location)
 * is at most this
 * @param maxDays longest cluster in days
 * @param minCases fewest cases a cluster may have (SaTScan's default is 2)
 * @param prospective only windows ending on the last day (prospective surveillance)
 * instead of every window
 * @param replications Monte Carlo replications (0: no p-values; 999 usual)
 * @param seed random seed; the same seed gives the same p-values whatever the number of
 * threads
 * @param maxClusters most clusters reported (the most likely one and secondary ones)
 * @param secondaryClusters which secondary clusters are kept
 * @param reportPValueOne whether clusters with p = 1 (no replication beat by them) are
 * reported too
 */
public record ScanOptions(double maxShareOfLocations, double maxShareOfCases, double maxRadius, int maxDays,
		int minCases, boolean prospective, int replications, long seed, int maxClusters,
		SecondaryClusters secondaryClusters, boolean reportPValueOne) {

	/**
	 * How secondary clusters are chosen among the cylinders other than the most likely.
	 */
	public enum SecondaryClusters {

		/**
		 * SaTScan 10.2 and later: each centre offers its best cylinder and, recursively,
		 * the best ones before and after it in time that do not overlap it; a candidate
		 * is dropped only when it shares a location with a more likely reported cluster
		 * and overlaps it in time (clusters that merely touch, one ending the day before
		 * the other starts, count as overlapping, as in SaTScan). Prospective windows all
		 * end on the last day, so there this is the same as
		 * {@link #NO_GEOGRAPHICAL_OVERLAP}.
		 */
		NO_OVERLAP_IN_SPACE_AND_TIME,

		/**
		 * SaTScan before 10.2: one cylinder per centre (its best), dropped when it shares
		 * any location with a more likely reported cluster, whenever it happened.
		 */
		NO_GEOGRAPHICAL_OVERLAP

	}

	public ScanOptions {
		if (!(maxShareOfLocations > 0 && maxShareOfLocations <= 1) || !(maxShareOfCases > 0 && maxShareOfCases <= 1)) {
			throw new IllegalArgumentException("the maximum shares must be in (0, 1]");
		}
		if (!(maxRadius >= 0)) {
			throw new IllegalArgumentException("the maximum radius must be >= 0");
		}
		if (maxDays < 1 || minCases < 1 || replications < 0 || maxClusters < 1) {
			throw new IllegalArgumentException("need maxDays >= 1, minCases >= 1, replications >= 0, maxClusters >= 1");
		}
		if (secondaryClusters == null) {
			throw new IllegalArgumentException("say which secondary clusters to keep");
		}
	}

	/**
	 * Retrospective scan with the settings: circles up to half the locations,
	 * clusters up to 30 days, at least 2 cases, 999 replications, seed 20240101, up to 10
	 * clusters, secondary clusters as SaTScan 10.2 reports them, none with p = 1.
	 */
	public static ScanOptions retrospective() {
		return new ScanOptions(0.5, 1.0, Double.POSITIVE_INFINITY, 30, 2, false, 999, 20240101L, 10,
				SecondaryClusters.NO_OVERLAP_IN_SPACE_AND_TIME, false);
	}

	/** The same, prospective: clusters must be ongoing on the last day. */
	public static ScanOptions prospectiveDefaults() {
		return retrospective().withProspective(true);
	}

	public ScanOptions withMaxShareOfLocations(double share) {
		return new ScanOptions(share, this.maxShareOfCases, this.maxRadius, this.maxDays, this.minCases,
				this.prospective, this.replications, this.seed, this.maxClusters, this.secondaryClusters,
				this.reportPValueOne);
	}

	public ScanOptions withMaxShareOfCases(double share) {
		return new ScanOptions(this.maxShareOfLocations, share, this.maxRadius, this.maxDays, this.minCases,
				this.prospective, this.replications, this.seed, this.maxClusters, this.secondaryClusters,
				this.reportPValueOne);
	}

	public ScanOptions withMaxRadius(double radius) {
		return new ScanOptions(this.maxShareOfLocations, this.maxShareOfCases, radius, this.maxDays, this.minCases,
				this.prospective, this.replications, this.seed, this.maxClusters, this.secondaryClusters,
				this.reportPValueOne);
	}

	public ScanOptions withMaxDays(int days) {
		return new ScanOptions(this.maxShareOfLocations, this.maxShareOfCases, this.maxRadius, days, this.minCases,
				this.prospective, this.replications, this.seed, this.maxClusters, this.secondaryClusters,
				this.reportPValueOne);
	}

	public ScanOptions withMinCases(int cases) {
		return new ScanOptions(this.maxShareOfLocations, this.maxShareOfCases, this.maxRadius, this.maxDays, cases,
				this.prospective, this.replications, this.seed, this.maxClusters, this.secondaryClusters,
				this.reportPValueOne);
	}

	public ScanOptions withProspective(boolean onlyOngoing) {
		return new ScanOptions(this.maxShareOfLocations, this.maxShareOfCases, this.maxRadius, this.maxDays,
				this.minCases, onlyOngoing, this.replications, this.seed, this.maxClusters, this.secondaryClusters,
				this.reportPValueOne);
	}

	public ScanOptions withReplications(int count) {
		return new ScanOptions(this.maxShareOfLocations, this.maxShareOfCases, this.maxRadius, this.maxDays,
				this.minCases, this.prospective, count, this.seed, this.maxClusters, this.secondaryClusters,
				this.reportPValueOne);
	}

	public ScanOptions withSeed(long randomSeed) {
		return new ScanOptions(this.maxShareOfLocations, this.maxShareOfCases, this.maxRadius, this.maxDays,
				this.minCases, this.prospective, this.replications, randomSeed, this.maxClusters,
				this.secondaryClusters, this.reportPValueOne);
	}

	public ScanOptions withMaxClusters(int count) {
		return new ScanOptions(this.maxShareOfLocations, this.maxShareOfCases, this.maxRadius, this.maxDays,
				this.minCases, this.prospective, this.replications, this.seed, count, this.secondaryClusters,
				this.reportPValueOne);
	}

	public ScanOptions withSecondaryClusters(SecondaryClusters rule) {
		return new ScanOptions(this.maxShareOfLocations, this.maxShareOfCases, this.maxRadius, this.maxDays,
				this.minCases, this.prospective, this.replications, this.seed, this.maxClusters, rule,
				this.reportPValueOne);
	}

	public ScanOptions withReportPValueOne(boolean report) {
		return new ScanOptions(this.maxShareOfLocations, this.maxShareOfCases, this.maxRadius, this.maxDays,
				this.minCases, this.prospective, this.replications, this.seed, this.maxClusters, this.secondaryClusters,
				report);
	}

}
