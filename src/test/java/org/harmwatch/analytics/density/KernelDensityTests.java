package org.harmwatch.analytics.density;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Kernel density against the textbook double sum, the Gaussian truncation bound, weights,
 * and edge cases.
 */
class KernelDensityTests {

	@ParameterizedTest
	@EnumSource(Kernel.class)
	void equalsTheDirectSumOverEveryEventAndCellIncludingEventsOutsideTheGrid(Kernel kernel) {
		Random random = new Random(kernel.ordinal());
		int n = 8_000; // with h = 80, enough kernel evaluations for the parallel path
		double[] x = random.doubles(n, -300, 1300).toArray();
		double[] y = random.doubles(n, -200, 900).toArray();
		double[] w = random.doubles(n, 0, 3).toArray();
		// non-square cells: 64 x 48 over [0, 1000] x [0, 700]
		GridSpec grid = GridSpec.ofExtent(0, 1000, 0, 700, 64, 48);
		double h = 80;
		DensityGrid ours = KernelDensity.of(kernel, h).exactGaussian().estimate(x, y, w, grid);
		double[] direct = directSum(kernel, h, x, y, w, grid);
		double max = java.util.Arrays.stream(direct).max().orElseThrow();
		double totalWeight = java.util.Arrays.stream(w).sum();
		assertThat(ours.totalWeight()).isCloseTo(totalWeight, within(1e-9));
		for (int row = 0; row < grid.rows(); row++) {
			for (int col = 0; col < grid.columns(); col++) {
				double expected = direct[row * grid.columns() + col];
				assertThat(ours.intensity(col, row)).as("cell (%d, %d)", col, row)
					.isCloseTo(expected, within(1e-10 * expected + 1e-13 * max));
				assertThat(ours.density(col, row)).isCloseTo(expected / totalWeight,
						within((1e-10 * expected + 1e-13 * max) / totalWeight));
			}
		}
	}

