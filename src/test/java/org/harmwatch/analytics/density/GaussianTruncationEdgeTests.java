package org.harmwatch.analytics.density;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The truncated Gaussian's reach is "within k bandwidths in x and in y", the edge
 * included: a cell centre exactly k h away, above, below, left or right, still gets the
 * kernel's value there, and one a cell farther gets nothing. All the distances below are
 * exact in binary, so the comparison at the edge is exact.
 */
class GaussianTruncationEdgeTests {

	/** Unit cells over [0, 10] x [0, 10]: centres at 0.5, 1.5, ... */
	static final GridSpec grid = GridSpec.ofExtent(0, 10, 0, 10, 10, 10);

	@Test
	void aCellCentreExactlyAtTheTruncationDistanceIsIncludedOnEverySide() {
		// k = 1 (the smallest allowed), h = 1: reach 1; the event sits on the centre of
		// cell (4, 4)
		KernelDensity kde = KernelDensity.of(Kernel.GAUSSIAN, 1).withGaussianTruncation(1);
		DensityGrid density = kde.estimate(new double[] { 4.5 }, new double[] { 4.5 }, grid);
		double atCentre = Kernel.GAUSSIAN.value(0, 1);
		double atEdge = Kernel.GAUSSIAN.value(1, 1);
		double atCorner = Kernel.GAUSSIAN.value(Math.sqrt(2), 1);
		assertThat(density.intensity(4, 4)).isCloseTo(atCentre, within(1e-15));
		assertThat(density.intensity(4, 3)).as("below").isCloseTo(atEdge, within(1e-15));
		assertThat(density.intensity(4, 5)).as("above").isCloseTo(atEdge, within(1e-15));
		assertThat(density.intensity(3, 4)).as("west").isCloseTo(atEdge, within(1e-15));
		assertThat(density.intensity(5, 4)).as("east").isCloseTo(atEdge, within(1e-15));
		// within k h in x and in y: the corners of the box are in too
		assertThat(density.intensity(5, 5)).isCloseTo(atCorner, within(1e-15));
		assertThat(density.intensity(3, 3)).isCloseTo(atCorner, within(1e-15));
		assertThat(density.intensity(4, 2)).isZero();
		assertThat(density.intensity(4, 6)).isZero();
		assertThat(density.intensity(2, 4)).isZero();
		assertThat(density.intensity(6, 4)).isZero();
		double sum = 0;
		for (double v : density.intensities()) {
			sum += v;
		}
		assertThat(sum).isCloseTo(atCentre + 4 * atEdge + 4 * atCorner, within(1e-14));
		assertThat(kde.truncationErrorFactor()).isEqualTo(Math.exp(-0.5));
	}

	@Test
	void theSameEdgeHoldsForAnEventBetweenCentres() {
		// the event halfway between rows 4 and 5 and columns 6 and 7, k = 2, h = 0.75:
		// reach 1.5, so rows 3..6 and columns 5..8 (1.5 away at the ends) are in
		KernelDensity kde = KernelDensity.of(Kernel.GAUSSIAN, 0.75).withGaussianTruncation(2);
		DensityGrid density = kde.estimate(new double[] { 7 }, new double[] { 5 }, grid);
		for (int row = 0; row < 10; row++) {
			for (int col = 0; col < 10; col++) {
				boolean inBox = row >= 3 && row <= 6 && col >= 5 && col <= 8;
				double dx = grid.centreX(col) - 7;
				double dy = grid.centreY(row) - 5;
				double expected = inBox ? Kernel.GAUSSIAN.value(Math.sqrt(dx * dx + dy * dy), 0.75) : 0;
				assertThat(density.intensity(col, row)).as("cell (%d, %d)", col, row)
					.isCloseTo(expected, within(1e-15));
			}
		}
	}

	@Test
	void aTruncationOfOneBandwidthIsTheSmallestAllowed() {
		assertThat(KernelDensity.of(Kernel.GAUSSIAN, 2).withGaussianTruncation(1).truncationErrorFactor())
			.isEqualTo(Math.exp(-0.5));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KernelDensity.of(Kernel.GAUSSIAN, 2).withGaussianTruncation(Math.nextDown(1.0)))
			.withMessageContaining("at least 1 bandwidth");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KernelDensity.of(Kernel.GAUSSIAN, 2).withGaussianTruncation(Double.NaN));
	}

}
