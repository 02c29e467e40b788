package org.harmwatch.analytics.density;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * What a density grid hands out: a cell's density when the events weigh nothing, the
 * cells just outside the grid, the largest intensity, and the grid's own edges and limits
 * named in their messages.
 */
class DensityGridTests {

	@Test
	void eventsThatWeighNothingGiveDensityZeroInEveryCellNotNaN() {
		GridSpec grid = GridSpec.ofExtent(0, 4, 0, 4, 4, 4);
		DensityGrid weightless = KernelDensity.of(Kernel.QUARTIC, 2)
			.estimate(new double[] { 1.5 }, new double[] { 1.5 }, new double[] { 0 }, grid);
		assertThat(weightless.totalWeight()).isZero();
		for (int row = 0; row < 4; row++) {
			for (int col = 0; col < 4; col++) {
				assertThat(weightless.density(col, row)).isEqualTo(0.0);
			}
		}
		DensityGrid weighted = KernelDensity.of(Kernel.QUARTIC, 2)
			.estimate(new double[] { 1.5 }, new double[] { 1.5 }, new double[] { 2 }, grid);
		assertThat(weighted.density(1, 1)).isCloseTo(Kernel.QUARTIC.value(0, 2), within(1e-15));
	}

	@Test
	void aCellJustOutsideTheGridIsRefusedNotReadFromTheNextRow() {
		GridSpec grid = GridSpec.ofExtent(0, 3, 0, 2, 3, 2);
		DensityGrid density = KernelDensity.of(Kernel.EPANECHNIKOV, 5)
			.estimate(new double[] { 1.5 }, new double[] { 1 }, grid);
		assertThat(density.intensity(2, 1)).isPositive();
		assertThatThrownBy(() -> density.intensity(3, 0)).isExactlyInstanceOf(IndexOutOfBoundsException.class)
			.hasMessageContaining("(3, 0)")
			.hasMessageContaining("3 x 2");
		assertThatThrownBy(() -> density.density(0, 2)).isExactlyInstanceOf(IndexOutOfBoundsException.class)
			.hasMessageContaining("(0, 2)");
		assertThatThrownBy(() -> density.intensity(-1, 1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
		assertThatThrownBy(() -> density.intensity(0, -1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
	}

	@Test
	void theLargestIntensityIsThePeakOfTheMap() {
		GridSpec grid = GridSpec.ofExtent(0, 10, 0, 10, 10, 10);
		DensityGrid two = KernelDensity.of(Kernel.QUARTIC, 3)
			.estimate(new double[] { 4.5, 4.5 }, new double[] { 6.5, 6.5 }, grid);
		assertThat(two.maxIntensity()).isEqualTo(two.intensity(4, 6)).isCloseTo(2 * 3 / (Math.PI * 9), within(1e-15));
		double largest = 0;
		for (double v : two.intensities()) {
			largest = Math.max(largest, v);
		}
		assertThat(two.maxIntensity()).isEqualTo(largest);
	}

	@Test
	void theEstimatorSaysWhichKernelAndBandwidthItUses() {
		KernelDensity kde = KernelDensity.of(Kernel.EPANECHNIKOV, 2.5);
		assertThat(kde.kernel()).isEqualTo(Kernel.EPANECHNIKOV);
		assertThat(kde.bandwidth()).isEqualTo(2.5);
		assertThat(kde.exactGaussian().bandwidth()).isEqualTo(2.5);
		assertThat(kde.withGaussianTruncation(3).bandwidth()).isEqualTo(2.5);
	}

	@Test
	void theNorthAndEastEdgesAreWholeCellsFromTheOrigin() {
		GridSpec cells = GridSpec.ofCellSize(1500, 8500, 1000, 9000, 230);
		assertThat(cells.ymax()).isEqualTo(1000 + 35 * 230.0);
		assertThat(cells.xmax()).isEqualTo(1500 + 31 * 230.0);
		GridSpec extent = GridSpec.ofExtent(0, 30, -10, 20, 3, 6);
		assertThat(extent.ymax()).isEqualTo(20.0);
		assertThat(extent.cellHeight()).isEqualTo(5.0);
		assertThat(extent.cellArea()).isEqualTo(50.0);
	}

	@Test
	void aCellSizeOfZeroIsRefusedAsSuchNotAsATooLargeGrid() {
		assertThatIllegalArgumentException().isThrownBy(() -> GridSpec.ofCellSize(0, 10, 0, 10, 0))
			.withMessageContaining("positive cell size");
		assertThatIllegalArgumentException().isThrownBy(() -> GridSpec.ofCellSize(0, 10, 0, 10, -0.0))
			.withMessageContaining("positive cell size");
	}

	@Test
	void tooManyCellsOfAGivenSizeAreRefusedByTheCellSizeFactory() {
		// 65,536 x 32,768 cells: more than an array holds, although neither side is large
		assertThatIllegalArgumentException().isThrownBy(() -> GridSpec.ofCellSize(0, 65_536, 0, 32_768, 1))
			.withMessageContaining("cells of 1.0 give a grid too large");
		assertThatIllegalArgumentException().isThrownBy(() -> GridSpec.ofCellSize(0, 32_768, 0, 65_536, 1))
			.withMessageContaining("cells of 1.0 give a grid too large");
	}

}
