package org.harmwatch.analytics.hotspot;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The one place where the hotspot code decides whether to spread its work: areas are
 * taken in chunks of a fixed size, run on the common fork-join pool from
 * {@link #PARALLEL_THRESHOLD} areas on and in order below it. Each chunk writes only its
 * own slots, so the results do not depend on the decision.
 */
final class Chunks {

	static final int PARALLEL_THRESHOLD = 20_000;

	private Chunks() {
	}

	/** How many chunks of {@code size} cover {@code n} areas. */
	static int count(int n, int size) {
		return (n + size - 1) / size;
	}

	/** Runs {@code body} once for each chunk number of {@code n} areas. */
	static void run(int n, int size, IntConsumer body) {
		IntStream range = IntStream.range(0, count(n, size));
		if (n >= PARALLEL_THRESHOLD) {
			range = range.parallel();
		}
		range.forEach(body);
	}

}
