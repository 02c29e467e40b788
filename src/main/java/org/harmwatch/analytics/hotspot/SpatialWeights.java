package org.harmwatch.analytics.hotspot;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Who is whose neighbour, and with what weight: the spatial weights of a hotspot
 * statistic.
 *
 * <p>
 * Areas are numbered {@code 0..n-1} in the order of the caller's arrays. An area is never
 * listed as its own neighbour here; {@link GetisOrdGiStar} adds every area to its own
 * neighbourhood with weight 1 (that is the star in Gi*). Neighbours of an area are kept
 * in ascending index order. Weights are binary (every neighbour weighs 1) unless given
 * with {@link #fromEdges(int, int[], int[], double[])}.
 *
 * <p>
 * The constructions follow {@code spdep} (and so ArcGIS and GeoDa):
 * <ul>
 * <li>{@link #kNearest(double[], double[], int)}: the k nearest <em>other</em> areas by
 * Euclidean distance, not symmetrised (j may be among i's nearest without i being among
 * j's); {@link #symmetrised()} adds the missing pairs like {@code spdep::make.sym.nb}.
 * Equal distances are broken by the lower index (spdep breaks them arbitrarily, so
 * results can differ on a lattice; on real coordinates ties do not occur).</li>
 * <li>{@link #distanceBand(double[], double[], double)}: every other area at distance
 * {@code 0 <= d <= D} (inclusive), like {@code spdep::dnearneigh(coords, 0, D)}. An area
 * may end up with no neighbours.</li>
 * <li>{@link #contiguity(List, Contiguity)}: polygons that share one (queen) or two
 * (rook) vertices, within a snap distance, like {@code spdep::poly2nb}. Shared boundary
 * points that are a vertex of only one of the polygons (T-junctions) do not count, as in
 * spdep.</li>
 * <li>{@link #fromEdges(int, int[], int[])}: a neighbour list built elsewhere, used as
 * given.</li>
 * </ul>
 *
 * <p>
 * k-nearest and distance-band searches use a 2-d tree and run on the common fork-join
 * pool for large inputs. Instances are immutable.
 */
public final class SpatialWeights {

	/**
	 * The snap distance {@code spdep::poly2nb} uses by default: the square root of the
	 * machine epsilon.
	 */
	public static final double DEFAULT_SNAP = Math.sqrt(Math.ulp(1.0));

	private final int size;

	private final int[] offsets;

	private final int[] neighbours;

	private final double @Nullable [] weights;

	SpatialWeights(int size, int[] offsets, int[] neighbours, double @Nullable [] weights) {
		this.size = size;
		this.offsets = offsets;
		this.neighbours = neighbours;
		this.weights = weights;
	}

	/**
	 * The k nearest other areas of every area, by Euclidean distance between the given
	 * points (centroids).
	 * @param x the x coordinate of each area
	 * @param y the y coordinate of each area
	 * @param k how many neighbours each area gets; at least 1 and less than the number of
	 * areas
	 * @return binary weights, not symmetrised
	 */
	public static SpatialWeights kNearest(double[] x, double[] y, int k) {
		return PointNeighbours.kNearest(x, y, k);
	}

	/**
	 * Every other area within a distance of every area (inclusive), by Euclidean distance
	 * between the given points.
	 * @param x the x coordinate of each area
	 * @param y the y coordinate of each area
	 * @param maxDistance the band: areas at distance {@code d <= maxDistance} are
	 * neighbours; not negative
	 * @return binary weights (symmetric by construction)
	 */
	public static SpatialWeights distanceBand(double[] x, double[] y, double maxDistance) {
		return PointNeighbours.distanceBand(x, y, maxDistance);
	}

	/**
	 * Polygons that touch, with the default snap distance ({@link #DEFAULT_SNAP}, in the
	 * polygons' units).
	 * @param polygons one {@link Polygon} or {@link MultiPolygon} per area
	 * @param rule queen (a shared vertex is enough) or rook (at least two shared
	 * vertices)
	 * @return binary, symmetric weights
	 */
	public static SpatialWeights contiguity(List<? extends Geometry> polygons, Contiguity rule) {
		return contiguity(polygons, rule, DEFAULT_SNAP);
	}

	/**
	 * Polygons that touch: vertices of two polygons closer than {@code snap} count as
	 * shared.
	 * @param polygons one {@link Polygon} or {@link MultiPolygon} per area
	 * @param rule queen (a shared vertex is enough) or rook (at least two shared
	 * vertices)
	 * @param snap the distance within which two vertices are the same point; not negative
	 * @return binary, symmetric weights
	 */
	public static SpatialWeights contiguity(List<? extends Geometry> polygons, Contiguity rule, double snap) {
		return PolygonContiguity.contiguity(polygons, rule, snap);
	}

	/**
	 * A neighbour list made elsewhere, with binary weights: area {@code from[e]} has
	 * neighbour {@code to[e]}. Pairs are used as given (not symmetrised); a pair given
	 * twice counts once.
	 * @param size the number of areas
	 * @param from the area of each pair
	 * @param to the neighbour of each pair, never equal to {@code from}
	 * @return binary weights
	 */
	public static SpatialWeights fromEdges(int size, int[] from, int[] to) {
		return edges(size, from, to, null);
	}

	/**
	 * A neighbour list made elsewhere, with general weights: area {@code from[e]} has
	 * neighbour {@code to[e]} with weight {@code weight[e]}. The area itself still weighs
	 * 1 in Gi*, as in spdep with a {@code glist}.
	 * @param size the number of areas
	 * @param from the area of each pair
	 * @param to the neighbour of each pair, never equal to {@code from}
	 * @param weight the weight of each pair, finite and not negative; a pair may not be
	 * given twice
	 * @return weighted weights
	 */
	public static SpatialWeights fromEdges(int size, int[] from, int[] to, double[] weight) {
		if (weight.length != from.length) {
			throw new IllegalArgumentException("weight has " + weight.length + " entries but from has " + from.length);
		}
		for (int e = 0; e < weight.length; e++) {
			if (!(weight[e] >= 0) || Double.isInfinite(weight[e])) {
				throw new IllegalArgumentException("weight[" + e + "] must be finite and >= 0, but was " + weight[e]);
			}
		}
		return edges(size, from, to, weight);
	}

	private static SpatialWeights edges(int size, int[] from, int[] to, double @Nullable [] weight) {
		if (size < 0) {
			throw new IllegalArgumentException("size must not be negative, but was " + size);
		}
		if (from.length != to.length) {
			throw new IllegalArgumentException("from has " + from.length + " entries but to has " + to.length);
		}
		int[] counts = new int[size];
		for (int e = 0; e < from.length; e++) {
			if (from[e] < 0 || from[e] >= size || to[e] < 0 || to[e] >= size) {
				throw new IllegalArgumentException(
						"edge " + e + " (" + from[e] + " -> " + to[e] + ") refers to an area outside 0.." + (size - 1));
			}
			if (from[e] == to[e]) {
				throw new IllegalArgumentException("edge " + e + " joins area " + from[e]
						+ " to itself; Gi* always includes the area itself, so leave self pairs out");
			}
			counts[from[e]]++;
		}
		int[] offsets = prefixSums(counts);
		int[] fill = Arrays.copyOf(offsets, size);
		int[] targets = new int[from.length];
		double[] weights = weight == null ? null : new double[from.length];
		for (int e = 0; e < from.length; e++) {
			int slot = fill[from[e]]++;
			targets[slot] = to[e];
			if (weights != null) {
				weights[slot] = weight[e];
			}
		}
		// sort each row by neighbour index; drop repeated pairs (binary) or reject them
		// (weighted)
		int[] newOffsets = new int[size + 1];
		int write = 0;
		for (int i = 0; i < size; i++) {
			int start = offsets[i];
			int end = offsets[i + 1];
			if (weights == null) {
				Arrays.sort(targets, start, end);
			}
			else {
				sortByTarget(targets, weights, start, end);
			}
			newOffsets[i] = write;
			for (int s = start; s < end; s++) {
				if (s > start && targets[s] == targets[s - 1]) {
					if (weights != null) {
						throw new IllegalArgumentException(
								"the pair " + i + " -> " + targets[s] + " is given twice with weights");
					}
					continue;
				}
				targets[write] = targets[s];
				if (weights != null) {
					weights[write] = weights[s];
				}
				write++;
			}
		}
		newOffsets[size] = write;
		int[] finalTargets = write == targets.length ? targets : Arrays.copyOf(targets, write);
		return new SpatialWeights(size, newOffsets, finalTargets, weights);
	}

	private static void sortByTarget(int[] targets, double[] weights, int start, int end) {
		for (int i = start + 1; i < end; i++) {
			int t = targets[i];
			double w = weights[i];
			int j = i - 1;
			while (j >= start && targets[j] > t) {
				targets[j + 1] = targets[j];
				weights[j + 1] = weights[j];
				j--;
			}
			targets[j + 1] = t;
			weights[j + 1] = w;
		}
	}

	/**
	 * These weights with every pair made mutual: j is i's neighbour whenever i is j's
	 * ({@code spdep::make.sym.nb}).
	 * @return binary, symmetric weights
	 * @throws UnsupportedOperationException for weighted (non-binary) weights, where the
	 * mutual weight is undefined
	 */
	public SpatialWeights symmetrised() {
		if (weights != null) {
			throw new UnsupportedOperationException("only binary weights can be symmetrised");
		}
		int pairs = neighbours.length;
		int[] from = new int[2 * pairs];
		int[] to = new int[2 * pairs];
		int e = 0;
		for (int i = 0; i < size; i++) {
			for (int s = offsets[i]; s < offsets[i + 1]; s++) {
				from[e] = i;
				to[e] = neighbours[s];
				e++;
				from[e] = neighbours[s];
				to[e] = i;
				e++;
			}
		}
		return fromEdges(size, from, to);
	}

	/** The number of areas. */
	public int size() {
		return size;
	}

	/** How many neighbours area {@code i} has, not counting itself. */
	public int neighbourCount(int i) {
		return offsets[i + 1] - offsets[i];
	}

	/** The neighbours of area {@code i} in ascending order, not including itself. */
	public int[] neighbours(int i) {
		return Arrays.copyOfRange(neighbours, offsets[i], offsets[i + 1]);
	}

	/**
	 * The weights of area {@code i}'s neighbours, in the order of
	 * {@link #neighbours(int)}.
	 */
	public double[] weights(int i) {
		if (weights == null) {
			double[] ones = new double[neighbourCount(i)];
			Arrays.fill(ones, 1.0);
			return ones;
		}
		return Arrays.copyOfRange(weights, offsets[i], offsets[i + 1]);
	}

	/** Whether every neighbour weighs 1. */
	public boolean isBinary() {
		return weights == null;
	}

	/** The total number of (directed) neighbour pairs. */
	public int pairCount() {
		return neighbours.length;
	}

	int[] offsetsArray() {
		return offsets;
	}

	int[] neighboursArray() {
		return neighbours;
	}

	double @Nullable [] weightsArray() {
		return weights;
	}

	static int[] prefixSums(int[] counts) {
		int[] offsets = new int[counts.length + 1];
		for (int i = 0; i < counts.length; i++) {
			offsets[i + 1] = Math.addExact(offsets[i], counts[i]);
		}
		return offsets;
	}

}
