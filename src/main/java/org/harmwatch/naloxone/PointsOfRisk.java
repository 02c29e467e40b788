package org.harmwatch.naloxone;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The share of people leaving each point of risk with a kit over a span of months: per
 * holder, region-wide, how much holders differ, and the gaps.
 *
 * @param from the first month counted
 * @param to the last month counted
 * @param points one entry per point of risk, in the points' order
 * @param gaps holders below the region's share at a point, and holders where people leave
 * a point of risk but no leavers are recorded
 */
public record PointsOfRisk(YearMonth from, YearMonth to, List<Point> points, List<Gap> gaps) {

	public PointsOfRisk {
		points = List.copyOf(points);
		gaps = List.copyOf(gaps);
	}

	/**
	 * People who left and how many of them left with a kit, with the share's Wilson 95 %
	 * interval.
	 *
	 * @param leavers people who left, as recorded
	 * @param withKit of them, those supplied a kit at the point (never more than leavers)
	 * @param share withKit / leavers, or 0 when nobody left
	 * @param low the interval's lower end
	 * @param high the interval's upper end
	 */
	public record Share(long leavers, long withKit, double share, double low, double high) {
	}

	/**
	 * One point of risk.
	 *
	 * @param point the point
	 * @param region all holders together
	 * @param holders each holder with leavers recorded at the point, by name
	 * @param spread how far apart the holders' shares are, or {@code null} with no holder
	 */
	public record Point(ReleasePoint point, Share region, List<HolderShare> holders, @Nullable Spread spread) {

		public Point {
			holders = List.copyOf(holders);
		}

	}

	/**
	 * One holder's share at one point.
	 *
	 * @param holderId the holder
	 * @param holderName its name
	 * @param share its share
	 * @param belowRegion whether its share is below the region's
	 * @param clearlyBelow whether even its interval's upper end is below the region's
	 * share
	 * @param moreSuppliesThanLeavers whether more supplies were recorded at the point
	 * than leavers (the leavers are then likely under-recorded)
	 */
	public record HolderShare(UUID holderId, String holderName, Share share, boolean belowRegion, boolean clearlyBelow,
			boolean moreSuppliesThanLeavers) {
	}

	/**
	 * How consistent the holders are at a point: the lowest and highest share, the
	 * quartiles between them, and how many holders are clearly below or above the
	 * region's share.
	 *
	 * @param holders holders with at least one leaver
	 * @param lowest the lowest share
	 * @param lowerQuartile the lower quartile
	 * @param median the median
	 * @param upperQuartile the upper quartile
	 * @param highest the highest share
	 * @param clearlyBelow holders whose whole interval lies below the region's share
	 * @param clearlyAbove holders whose whole interval lies above it
	 */
	public record Spread(int holders, double lowest, double lowerQuartile, double median, double upperQuartile,
			double highest, int clearlyBelow, int clearlyAbove) {
	}

	/** Why a holder is a gap. */
	public enum GapReason {

		/** Its share at the point is below the region's. */
		BELOW_REGION,
		/**
		 * It is the kind of place people leave a point of risk, but no leavers are
		 * recorded.
		 */
		NO_RECORDS

	}

	/**
	 * A gap: a holder below the region's share at a point, or with no records.
	 *
	 * @param holderId the holder
	 * @param holderName its name
	 * @param kind what kind of holder it is
	 * @param point the point, for {@link GapReason#BELOW_REGION}
	 * @param reason why it is a gap
	 * @param share its share, for {@link GapReason#BELOW_REGION}
	 */
	public record Gap(UUID holderId, String holderName, HolderKind kind, @Nullable ReleasePoint point, GapReason reason,
			@Nullable Share share) {
	}

}