	@Test
	void truncatedGaussianStaysWithinItsDocumentedBound() {
		Random random = new Random(8);
		int n = 3000;
		double[] x = random.doubles(n, 0, 2000).toArray();
		double[] y = random.doubles(n, 0, 2000).toArray();
		GridSpec grid = GridSpec.ofExtent(0, 2000, 0, 2000, 80, 80);
		double h = 60;
		DensityGrid exact = KernelDensity.of(Kernel.GAUSSIAN, h).exactGaussian().estimate(x, y, grid);
		double peak = Kernel.GAUSSIAN.value(0, h);
		for (double k : new double[] { 2, 3, 4 }) {
			KernelDensity truncated = KernelDensity.of(Kernel.GAUSSIAN, h).withGaussianTruncation(k);
			assertThat(truncated.truncationErrorFactor()).isEqualTo(Math.exp(-k * k / 2));
			DensityGrid approx = truncated.estimate(x, y, grid);
			double bound = truncated.truncationErrorFactor() * peak; // per unit of
																		// dropped weight,
																		// density
			double worst = 0;
			for (int row = 0; row < 80; row++) {
				for (int col = 0; col < 80; col++) {
					double error = exact.density(col, row) - approx.density(col, row);
					assertThat(error).as("truncation only drops contributions").isGreaterThanOrEqualTo(-1e-15 * peak);
					worst = Math.max(worst, error);
				}
			}
			assertThat(worst).as("worst density error at k = %s", k).isLessThanOrEqualTo(bound).isPositive();
		}
		DensityGrid byDefault = KernelDensity.of(Kernel.GAUSSIAN, h).estimate(x, y, grid);
		assertThat(KernelDensity.of(Kernel.GAUSSIAN, h).truncationErrorFactor()).isLessThan(1.3e-14);
		for (int row = 0; row < 80; row++) {
			for (int col = 0; col < 80; col++) {
				assertThat(byDefault.density(col, row)).isCloseTo(exact.density(col, row), within(1.3e-14 * peak));
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Kernel.class)
	void densityIntegratesToOneWhenTheGridCoversEverything(Kernel kernel) {
		double[] x = { 0, 13, -7 };
		double[] y = { 0, 4, 11 };
		GridSpec grid = GridSpec.ofExtent(-60, 60, -60, 60, 480, 480);
		DensityGrid density = KernelDensity.of(kernel, kernel == Kernel.GAUSSIAN ? 8 : 20).estimate(x, y, grid);
		double integral = java.util.Arrays.stream(density.densities()).sum() * grid.cellArea();
		assertThat(integral).isCloseTo(1.0, within(1e-3));
	}

	@Test
	void anEventOnACellCentreAddsThePeakThere() {
		GridSpec grid = GridSpec.ofExtent(0, 10, 0, 10, 10, 10);
		DensityGrid quartic = KernelDensity.of(Kernel.QUARTIC, 3)
			.estimate(new double[] { 4.5 }, new double[] { 6.5 }, grid);
		assertThat(quartic.intensity(4, 6)).isCloseTo(3 / (Math.PI * 9), within(1e-15));
		// one cell away in x: d = 1, (1 - 1/9)^2
		assertThat(quartic.intensity(5, 6)).isCloseTo(3 / (Math.PI * 9) * (8.0 / 9) * (8.0 / 9), within(1e-15));
		// three cells away: on the edge of the support, where the kernel is zero
		assertThat(quartic.intensity(7, 6)).isZero();
		assertThat(quartic.intensity(0, 0)).isZero();
	}

	@Test
	void aWeightCountsAsThatManyEvents() {
		GridSpec grid = GridSpec.ofExtent(0, 100, 0, 100, 20, 20);
		KernelDensity kde = KernelDensity.of(Kernel.EPANECHNIKOV, 25);
		DensityGrid weighted = kde.estimate(new double[] { 30, 70, 50 }, new double[] { 40, 40, 90 },
				new double[] { 2, 1, 0 }, grid);
		DensityGrid repeated = kde.estimate(new double[] { 30, 30, 70 }, new double[] { 40, 40, 40 }, grid);
		assertThat(weighted.totalWeight()).isEqualTo(3);
		for (int i = 0; i < 400; i++) {
			assertThat(weighted.intensities()[i]).isCloseTo(repeated.intensities()[i], within(1e-15));
			assertThat(weighted.densities()[i]).isCloseTo(repeated.densities()[i], within(1e-15));
		}
	}

	@Test
	void noEventsOrNoWeightGiveAnEmptyMapNotAnError() {
		GridSpec grid = GridSpec.ofExtent(0, 1, 0, 1, 4, 4);
		for (Kernel kernel : Kernel.values()) {
			DensityGrid none = KernelDensity.of(kernel, 1).estimate(new double[0], new double[0], grid);
			assertThat(none.intensities()).containsOnly(0.0);
			assertThat(none.densities()).containsOnly(0.0);
			DensityGrid weightless = KernelDensity.of(kernel, 1)
				.estimate(new double[] { 0.5 }, new double[] { 0.5 }, new double[] { 0 }, grid);
			assertThat(weightless.densities()).containsOnly(0.0);
			assertThat(weightless.maxIntensity()).isZero();
		}
	}

	@Test
	void eventsBeyondTheSupportOfEveryCellAddNothing() {
		GridSpec grid = GridSpec.ofExtent(0, 10, 0, 10, 10, 10);
		DensityGrid far = KernelDensity.of(Kernel.QUARTIC, 2)
			.estimate(new double[] { -5, 50, 5 }, new double[] { 5, 5, -2.6 }, grid);
		assertThat(far.intensities()).containsOnly(0.0);
		assertThat(far.totalWeight()).isEqualTo(3);
		DensityGrid near = KernelDensity.of(Kernel.QUARTIC, 2)
			.estimate(new double[] { -1 }, new double[] { 5.5 }, grid);
		assertThat(near.intensity(0, 5)).isCloseTo(Kernel.QUARTIC.value(1.5, 2), within(1e-15));
	}

	@Test
	void gridCellsHaveTheirValuesAtTheirCentres() {
		GridSpec cells = GridSpec.ofCellSize(1500, 8500, 1000, 9000, 230);
		assertThat(cells.columns()).isEqualTo(31); // 7000 / 230 = 30.4, rounded up
		assertThat(cells.rows()).isEqualTo(35);
		assertThat(cells.centreX(0)).isEqualTo(1615);
		assertThat(cells.centreY(34)).isEqualTo(1000 + 34.5 * 230);
		assertThat(cells.xmax()).isEqualTo(1500 + 31 * 230);
		GridSpec extent = GridSpec.ofExtent(0, 10000, 0, 5000, 200, 100);
		assertThat(extent.cellWidth()).isEqualTo(50);
		assertThat(extent.centreX(199)).isEqualTo(9975);
	}

	@ParameterizedTest
	@EnumSource(Kernel.class)
	void everyKernelIntegratesToOne(Kernel kernel) {
		// 2 pi int_0^R K(r) r dr by the midpoint rule
		double h = 1.7;
		double radius = kernel.isCompact() ? h : 12 * h;
		int steps = 200_000;
		double dr = radius / steps;
		double integral = 0;
		for (int s = 0; s < steps; s++) {
			double r = (s + 0.5) * dr;
			integral += kernel.value(r, h) * r * dr;
		}
		assertThat(2 * Math.PI * integral).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void badInputIsRejectedWithTheReason() {
		GridSpec grid = GridSpec.ofExtent(0, 1, 0, 1, 2, 2);
		KernelDensity kde = KernelDensity.of(Kernel.QUARTIC, 1);
		assertThatIllegalArgumentException().isThrownBy(() -> KernelDensity.of(Kernel.QUARTIC, 0))
			.withMessageContaining("bandwidth");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> kde.estimate(new double[] { 0, Double.NaN }, new double[] { 0, 0 }, grid))
			.withMessageContaining("event 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> kde.estimate(new double[] { 0 }, new double[] { 0 }, new double[] { -1 }, grid))
			.withMessageContaining("weight");
		assertThatIllegalArgumentException().isThrownBy(() -> kde.estimate(new double[] { 0 }, new double[0], grid));
		assertThatIllegalArgumentException().isThrownBy(() -> GridSpec.ofExtent(0, 1, 0, 1, 0, 5));
		assertThatIllegalArgumentException().isThrownBy(() -> GridSpec.ofCellSize(0, 1, 0, 1, -1));
		assertThatIllegalArgumentException().isThrownBy(() -> kde.withGaussianTruncation(0.5));
	}

	static double[] directSum(Kernel kernel, double h, double[] x, double[] y, double[] w, GridSpec grid) {
		double[] sum = new double[grid.cellCount()];
		for (int row = 0; row < grid.rows(); row++) {
			for (int col = 0; col < grid.columns(); col++) {
				double gx = grid.centreX(col);
				double gy = grid.centreY(row);
				double total = 0;
				for (int i = 0; i < x.length; i++) {
					double dx = x[i] - gx;
					double dy = y[i] - gy;
					total += w[i] * kernel.value(Math.sqrt(dx * dx + dy * dy), h);
				}
				sum[row * grid.columns() + col] = total;
			}
		}
		return sum;
	}

}
