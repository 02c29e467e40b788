package org.harmwatch.analytics.hotspot;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * A static two-dimensional tree over points, for k-nearest and fixed-radius neighbour
 * queries.
 *
 * <p>
 * The points are copied and reordered so that every subtree is a contiguous range
 * {@code [lo, hi)}; a node splits its range at {@code mid = (lo + hi) >>> 1} on the axis
 * with the larger spread, so the tree is implicit (heap-numbered nodes, no child
 * pointers) and perfectly balanced. Leaves hold at most {@link #LEAF_SIZE} points.
 * Queries in tree order ({@link #x(int)}, {@link #y(int)}) touch memory that neighbouring
 * queries touched, which is what makes a million queries fast.
 */
final class KdTree {

	static final int LEAF_SIZE = 8;

	private static final int PARALLEL_BUILD_THRESHOLD = 1 << 15;

	private final int size;

	private final double[] xs;

	private final double[] ys;

	private final int[] ids;

	private final boolean[] splitOnX;

	private final double[] split;

	KdTree(double[] x, double[] y) {
		this.size = x.length;
		this.xs = x.clone();
		this.ys = y.clone();
		this.ids = new int[size];
		for (int i = 0; i < size; i++) {
			ids[i] = i;
		}
		int depth = 0;
		while (ceilDiv(size, 1L << depth) > LEAF_SIZE) {
			depth++;
		}
		int nodes = 1 << (depth + 1);
		this.splitOnX = new boolean[nodes];
		this.split = new double[nodes];
		if (size > PARALLEL_BUILD_THRESHOLD) {
			ForkJoinPool.commonPool().invoke(new Build(1, 0, size));
		}
		else {
			build(1, 0, size);
		}
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

	int size() {
		return size;
	}

	/** The x coordinate of the point at tree position {@code position}. */
	double x(int position) {
		return xs[position];
	}

	/** The y coordinate of the point at tree position {@code position}. */
	double y(int position) {
		return ys[position];
	}

	/** The original index of the point at tree position {@code position}. */
	int id(int position) {
		return ids[position];
	}

	private final class Build extends RecursiveAction {

		private final int node;

		private final int lo;

		private final int hi;

		Build(int node, int lo, int hi) {
			this.node = node;
			this.lo = lo;
			this.hi = hi;
		}

		@Override
		protected void compute() {
			if (hi - lo <= PARALLEL_BUILD_THRESHOLD) {
				build(node, lo, hi);
				return;
			}
			int mid = splitRange(node, lo, hi);
			invokeAll(new Build(2 * node, lo, mid), new Build(2 * node + 1, mid, hi));
		}

	}

	private void build(int node, int lo, int hi) {
		if (hi - lo <= LEAF_SIZE) {
			return;
		}
		int mid = splitRange(node, lo, hi);
		build(2 * node, lo, mid);
		build(2 * node + 1, mid, hi);
	}

	/**
	 * Chooses the axis, partitions {@code [lo, hi)} around its median and returns the
	 * median position.
	 */
	private int splitRange(int node, int lo, int hi) {
		double minX = Double.POSITIVE_INFINITY;
		double maxX = Double.NEGATIVE_INFINITY;
		double minY = Double.POSITIVE_INFINITY;
		double maxY = Double.NEGATIVE_INFINITY;
		for (int i = lo; i < hi; i++) {
			double px = xs[i];
			double py = ys[i];
			minX = Math.min(minX, px);
			maxX = Math.max(maxX, px);
			minY = Math.min(minY, py);
			maxY = Math.max(maxY, py);
		}
		boolean onX = maxX - minX >= maxY - minY;
		int mid = (lo + hi) >>> 1;
		select(onX ? xs : ys, lo, hi - 1, mid);
		splitOnX[node] = onX;
		split[node] = onX ? xs[mid] : ys[mid];
		return mid;
	}

	/**
	 * Hoare quickselect: afterwards {@code key[k]} is in its sorted place,
	 * smaller-or-equal keys before it.
	 */
	private void select(double[] key, int left, int right, int k) {
		while (right > left) {
			int middle = (left + right) >>> 1;
			// median of three as pivot, which also guards against sorted input
			if (key[middle] < key[left]) {
				swap(left, middle);
			}
			if (key[right] < key[left]) {
				swap(left, right);
			}
			if (key[right] < key[middle]) {
				swap(middle, right);
			}
			double pivot = key[middle];
			int i = left;
			int j = right;
			while (i <= j) {
				while (key[i] < pivot) {
					i++;
				}
				while (key[j] > pivot) {
					j--;
				}
				if (i <= j) {
					swap(i, j);
					i++;
					j--;
				}
			}
			if (k <= j) {
				right = j;
			}
			else if (k >= i) {
				left = i;
			}
			else {
				return;
			}
		}
	}

	private void swap(int a, int b) {
		double tx = xs[a];
		xs[a] = xs[b];
		xs[b] = tx;
		double ty = ys[a];
		ys[a] = ys[b];
		ys[b] = ty;
		int ti = ids[a];
		ids[a] = ids[b];
		ids[b] = ti;
	}

	/**
	 * Finds the {@code k} points nearest to a query point, other than the point
	 * {@code self}; ties in distance go to the lower original index. Not thread-safe: one
	 * searcher per thread.
	 */
	final class NearestSearch {

		private final int k;

		private final double[] bestDistance;

		private final int[] bestId;

		private int found;

		private double qx;

		private double qy;

		private int self;

		NearestSearch(int k) {
			this.k = k;
			this.bestDistance = new double[k];
			this.bestId = new int[k];
		}

		/**
		 * Writes the original indices of the k nearest points (nearest first) into
		 * {@code out} at {@code offset}.
		 */
		void search(double x, double y, int selfId, int[] out, int offset) {
			this.qx = x;
			this.qy = y;
			this.self = selfId;
			this.found = 0;
			visit(1, 0, size);
			System.arraycopy(bestId, 0, out, offset, found);
		}

		private double worst() {
			return found < k ? Double.POSITIVE_INFINITY : bestDistance[k - 1];
		}

		private void visit(int node, int lo, int hi) {
			if (hi - lo <= LEAF_SIZE) {
				for (int i = lo; i < hi; i++) {
					int id = ids[i];
					if (id == self) {
						continue;
					}
					double dx = xs[i] - qx;
					double dy = ys[i] - qy;
					offer(dx * dx + dy * dy, id);
				}
				return;
			}
			int mid = (lo + hi) >>> 1;
			double diff = (splitOnX[node] ? qx : qy) - split[node];
			if (diff < 0) {
				visit(2 * node, lo, mid);
				if (diff * diff <= worst()) {
					visit(2 * node + 1, mid, hi);
				}
			}
			else {
				visit(2 * node + 1, mid, hi);
				if (diff * diff <= worst()) {
					visit(2 * node, lo, mid);
				}
			}
		}

		private void offer(double d2, int id) {
			if (found == k) {
				double worstD = bestDistance[k - 1];
				if (d2 > worstD || (d2 == worstD && id > bestId[k - 1])) {
					return;
				}
			}
			else {
				found++;
			}
			int i = found - 1;
			while (i > 0 && (bestDistance[i - 1] > d2 || (bestDistance[i - 1] == d2 && bestId[i - 1] > id))) {
				bestDistance[i] = bestDistance[i - 1];
				bestId[i] = bestId[i - 1];
				i--;
			}
			bestDistance[i] = d2;
			bestId[i] = id;
		}

	}

	/** Receives the points found by a radius search. */
	interface Sink {

		void accept(int id);

	}

	/**
	 * Reports every point other than {@code self} within {@code radius} (inclusive) of a
	 * query point.
	 */
	void withinRadius(double x, double y, double radius, int self, Sink sink) {
		radiusVisit(1, 0, size, x, y, radius, radius * radius, self, sink);
	}

	private void radiusVisit(int node, int lo, int hi, double x, double y, double radius, double r2, int self,
			Sink sink) {
		if (hi - lo <= LEAF_SIZE) {
			for (int i = lo; i < hi; i++) {
				double dx = xs[i] - x;
				double dy = ys[i] - y;
				if (dx * dx + dy * dy <= r2 && ids[i] != self) {
					sink.accept(ids[i]);
				}
			}
			return;
		}
		int mid = (lo + hi) >>> 1;
		double diff = (splitOnX[node] ? x : y) - split[node];
		if (diff <= radius) {
			radiusVisit(2 * node, lo, mid, x, y, radius, r2, self, sink);
		}
		if (diff >= -radius) {
			radiusVisit(2 * node + 1, mid, hi, x, y, radius, r2, self, sink);
		}
	}

}
