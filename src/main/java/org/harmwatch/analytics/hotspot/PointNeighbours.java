package org.harmwatch.analytics.hotspot;

import java.util.Arrays;

/**
 * The point-based constructions of {@link SpatialWeights}: k nearest neighbours and
 * distance bands, searched with a {@link KdTree}.
 *
 * <p>
 * Both split the areas into chunks in tree order ({@link Chunks}: on the common fork-join
 * pool for large inputs); each area's neighbours come out in ascending index order.
 */
final class PointNeighbours {

	private static final int CHUNK = 4096;

	private PointNeighbours() {
	}

	/** See {@link SpatialWeights#kNearest(double[], double[], int)}. */
	static SpatialWeights kNearest(double[] x, double[] y, int k) {
		checkCoordinates(x, y);
		int n = x.length;
		if (k < 1 || k >= n) {
			throw new IllegalArgumentException(
					"k must be at least 1 and less than the number of areas (" + n + "), but was " + k);
		}
		KdTree tree = new KdTree(x, y);
		int[] targets = new int[Math.multiplyExact(n, k)];
		Chunks.run(n, CHUNK, chunk -> {
			KdTree.NearestSearch search = tree.new NearestSearch(k);
			int end = Math.min(n, (chunk + 1) * CHUNK);
			for (int position = chunk * CHUNK; position < end; position++) {
				int id = tree.id(position);
				search.search(tree.x(position), tree.y(position), id, targets, id * k);
				Arrays.sort(targets, id * k, id * k + k);
			}
		});
		int[] offsets = new int[n + 1];
		for (int i = 0; i <= n; i++) {
			offsets[i] = i * k;
		}
		return new SpatialWeights(n, offsets, targets, null);
	}

	/** See {@link SpatialWeights#distanceBand(double[], double[], double)}. */
	static SpatialWeights distanceBand(double[] x, double[] y, double maxDistance) {
		checkCoordinates(x, y);
		if (!(maxDistance >= 0) || Double.isInfinite(maxDistance)) {
			throw new IllegalArgumentException("maxDistance must be a finite number >= 0, but was " + maxDistance);
		}
		int n = x.length;
		KdTree tree = new KdTree(x, y);
		int[][] found = new int[Chunks.count(n, CHUNK)][];
		int[] counts = new int[n];
		Chunks.run(n, CHUNK, chunk -> {
			Growable.Ints buffer = new Growable.Ints();
			int end = Math.min(n, (chunk + 1) * CHUNK);
			for (int position = chunk * CHUNK; position < end; position++) {
				int before = buffer.size;
				int id = tree.id(position);
				tree.withinRadius(tree.x(position), tree.y(position), maxDistance, id, buffer::add);
				counts[id] = buffer.size - before;
			}
			found[chunk] = buffer.toArray();
		});
		int[] offsets = SpatialWeights.prefixSums(counts);
		int[] targets = new int[offsets[n]];
		Chunks.run(n, CHUNK, chunk -> {
			int[] chunkFound = found[chunk];
			int read = 0;
			int end = Math.min(n, (chunk + 1) * CHUNK);
			for (int position = chunk * CHUNK; position < end; position++) {
				int id = tree.id(position);
				System.arraycopy(chunkFound, read, targets, offsets[id], counts[id]);
				read += counts[id];
				Arrays.sort(targets, offsets[id], offsets[id + 1]);
			}
		});
		return new SpatialWeights(n, offsets, targets, null);
	}

	private static void checkCoordinates(double[] x, double[] y) {
		if (x.length != y.length) {
			throw new IllegalArgumentException("x has " + x.length + " coordinates but y has " + y.length);
		}
		for (int i = 0; i < x.length; i++) {
			if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
				throw new IllegalArgumentException("area " + i + " has a coordinate that is not a finite number");
			}
		}
	}

}
