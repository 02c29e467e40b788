package org.harmwatch.analytics.hotspot;

import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.harmwatch.analytics.hotspot.SpatialWeightsTests.square;

/**
 * The limits of the spatial weights' inputs, each at the value that is still allowed and
 * the first that is not: a snap distance of zero (exactly shared vertices only), zero
 * areas, an edge to the area just past the last, a weight of zero, coordinates checked by
 * the distance band; and the neighbour counts once repeated pairs are dropped.
 */
class SpatialWeightsLimitsTests {

	@Test
	void aSnapOfZeroStillJoinsPolygonsThatShareVerticesExactly() {
		List<Geometry> squares = List.of(square(0, 1), square(1, 1), square(0, 0), square(1, 0));
		SpatialWeights queen = SpatialWeights.contiguity(squares, Contiguity.QUEEN, 0.0);
		SpatialWeights rook = SpatialWeights.contiguity(squares, Contiguity.ROOK, 0.0);
		assertThat(queen.neighbours(0)).containsExactly(1, 2, 3);
		assertThat(rook.neighbours(0)).containsExactly(1, 2);
		assertThat(rook.neighbours(3)).containsExactly(1, 2);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.contiguity(squares, Contiguity.QUEEN, -1e-300));
	}

	@Test
	void zeroAreasAreAllowedAndNegativeOnesAreNot() {
		SpatialWeights none = SpatialWeights.fromEdges(0, new int[0], new int[0]);
		assertThat(none.size()).isZero();
		assertThat(none.pairCount()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> SpatialWeights.fromEdges(-1, new int[0], new int[0]));
	}

	@Test
	void anEdgeFromOrToTheAreaJustPastTheLastIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.fromEdges(2, new int[] { 2 }, new int[] { 0 }))
			.withMessageContaining("outside 0..1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.fromEdges(2, new int[] { 0 }, new int[] { 2 }))
			.withMessageContaining("outside 0..1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.fromEdges(2, new int[] { -1 }, new int[] { 0 }))
			.withMessageContaining("outside 0..1");
	}

	@Test
	void aWeightOfZeroIsAllowed() {
		SpatialWeights weighted = SpatialWeights.fromEdges(2, new int[] { 0, 1 }, new int[] { 1, 0 },
				new double[] { 0, 2 });
		assertThat(weighted.weights(0)).containsExactly(0.0);
		assertThat(weighted.weights(1)).containsExactly(2.0);
	}

	@Test
	void repeatedPairsAreCountedOnce() {
		SpatialWeights weights = SpatialWeights.fromEdges(3, new int[] { 0, 0, 0, 2, 2 }, new int[] { 1, 1, 2, 1, 1 });
		assertThat(weights.pairCount()).isEqualTo(3);
		assertThat(weights.neighbourCount(0)).isEqualTo(2);
		assertThat(weights.neighbourCount(1)).isZero();
		assertThat(weights.neighbourCount(2)).isEqualTo(1);
		assertThat(weights.symmetrised().pairCount()).isEqualTo(6);
	}

	@Test
	void theDistanceBandChecksItsCoordinatesLikeTheNearestNeighbours() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.distanceBand(new double[] { 0, Double.NaN }, new double[] { 0, 1 }, 1))
			.withMessageContaining("not a finite number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpatialWeights.distanceBand(new double[] { 0, 1 }, new double[] { 0 }, 1))
			.withMessageContaining("coordinates");
	}

}
