package org.harmwatch.diversion;

import org.jspecify.annotations.Nullable;

/**
 * A proportion with its follow-up window and its Wilson score 95 % interval: e.g. the
 * share of the diversion arm reconvicted within 12 months.
 *
 * @param measure what is counted (a message key suffix: reconvicted, rearrested,
 * satisfied)
 * @param arm the arm, or {@code null} for a rate from elsewhere (the programme text)
 * @param windowMonths the follow-up window in months; 0 when the rate has none
 * @param events how many had the event
 * @param n how many were followed up
 */
public record Rate(String measure, @Nullable Arm arm, int windowMonths, long events, long n) {

	/** The standard normal quantile for a two-sided 95 % interval. */
	static final double Z95 = 1.959963984540054;

	public Rate {
		if (n < 0 || events < 0 || events > n) {
			throw new IllegalArgumentException("events must be between 0 and n");
		}
	}

	/** The proportion, or 0 when nobody was followed up. */
	public double proportion() {
		return n == 0 ? 0 : (double) events / n;
	}

	/** The lower end of the Wilson score 95 % interval. */
	public double low() {
		return wilson()[0];
	}

	/** The upper end of the Wilson score 95 % interval. */
	public double high() {
		return wilson()[1];
	}

	private double[] wilson() {
		if (n == 0) {
			return new double[] { 0, 0 };
		}
		double p = proportion();
		double z2 = Z95 * Z95;
		double denominator = 1 + z2 / n;
		double centre = (p + z2 / (2.0 * n)) / denominator;
		double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
		return new double[] { events == 0 ? 0 : Math.max(0, centre - half),
				events == n ? 1 : Math.min(1, centre + half) };
	}

}
