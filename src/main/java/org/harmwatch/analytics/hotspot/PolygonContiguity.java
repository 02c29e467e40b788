package org.harmwatch.analytics.hotspot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The polygon construction of {@link SpatialWeights}: areas that share vertices, like
 * {@code spdep::poly2nb}.
 *
 * <p>
 * Every polygon's distinct vertices (rings' closing vertices dropped) are swept in x
 * order; two vertices of different areas within the snap distance are one shared point,
 * and a pair of areas needs one (queen) or two (rook) of them.
 */
final class PolygonContiguity {

	private PolygonContiguity() {
	}

	/** See {@link SpatialWeights#contiguity(List, Contiguity, double)}. */
	static SpatialWeights contiguity(List<? extends Geometry> polygons, Contiguity rule, double snap) {
		if (!(snap >= 0) || Double.isInfinite(snap)) {
			throw new IllegalArgumentException("snap must be a finite number >= 0, but was " + snap);
		}
		int n = polygons.size();
		// distinct vertices of each polygon (the closing vertex of every ring dropped)
		Growable.Doubles vx = new Growable.Doubles();
		Growable.Doubles vy = new Growable.Doubles();
		Growable.Ints owner = new Growable.Ints();
		for (int i = 0; i < n; i++) {
			Geometry geometry = polygons.get(i);
			List<Coordinate> vertices = new ArrayList<>();
			if (geometry instanceof Polygon polygon) {
				addVertices(polygon, vertices);
			}
			else if (geometry instanceof MultiPolygon multi) {
				for (int part = 0; part < multi.getNumGeometries(); part++) {
					addVertices((Polygon) multi.getGeometryN(part), vertices);
				}
			}
			else {
				throw new IllegalArgumentException("area " + i + " is a " + geometry.getGeometryType()
						+ "; contiguity needs a Polygon or MultiPolygon");
			}
			vertices.sort(null);
			Coordinate previous = null;
			for (Coordinate c : vertices) {
				if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
					throw new IllegalArgumentException("area " + i + " has a vertex that is not a finite number");
				}
				if (previous == null || !previous.equals2D(c)) {
					vx.add(c.x);
					vy.add(c.y);
					owner.add(i);
				}
				previous = c;
			}
		}
		int vertexCount = owner.size;
		double[] xs = vx.toArray();
		double[] ys = vy.toArray();
		int[] owners = owner.toArray();
		int[] order = IntStream.range(0, vertexCount)
			.boxed()
			.sorted((a, b) -> Double.compare(xs[a], xs[b]))
			.mapToInt(Integer::intValue)
			.toArray();
		Map<Long, Integer> shared = new HashMap<>();
		for (int a = 0; a < vertexCount; a++) {
			int va = order[a];
			for (int b = a + 1; b < vertexCount && xs[order[b]] - xs[va] <= snap; b++) {
				int vb = order[b];
				if (owners[va] == owners[vb] || Math.abs(ys[vb] - ys[va]) > snap
						|| Math.hypot(xs[vb] - xs[va], ys[vb] - ys[va]) > snap) {
					continue;
				}
				int lo = Math.min(owners[va], owners[vb]);
				int hi = Math.max(owners[va], owners[vb]);
				shared.merge(((long) lo << 32) | hi, 1, Integer::sum);
			}
		}
		int needed = rule == Contiguity.QUEEN ? 1 : 2;
		Growable.Ints from = new Growable.Ints();
		Growable.Ints to = new Growable.Ints();
		for (Map.Entry<Long, Integer> pair : shared.entrySet()) {
			if (pair.getValue() >= needed) {
				int lo = (int) (pair.getKey() >>> 32);
				int hi = (int) (long) pair.getKey();
				from.add(lo);
				to.add(hi);
				from.add(hi);
				to.add(lo);
			}
		}
		return SpatialWeights.fromEdges(n, from.toArray(), to.toArray());
	}

	private static void addVertices(Polygon polygon, List<Coordinate> vertices) {
		addRing(polygon.getExteriorRing(), vertices);
		for (int hole = 0; hole < polygon.getNumInteriorRing(); hole++) {
			addRing(polygon.getInteriorRingN(hole), vertices);
		}
	}

	private static void addRing(LinearRing ring, List<Coordinate> vertices) {
		Coordinate[] coordinates = ring.getCoordinates();
		int count = coordinates.length;
		if (count > 1 && coordinates[0].equals2D(coordinates[count - 1])) {
			count--;
		}
		for (int i = 0; i < count; i++) {
			vertices.add(coordinates[i]);
		}
	}

}
