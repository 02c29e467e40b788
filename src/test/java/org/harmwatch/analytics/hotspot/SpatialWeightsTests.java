package org.harmwatch.analytics.hotspot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Neighbour constructions against brute force and small hand-drawn maps.
 */
class SpatialWeightsTests {

	static final GeometryFactory geometries = new GeometryFactory();

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 8, 15 })
	void kNearestIsTheBruteForceAnswerWithTiesToTheLowerIndex(int k) {
		// integer lattice coordinates with duplicates: many equal distances
		Random random = new Random(k);
		int n = 1500;
		double[] x = new double[n];
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = random.nextInt(40);
			y[i] = random.nextInt(40);
		}
		SpatialWeights weights = SpatialWeights.kNearest(x, y, k);
		for (int i = 0; i < n; i++) {
			assertThat(weights.neighbours(i)).as("neighbours of %d", i).containsExactly(bruteForceNearest(x, y, i, k));
		}
	}

	@Test
	void kNearestOnALargeInputRunsInParallelAndStillAgreesWithBruteForce() {
		Random random = new Random(3);
		int n = 60_000;
		double[] x = random.doubles(n, 0, 25_000).toArray();
		double[] y = random.doubles(n, 0, 25_000).toArray();
		SpatialWeights weights = SpatialWeights.kNearest(x, y, 8);
		assertThat(weights.pairCount()).isEqualTo(8 * n);
		for (int i = 0; i < n; i += 97) {
			assertThat(weights.neighbours(i)).containsExactly(bruteForceNearest(x, y, i, 8));
		}
	}

	@Test
	void kNearestNeedsFewerNeighboursThanAreasAndFiniteCoordinates() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.kNearest(new double[] { 0, 1 }, new double[] { 0, 1 }, 2))
			.withMessageContaining("k must be");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.kNearest(new double[] { 0 }, new double[] { 0 }, 1))
			.withMessageContaining("less than the number of areas (1)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.kNearest(new double[] { 0, Double.NaN, 2 }, new double[] { 0, 1, 2 }, 1))
			.withMessageContaining("area 1");
	}

	@Test
	void twoAreasAreEachOthersNearest() {
		SpatialWeights weights = SpatialWeights.kNearest(new double[] { 0, 5 }, new double[] { 0, 0 }, 1);
		assertThat(weights.neighbours(0)).containsExactly(1);
		assertThat(weights.neighbours(1)).containsExactly(0);
	}

	@Test
	void distanceBandIsInclusiveAndAgreesWithBruteForce() {
		Random random = new Random(11);
		int n = 30_000;
		double[] x = new double[n];
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			// a 3-4-5 lattice step puts many pairs at exactly the band distance 5
			x[i] = 3 * random.nextInt(300);
			y[i] = 4 * random.nextInt(300);
		}
		SpatialWeights weights = SpatialWeights.distanceBand(x, y, 5);
		for (int i = 0; i < n; i += 13) {
			List<Integer> expected = new ArrayList<>();
			for (int j = 0; j < n; j++) {
				double dx = x[i] - x[j];
				double dy = y[i] - y[j];
				if (j != i && Math.sqrt(dx * dx + dy * dy) <= 5) {
					expected.add(j);
				}
			}
			assertThat(weights.neighbours(i)).as("neighbours of %d", i)
				.containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
		}
	}

	@Test
	void distanceBandZeroJoinsOnlyAreasAtTheSamePlaceAndMayLeaveAreasAlone() {
		SpatialWeights weights = SpatialWeights.distanceBand(new double[] { 0, 0, 1 }, new double[] { 2, 2, 2 }, 0);
		assertThat(weights.neighbours(0)).containsExactly(1);
		assertThat(weights.neighbours(1)).containsExactly(0);
		assertThat(weights.neighbours(2)).isEmpty();
		assertThat(SpatialWeights.distanceBand(new double[] { 7 }, new double[] { 7 }, 100).neighbourCount(0)).isZero();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.distanceBand(new double[] { 0 }, new double[] { 0 }, -1));
	}

	@Test
	void queenTakesCornersAndRookOnlyEdges() {
		// 0 | 1 a 2 x 2 block of unit squares
		// 2 | 3
		List<Geometry> squares = List.of(square(0, 1), square(1, 1), square(0, 0), square(1, 0));
		SpatialWeights queen = SpatialWeights.contiguity(squares, Contiguity.QUEEN);
		SpatialWeights rook = SpatialWeights.contiguity(squares, Contiguity.ROOK);
		assertThat(queen.neighbours(0)).containsExactly(1, 2, 3);
		assertThat(rook.neighbours(0)).containsExactly(1, 2);
		assertThat(rook.neighbours(3)).containsExactly(1, 2);
	}

	@Test
	void contiguityReadsHolesAndMultiPolygonsAndSnapsNearlyEqualVertices() {
		// a 3x3 square with a 1x1 hole; an island fills the hole; a multipolygon part
		// touches the outer corner
		Polygon ring = geometries.createPolygon(shell(0, 0, 3, 3), new LinearRing[] { shell(1, 1, 2, 2) });
		Polygon island = square(1, 1);
		Geometry twoParts = geometries.createMultiPolygon(new Polygon[] { square(10, 10), square(3, 3) });
		Polygon almost = geometries.createPolygon(shell(3 + 1e-9, 0, 4, 3)); // shares x =
																				// 3
																				// within
																				// the
																				// default
																				// snap
		Polygon apart = square(-1 - 1e-6, 0); // 1e-6 away: beyond the default snap
		List<Geometry> areas = List.of(ring, island, twoParts, almost, apart);
		SpatialWeights rook = SpatialWeights.contiguity(areas, Contiguity.ROOK);
		SpatialWeights queen = SpatialWeights.contiguity(areas, Contiguity.QUEEN);
		assertThat(rook.neighbours(0)).containsExactly(1, 3);
		assertThat(queen.neighbours(0)).containsExactly(1, 2, 3);
		assertThat(queen.neighbours(4)).isEmpty();
		assertThat(SpatialWeights.contiguity(areas, Contiguity.QUEEN, 1e-5).neighbours(4)).containsExactly(0);
	}

	@Test
	void aTJunctionWithoutASharedVertexIsNotContiguityAsInSpdep() {
		// the small square's corner (1, 0.5) lies on the big square's edge, but is no
		// vertex of it
		Polygon big = geometries.createPolygon(shell(0, 0, 1, 1));
		Polygon small = geometries.createPolygon(shell(1, 0.5, 1.5, 1.0));
		SpatialWeights queen = SpatialWeights.contiguity(List.of(big, small), Contiguity.QUEEN);
		// they share the vertex (1, 1) only
		assertThat(queen.neighbours(0)).containsExactly(1);
		assertThat(SpatialWeights.contiguity(List.of(big, small), Contiguity.ROOK).neighbours(0)).isEmpty();
	}

	@Test
	void contiguityRejectsWhatIsNotAPolygon() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.contiguity(List.of(geometries.createPoint(new Coordinate(0, 0))),
					Contiguity.QUEEN))
			.withMessageContaining("Point");
	}

	@Test
	void edgesAreUsedAsGivenSortedAndWithoutRepeats() {
		SpatialWeights weights = SpatialWeights.fromEdges(4, new int[] { 0, 0, 0, 2 }, new int[] { 3, 1, 3, 0 });
		assertThat(weights.neighbours(0)).containsExactly(1, 3);
		assertThat(weights.neighbours(1)).isEmpty();
		assertThat(weights.neighbours(2)).containsExactly(0);
		assertThat(weights.isBinary()).isTrue();
		assertThat(weights.weights(0)).containsExactly(1.0, 1.0);
		SpatialWeights weighted = SpatialWeights.fromEdges(3, new int[] { 0, 0 }, new int[] { 2, 1 },
				new double[] { 0.25, 4 });
		assertThat(weighted.neighbours(0)).containsExactly(1, 2);
		assertThat(weighted.weights(0)).containsExactly(4.0, 0.25);
	}

	@Test
	void edgesRejectSelfPairsUnknownAreasAndBadWeights() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.fromEdges(2, new int[] { 1 }, new int[] { 1 }))
			.withMessageContaining("itself");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.fromEdges(2, new int[] { 0 }, new int[] { 2 }))
			.withMessageContaining("outside 0..1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.fromEdges(2, new int[] { 0 }, new int[] { 1 }, new double[] { -1 }));
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> SpatialWeights.fromEdges(2, new int[] { 0, 0 }, new int[] { 1, 1 }, new double[] { 1, 2 }))
			.withMessageContaining("twice");
	}

	@Test
	void symmetrisingAddsExactlyTheMissingReversePairs() {
		Random random = new Random(5);
		int n = 2000;
		double[] x = random.doubles(n).toArray();
		double[] y = random.doubles(n).toArray();
		SpatialWeights knn = SpatialWeights.kNearest(x, y, 4);
		SpatialWeights symmetric = knn.symmetrised();
		boolean[][] original = adjacency(knn);
		boolean[][] mutual = adjacency(symmetric);
		boolean someAdded = false;
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				assertThat(mutual[i][j]).isEqualTo(original[i][j] || original[j][i]);
				someAdded |= mutual[i][j] && !original[i][j];
			}
		}
		assertThat(someAdded).as("k nearest is not symmetric to begin with").isTrue();
		assertThatThrownBy(
				() -> SpatialWeights.fromEdges(2, new int[] { 0 }, new int[] { 1 }, new double[] { 2 }).symmetrised())
			.isInstanceOf(UnsupportedOperationException.class);
	}

	static boolean[][] adjacency(SpatialWeights weights) {
		boolean[][] adjacent = new boolean[weights.size()][weights.size()];
		for (int i = 0; i < weights.size(); i++) {
			for (int j : weights.neighbours(i)) {
				adjacent[i][j] = true;
			}
		}
		return adjacent;
	}

	/**
	 * The k nearest other points by a plain scan, equal distances to the lower index, in
	 * ascending index order.
	 */
	static int[] bruteForceNearest(double[] x, double[] y, int i, int k) {
		double[] bestD = new double[k];
		int[] best = new int[k];
		int found = 0;
		for (int j = 0; j < x.length; j++) {
			if (j == i) {
				continue;
			}
			double d = (x[j] - x[i]) * (x[j] - x[i]) + (y[j] - y[i]) * (y[j] - y[i]);
			if (found == k && d >= bestD[k - 1]) {
				continue; // j is larger than every kept index, so a tie loses
			}
			int slot = found < k ? found++ : k - 1;
			while (slot > 0 && bestD[slot - 1] > d) {
				bestD[slot] = bestD[slot - 1];
				best[slot] = best[slot - 1];
				slot--;
			}
			bestD[slot] = d;
			best[slot] = j;
		}
		return IntStream.of(best).limit(found).sorted().toArray();
	}

	static Polygon square(double x, double y) {
		return geometries.createPolygon(shell(x, y, x + 1, y + 1));
	}

	static LinearRing shell(double x0, double y0, double x1, double y1) {
		return geometries.createLinearRing(new Coordinate[] { new Coordinate(x0, y0), new Coordinate(x1, y0),
				new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0) });
	}

}
