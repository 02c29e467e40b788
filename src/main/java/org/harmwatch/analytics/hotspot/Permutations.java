package org.harmwatch.analytics.hotspot;

/**
 * How many random permutations to draw for pseudo p-values, from which seed and under
 * which null model.
 *
 * <p>
 * Results depend only on these three values, not on the number of threads: area i draws
 * from its own generator, seeded from {@code seed} and i.
 *
 * @param count the number of permutations N (999 is usual; the smallest attainable pseudo
 * p-value is 1/(N+1))
 * @param seed the seed of the random draws
 * @param randomisation the null model
 */
public record Permutations(int count, long seed, Randomisation randomisation) {

	public Permutations {
		if (count < 1) {
			throw new IllegalArgumentException("the number of permutations must be at least 1, but was " + count);
		}
	}

	/** {@code count} conditional permutations from {@code seed}. */
	public static Permutations conditional(int count, long seed) {
		return new Permutations(count, seed, Randomisation.CONDITIONAL);
	}

}
