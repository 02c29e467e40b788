package org.harmwatch.custodytesting.internal;

import java.util.ArrayList;
import java.util.List;

import org.harmwatch.custodytesting.Funnel;
import org.harmwatch.custodytesting.FunnelStage;
import org.jspecify.annotations.Nullable;

/**
 * The funnel's arithmetic, without Spring: the Wilson score interval of each stage's
 * share of the one before, and what is withheld from a reader not entitled to the
 * records.
 *
 * <p>
 * Withheld: a count under {@link Funnel#THRESHOLD} (zero included, so a blank never means
 * "none"), and a count that differs from the last published stage of its row by 1 to 4,
 * because the difference is itself a count of people (those tested but not positive,
 * say). So every difference between two published counts of a row is 0 or at least 5. A
 * total's stage is withheld whenever any count it adds up is. A share is shown only
 * between two published neighbouring stages.
 */
public final class FunnelRules {

	/** The standard normal quantile for a two-sided 95 % interval. */
	static final double Z95 = 1.959963984540054;

	private FunnelRules() {
	}

	/**
	 * The share of {@code x} in {@code n} with its Wilson score 95 % interval; null when
	 * {@code n} is 0.
	 */
	public static Funnel.@Nullable Rate wilson(long x, long n) {
		if (n <= 0) {
			return null;
		}
		long k = Math.min(Math.max(x, 0), n);
		double p = (double) k / n;
		double z2 = Z95 * Z95;
		double denominator = 1 + z2 / n;
		double centre = (p + z2 / (2.0 * n)) / denominator;
		double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
		double low = k == 0 ? 0 : Math.max(0, centre - half);
		double high = k == n ? 1 : Math.min(1, centre + half);
		return new Funnel.Rate(p, low, high);
	}

	/**
	 * A row's stages from its counts (in {@link FunnelStage} order).
	 * @param suppress whether to withhold for a reader not entitled to the records
	 * @param forcedWithheld stages withheld whatever their count (a total's stage with a
	 * withheld part); may be empty
	 */
	public static List<Funnel.Stage> stages(long[] counts, boolean suppress, boolean[] forcedWithheld) {
		var stages = new ArrayList<Funnel.Stage>();
		var order = FunnelStage.values();
		Long lastPublished = null;
		Long previous = null;
		for (int i = 0; i < order.length; i++) {
			long count = counts[i];
			boolean withheld = suppress && ((forcedWithheld.length > i && forcedWithheld[i]) || count < Funnel.THRESHOLD
					|| (lastPublished != null && lastPublished - count > 0
							&& lastPublished - count < Funnel.THRESHOLD));
			Funnel.Rate rate = null;
			if (!withheld && previous != null) {
				rate = wilson(count, previous);
			}
			stages.add(new Funnel.Stage(order[i], withheld ? null : count, rate));
			if (!withheld) {
				lastPublished = count;
				previous = count;
			}
			else {
				previous = null;
			}
		}
		return stages;
	}

}
