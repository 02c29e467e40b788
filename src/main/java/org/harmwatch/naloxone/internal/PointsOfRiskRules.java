package org.harmwatch.naloxone.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.naloxone.Holder;
import org.harmwatch.naloxone.HolderKind;
import org.harmwatch.naloxone.PointsOfRisk;
import org.harmwatch.naloxone.PointsOfRisk.Gap;
import org.harmwatch.naloxone.PointsOfRisk.GapReason;
import org.harmwatch.naloxone.PointsOfRisk.HolderShare;
import org.harmwatch.naloxone.PointsOfRisk.Share;
import org.harmwatch.naloxone.PointsOfRisk.Spread;
import org.harmwatch.naloxone.ReleasePoint;
import org.jspecify.annotations.Nullable;

/**
 * The points-of-risk arithmetic, without Spring: Wilson score intervals, the region's
 * share, the spread across holders and the gaps.
 */
public final class PointsOfRiskRules {

	/** The standard normal quantile for a two-sided 95 % interval. */
	static final double Z95 = 1.959963984540054;

	private PointsOfRiskRules() {
	}

	/** A holder and point: the key the counts are kept under. */
	public record Key(UUID holderId, ReleasePoint point) {
	}

	/**
	 * The share of {@code x} in {@code n} with its Wilson score 95 % interval; {@code x}
	 * is capped at {@code n}.
	 */
	public static Share wilson(long x, long n) {
		if (n <= 0) {
			return new Share(0, 0, 0, 0, 0);
		}
		long k = Math.min(Math.max(x, 0), n);
		double p = (double) k / n;
		double z2 = Z95 * Z95;
		double denominator = 1 + z2 / n;
		double centre = (p + z2 / (2.0 * n)) / denominator;
		double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
		double low = k == 0 ? 0 : Math.max(0, centre - half);
		double high = k == n ? 1 : Math.min(1, centre + half);
		return new Share(n, k, p, low, high);
	}

	/**
	 * The shares per holder and point, from the leavers recorded and the supplies made at
	 * each point.
	 */
	public static PointsOfRisk compute(YearMonth from, YearMonth to, List<Holder> holders, Map<Key, Long> leavers,
			Map<Key, Long> supplies) {
		var byId = new HashMap<UUID, Holder>();
		holders.forEach(h -> byId.put(h.id(), h));
		var points = new ArrayList<PointsOfRisk.Point>();
		var gaps = new ArrayList<Gap>();
		for (var point : ReleasePoint.values()) {
			long regionLeavers = 0;
			long regionWithKit = 0;
			var counted = new ArrayList<Key>();
			for (var entry : leavers.entrySet()) {
				if (entry.getKey().point() != point || !byId.containsKey(entry.getKey().holderId())) {
					continue;
				}
				long n = entry.getValue();
				long x = supplies.getOrDefault(entry.getKey(), 0L);
				regionLeavers += n;
				regionWithKit += Math.min(x, n);
				counted.add(entry.getKey());
			}
			var region = wilson(regionWithKit, regionLeavers);
			var shares = new ArrayList<HolderShare>();
			for (var key : counted) {
				var holder = byId.get(key.holderId());
				long n = leavers.get(key);
				long x = supplies.getOrDefault(key, 0L);
				var share = wilson(x, n);
				boolean below = n > 0 && share.share() < region.share();
				var holderShare = new HolderShare(holder.id(), holder.name(), share, below,
						n > 0 && share.high() < region.share(), x > n);
				shares.add(holderShare);
				if (below) {
					gaps.add(new Gap(holder.id(), holder.name(), holder.kind(), point, GapReason.BELOW_REGION, share));
				}
			}
			shares.sort(Comparator.comparing(HolderShare::holderName, String.CASE_INSENSITIVE_ORDER)
				.thenComparing(h -> h.holderId()));
			points.add(new PointsOfRisk.Point(point, region, shares, spread(shares, region)));
		}
		var recorded = new HashSet<UUID>();
		leavers.keySet().forEach(k -> recorded.add(k.holderId()));
		var expectedKinds = new HashSet<HolderKind>();
		for (var point : ReleasePoint.values()) {
			expectedKinds.add(point.expectedAt());
		}
		holders.stream()
			.filter(h -> expectedKinds.contains(h.kind()) && !recorded.contains(h.id()))
			.sorted(Comparator.comparing(Holder::name, String.CASE_INSENSITIVE_ORDER))
			.forEach(h -> gaps.add(new Gap(h.id(), h.name(), h.kind(), null, GapReason.NO_RECORDS, null)));
		return new PointsOfRisk(from, to, points, gaps);
	}

	private static @Nullable Spread spread(List<HolderShare> shares, Share region) {
		var values = shares.stream()
			.filter(s -> s.share().leavers() > 0)
			.mapToDouble(s -> s.share().share())
			.sorted()
			.toArray();
		if (values.length == 0) {
			return null;
		}
		int below = (int) shares.stream().filter(HolderShare::clearlyBelow).count();
		int above = (int) shares.stream()
			.filter(s -> s.share().leavers() > 0 && s.share().low() > region.share())
			.count();
		return new Spread(values.length, values[0], quantile(values, 0.25), quantile(values, 0.5),
				quantile(values, 0.75), values[values.length - 1], below, above);
	}

	/** The q-quantile of sorted values, interpolating linearly (R's type 7). */
	static double quantile(double[] sorted, double q) {
		double h = (sorted.length - 1) * q;
		int lo = (int) Math.floor(h);
		int hi = Math.min(lo + 1, sorted.length - 1);
		return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
	}

}
