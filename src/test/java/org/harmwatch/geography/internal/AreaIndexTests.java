package org.harmwatch.geography.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The point index on a few squares small enough to reason about by hand (longitude x,
 * latitude y, near 52° N).
 */
class AreaIndexTests {

	static final GeometryFactory geometries = new GeometryFactory();

	/** A square of the given side with its south-west corner at (x, y). */
	static Geometry square(double x, double y, double side) {
		return geometries.createPolygon(ring(x, y, side));
	}

	static LinearRing ring(double x, double y, double side) {
		return geometries.createLinearRing(new Coordinate[] { new Coordinate(x, y), new Coordinate(x + side, y),
				new Coordinate(x + side, y + side), new Coordinate(x, y + side), new Coordinate(x, y) });
	}

	/**
	 * West and East share the edge x = -1.9; Ring is a square around a hole; Far lies
	 * apart.
	 */
	static final Map<String, Geometry> AREAS = Map.of("E0000000W", square(-2.0, 52.0, 0.1), "E0000000E",
			square(-1.9, 52.0, 0.1), "E0000000R",
			geometries.createPolygon(ring(-1.5, 52.0, 0.3), new LinearRing[] { ring(-1.4, 52.1, 0.1) }), "E0000000F",
			square(0.0, 51.0, 0.1));

	@Test
	void findsTheAreaWhoseInteriorHoldsThePoint() {
		var index = new AreaIndex(AREAS, 0);
		assertThat(index.size()).isEqualTo(4);
		assertThat(index.locate(-1.95, 52.05)).contains("E0000000W");
		assertThat(index.locate(-1.85, 52.05)).contains("E0000000E");
		assertThat(index.locate(-1.45, 52.05)).contains("E0000000R");
		assertThat(index.locate(0.05, 51.05)).contains("E0000000F");
	}

	@Test
	void givesAPointOnASharedBoundaryToExactlyOneAreaTheSameEveryTime() {
		var index = new AreaIndex(AREAS, 0);
		for (int i = 0; i < 3; i++) {
			// On the shared edge: both cover it, neither contains it; the lowest code
			// wins.
			assertThat(index.locate(-1.9, 52.05)).contains("E0000000E");
			// A corner shared by the two squares.
			assertThat(index.locate(-1.9, 52.0)).contains("E0000000E");
		}
		// The same point is found by an index built in another order.
		var reversed = new java.util.LinkedHashMap<String, Geometry>();
		reversed.put("E0000000W", AREAS.get("E0000000W"));
		reversed.put("E0000000E", AREAS.get("E0000000E"));
		assertThat(new AreaIndex(reversed, 0).locate(-1.9, 52.05)).contains("E0000000E");
	}

	@Test
	void prefersAnAreaWhoseInteriorHoldsThePointOverOneWhoseEdgeDoes() {
		// Generalised boundaries can overlap: the point is on A's edge but inside B.
		var overlapping = Map.of("E0000000A", square(0, 0, 1), "E0000000B", square(0.5, 0.5, 1));
		var index = new AreaIndex(overlapping, 0);
		assertThat(index.locate(1.0, 0.75)).contains("E0000000B");
		// Inside both: the lowest code.
		assertThat(index.locate(0.75, 0.75)).contains("E0000000A");
	}

	@Test
	void findsNothingInAHoleOrOutsideEveryArea() {
		var index = new AreaIndex(AREAS, 0);
		assertThat(index.locate(-1.35, 52.15)).isEmpty(); // in Ring's hole
		assertThat(index.locate(-1.7, 52.05)).isEmpty(); // between the squares and Ring
		assertThat(index.locate(-0.1278, 51.5074)).isEmpty(); // London
		assertThat(new AreaIndex(Map.of(), 50).locate(-1.9, 52.4)).isEmpty();
	}

	@Test
	void givesAPointJustOutsideEveryAreaTheNearestWithinTheTolerance() {
		// 0.0003° of latitude is about 33 m.
		double justSouth = 52.0 - 0.0003;
		assertThat(new AreaIndex(AREAS, 0).locate(-1.95, justSouth)).isEmpty();
		assertThat(new AreaIndex(AREAS, 50).locate(-1.95, justSouth)).contains("E0000000W");
		assertThat(new AreaIndex(AREAS, 20).locate(-1.95, justSouth)).isEmpty();
		// Equally near two areas: the lowest code.
		assertThat(new AreaIndex(AREAS, 50).locate(-1.9, justSouth)).contains("E0000000E");
		// A hole wider than the tolerance stays empty in its middle, but its rim goes to
		// the area around it.
		assertThat(new AreaIndex(AREAS, 50).locate(-1.35, 52.15)).isEmpty();
		assertThat(new AreaIndex(AREAS, 50).locate(-1.35, 52.1 + 0.0003)).contains("E0000000R");
	}

	@Test
	void findsTheAreasThatShareABoundary() {
		var index = new AreaIndex(AREAS, 0);
		assertThat(index.neighbours("E0000000W")).containsExactly("E0000000E");
		assertThat(index.neighbours("E0000000E")).containsExactly("E0000000W");
		assertThat(index.neighbours("E0000000F")).isEmpty();
		assertThat(index.neighbours("NO-SUCH-AREA")).isEmpty();
	}

	@Test
	void measuresShortDistancesInMetres() {
		double cosLat = Math.cos(Math.toRadians(52));
		// One hundredth of a degree of latitude is about 1.11 km.
		assertThat(AreaIndex.metres(new Coordinate(-1.9, 52.0), new Coordinate(-1.9, 52.01), cosLat)).isBetween(1100.0,
				1125.0);
		// One hundredth of a degree of longitude at 52° N is about 0.68 km.
		assertThat(AreaIndex.metres(new Coordinate(-1.9, 52.0), new Coordinate(-1.89, 52.0), cosLat)).isBetween(675.0,
				695.0);
	}

}
