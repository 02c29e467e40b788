package org.harmwatch.earlywarning.internal.alerts;

import java.util.ArrayList;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * A district's boundary as a CAP polygon: the outer ring of its largest part, simplified
 * until it has at most a bounded number of points, written as closed {@code lat,lon}
 * pairs (CAP's order, not GeoJSON's).
 */
public final class AreaPolygons {

	/**
	 * Enough for a recognisable district outline, small enough for an SMS gateway or a
	 * pager.
	 */
	public static final int MAX_POINTS = 64;

	private AreaPolygons() {
	}

	/** The polygon, or {@code null} when the geometry has no usable ring. */
	public static @Nullable String polygon(Geometry boundary, int maxPoints) {
		Polygon largest = null;
		for (int i = 0; i < boundary.getNumGeometries(); i++) {
			if (boundary.getGeometryN(i) instanceof Polygon p && (largest == null || p.getArea() > largest.getArea())) {
				largest = p;
			}
		}
		if (largest == null) {
			return null;
		}
		Geometry ring = largest.getExteriorRing();
		double tolerance = 0.0005;
		while (ring.getNumPoints() > maxPoints && tolerance < 1) {
			ring = DouglasPeuckerSimplifier.simplify(largest.getExteriorRing(), tolerance);
			tolerance *= 2;
		}
		var points = new ArrayList<String>();
		for (var c : ring.getCoordinates()) {
			var pair = String.format(Locale.ROOT, "%.5f,%.5f", c.y, c.x);
			if (points.isEmpty() || !points.getLast().equals(pair)) {
				points.add(pair);
			}
		}
		if (points.size() < 4 || points.size() > maxPoints || !points.getFirst().equals(points.getLast())) {
			return null;
		}
		return String.join(" ", points);
	}

}
