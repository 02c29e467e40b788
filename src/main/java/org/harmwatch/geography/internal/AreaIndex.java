package org.harmwatch.geography.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Finds which of one level's areas contains a point: an STR-tree of bounding boxes, then
 * a prepared point-in-polygon test on the few candidates.
 *
 * <p>
 * Immutable and safe to share between threads once built. Coordinates are longitude (x)
 * and latitude (y) in WGS84 degrees. Results are deterministic: a point on a boundary
 * shared by several areas goes to the one whose interior holds it, else to the lowest
 * code; a point in no area goes to the nearest area within the tolerance, else to none.
 */
public final class AreaIndex {

	/**
	 * Metres per degree of latitude (and of longitude at the equator), on a sphere of the
	 * WGS84 mean radius.
	 */
	static final double METRES_PER_DEGREE = 111_195.0;

	private record Entry(String code, Geometry geometry, PreparedGeometry prepared) {
	}

	private static final Comparator<Entry> BY_CODE = Comparator.comparing(Entry::code);

	private final STRtree tree;

	private final Map<String, Entry> byCode;

	private final double toleranceMetres;

	private final GeometryFactory factory;

	/**
	 * Builds the index.
	 * @param areas each area's polygonal boundary, by code
	 * @param toleranceMetres how far outside every boundary a point may lie and still be
	 * given the nearest area
	 */
	public AreaIndex(Map<String, Geometry> areas, double toleranceMetres) {
		this.toleranceMetres = Math.max(0, toleranceMetres);
		this.factory = new GeometryFactory();
		var entries = new java.util.HashMap<String, Entry>();
		var tree = new STRtree();
		var preparer = new PreparedGeometryFactory();
		for (var area : areas.entrySet()) {
			var geometry = area.getValue();
			var prepared = preparer.create(geometry);
			// Prepared geometries build their own indexes on first use; do it now, before
			// the index is shared.
			prepared.covers(geometry.getInteriorPoint());
			var entry = new Entry(area.getKey(), geometry, prepared);
			entries.put(entry.code(), entry);
			tree.insert(geometry.getEnvelopeInternal(), entry);
		}
		tree.build();
		this.tree = tree;
		this.byCode = Map.copyOf(entries);
	}

	/** The number of areas indexed. */
	public int size() {
		return byCode.size();
	}

	/**
	 * The code of the area that contains the point, or of the nearest within the
	 * tolerance.
	 */
	public Optional<String> locate(double lon, double lat) {
		var point = factory.createPoint(new Coordinate(lon, lat));
		var covering = new ArrayList<Entry>(2);
		for (var entry : candidates(point.getEnvelopeInternal())) {
			if (entry.prepared().covers(point)) {
				covering.add(entry);
			}
		}
		if (covering.size() == 1) {
			return Optional.of(covering.getFirst().code());
		}
		if (covering.size() > 1) {
			// On a shared boundary (or where generalised boundaries overlap): prefer an
			// interior, then the lowest code.
			return covering.stream()
				.filter(entry -> entry.prepared().contains(point))
				.min(BY_CODE)
				.or(() -> covering.stream().min(BY_CODE))
				.map(Entry::code);
		}
		return nearestWithinTolerance(point);
	}

	/**
	 * The areas whose boundaries touch or overlap the given area's, within about a metre
	 * (for gaps left by rounding).
	 */
	public List<String> neighbours(String code) {
		var entry = byCode.get(code);
		if (entry == null) {
			return List.of();
		}
		double slack = 1.0 / METRES_PER_DEGREE;
		var envelope = new Envelope(entry.geometry().getEnvelopeInternal());
		envelope.expandBy(slack * 2);
		var result = new TreeSet<String>();
		for (var other : candidates(envelope)) {
			if (other.code().equals(code)) {
				continue;
			}
			if (entry.prepared().intersects(other.geometry())
					|| entry.geometry().isWithinDistance(other.geometry(), slack)) {
				result.add(other.code());
			}
		}
		return List.copyOf(result);
	}

	private Optional<String> nearestWithinTolerance(Point point) {
		if (toleranceMetres <= 0) {
			return Optional.empty();
		}
		double lat = point.getY();
		double cosLat = Math.max(Math.cos(Math.toRadians(lat)), 0.01);
		double dLat = toleranceMetres / METRES_PER_DEGREE;
		double dLon = dLat / cosLat;
		var envelope = new Envelope(point.getX() - dLon, point.getX() + dLon, lat - dLat, lat + dLat);
		Entry best = null;
		double bestDistance = Double.MAX_VALUE;
		for (var entry : candidates(envelope)) {
			var nearest = DistanceOp.nearestPoints(entry.geometry(), point)[0];
			double metres = metres(point.getCoordinate(), nearest, cosLat);
			if (metres <= toleranceMetres && (metres < bestDistance
					|| (metres == bestDistance && best != null && entry.code().compareTo(best.code()) < 0))) {
				best = entry;
				bestDistance = metres;
			}
		}
		return Optional.ofNullable(best).map(Entry::code);
	}

	/**
	 * Distance in metres between two nearby points (equirectangular: exact enough within
	 * a few kilometres).
	 */
	static double metres(Coordinate a, Coordinate b, double cosLat) {
		double dx = (a.x - b.x) * cosLat;
		double dy = a.y - b.y;
		return Math.sqrt(dx * dx + dy * dy) * METRES_PER_DEGREE;
	}

	@SuppressWarnings("unchecked")
	private List<Entry> candidates(Envelope envelope) {
		return (List<Entry>) tree.query(envelope);
	}

}
