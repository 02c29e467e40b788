package org.harmwatch.analytics.density;

import org.harmwatch.analytics.SpatialFixtures;
import org.harmwatch.analytics.SpatialFixtures.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kernel density against the exact peers on the fixtures regenerate.sh made: kde.py
 * (scikit-learn exact, or its closed-form tree engine for the quartic) and spatstat's
 * {@code densityfun}. Every cell within 1e-9 relative.
 */
class KernelDensityGoldenTests {

	static final Table points = SpatialFixtures.csv("points_2000.csv");

	static final double[] x = points.doubles("x");

	static final double[] y = points.doubles("y");

	static final GridSpec grid = GridSpec.ofExtent(0, 10000, 0, 10000, 50, 50);

	@ParameterizedTest
	@CsvSource({ "QUARTIC, kde_py_quartic.csv.gz", "QUARTIC, kde_R_quartic.csv.gz",
			"EPANECHNIKOV, kde_py_epanechnikov.csv.gz", "EPANECHNIKOV, kde_R_epanechnikov.csv.gz",
			"GAUSSIAN, kde_py_gaussian.csv.gz", "GAUSSIAN, kde_R_gaussian.csv.gz" })
	void matchesTheExactPeers(Kernel kernel, String file) {
		KernelDensity kde = KernelDensity.of(kernel, 600);
		assertMatches(kde.estimate(x, y, grid), SpatialFixtures.csv(file), 1e-9);
		if (kernel == Kernel.GAUSSIAN) {
			assertMatches(kde.exactGaussian().estimate(x, y, grid), SpatialFixtures.csv(file), 1e-9);
		}
	}

	@ParameterizedTest
	@CsvSource({ "kde_py_quartic_cells.csv.gz", "kde_R_quartic_cells.csv.gz" })
	void squareCellsOverPartOfTheExtentCountEventsOutsideTheGrid(String file) {
		GridSpec cells = GridSpec.ofCellSize(1500, 8500, 1000, 9000, 230);
		assertThat(cells.columns()).isEqualTo(31);
		assertThat(cells.rows()).isEqualTo(35);
		assertMatches(KernelDensity.of(Kernel.QUARTIC, 450).estimate(x, y, cells), SpatialFixtures.csv(file), 1e-9);
	}

	/**
	 * Cell centres, then density and intensity of every cell, to {@code tolerance}
	 * relative.
	 */
	static void assertMatches(DensityGrid ours, Table peer, double tolerance) {
		GridSpec spec = ours.grid();
		int[] cols = peer.ints("col");
		int[] rows = peer.ints("row");
		double[] cx = peer.doubles("x");
		double[] cy = peer.doubles("y");
		double[] density = peer.doubles("density");
		double[] intensity = peer.doubles("intensity");
		assertThat(peer.size()).isEqualTo(spec.cellCount());
		double worstDensity = 0;
		double worstIntensity = 0;
		for (int i = 0; i < peer.size(); i++) {
			assertThat(spec.centreX(cols[i])).isCloseTo(cx[i], org.assertj.core.data.Offset.offset(1e-6));
			assertThat(spec.centreY(rows[i])).isCloseTo(cy[i], org.assertj.core.data.Offset.offset(1e-6));
			worstDensity = Math.max(worstDensity, relative(ours.density(cols[i], rows[i]), density[i]));
			worstIntensity = Math.max(worstIntensity, relative(ours.intensity(cols[i], rows[i]), intensity[i]));
		}
		assertThat(worstDensity).as("largest relative density difference from %s", peer.name())
			.isLessThanOrEqualTo(tolerance);
		assertThat(worstIntensity).as("largest relative intensity difference from %s", peer.name())
			.isLessThanOrEqualTo(tolerance);
	}

	static double relative(double ours, double theirs) {
		if (ours == theirs) {
			return 0;
		}
		return Math.abs(ours - theirs) / Math.max(Math.abs(ours), Math.abs(theirs));
	}

}
