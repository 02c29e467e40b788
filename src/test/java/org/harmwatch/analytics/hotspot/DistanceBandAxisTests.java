package org.harmwatch.analytics.hotspot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distance band is inclusive also straight along an axis: on a dense integer lattice
 * (many areas at the same place, and the search tree's split values shared by areas on
 * both sides of a split), areas exactly the band's distance away due east, west, north or
 * south are neighbours, as brute force says.
 */
class DistanceBandAxisTests {

	@Test
	void areasExactlyTheBandAwayAlongAnAxisAreNeighbours() {
		Random random = new Random(21);
		int n = 12_000;
		double[] x = new double[n];
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = random.nextInt(45);
			y[i] = random.nextInt(45);
		}
		SpatialWeights band = SpatialWeights.distanceBand(x, y, 3);
		int alongAnAxis = 0;
		for (int i = 0; i < n; i += 10) {
			List<Integer> expected = new ArrayList<>();
			for (int j = 0; j < n; j++) {
				double dx = x[i] - x[j];
				double dy = y[i] - y[j];
				if (j != i && dx * dx + dy * dy <= 9) {
					expected.add(j);
					alongAnAxis += (dx == 0 || dy == 0) && dx * dx + dy * dy == 9 ? 1 : 0;
				}
			}
			assertThat(band.neighbours(i)).as("neighbours of %d", i)
				.containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
		}
		assertThat(alongAnAxis).as("pairs exactly 3 apart along an axis").isGreaterThan(1000);
	}

}
