package org.harmwatch.analytics.hotspot;

import org.harmwatch.analytics.SpatialFixtures;
import org.harmwatch.analytics.SpatialFixtures.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Benjamini-Hochberg against a worked example and against R's
 * {@code p.adjust(method = "BH")}.
 */
class FalseDiscoveryRateTests {

	@Test
	void workedExample() {
		// ten p-values, shuffled; sorted they are 0.001 0.008 0.039 0.041 0.042 0.060
		// 0.074 0.205 0.212 0.216.
		// m/i * p_(i): 0.01 0.04 0.13 0.1025 0.084 0.1 0.10571 0.25625 0.23556 0.216;
		// running minimum from the top:
		// q = 0.01 0.04 0.084 0.084 0.084 0.1 0.10571 0.216 0.216 0.216.
		double[] p = { 0.205, 0.041, 0.001, 0.216, 0.060, 0.039, 0.212, 0.008, 0.074, 0.042 };
		double[] q = FalseDiscoveryRate.benjaminiHochberg(p);
		double[] expected = { 0.216, 0.084, 0.01, 0.216, 0.1, 0.084, 0.216, 0.04, 0.074 * 10 / 7, 0.084 };
		for (int i = 0; i < p.length; i++) {
			assertThat(q[i]).as("q of p = %s", p[i]).isCloseTo(expected[i], within(1e-15));
		}
		// at a false discovery rate of 5% the step-up procedure rejects exactly the two
		// smallest
		long discoveries = java.util.Arrays.stream(q).filter(v -> v <= 0.05).count();
		assertThat(discoveries).isEqualTo(2);
	}

	@Test
	void matchesRWithTiesZeroOneAndMissingValues() {
		Table r = SpatialFixtures.csv("bh_ties.csv");
		assertSame(FalseDiscoveryRate.benjaminiHochberg(r.doubles("p")), r.doubles("q"));
	}

	@Test
	void matchesROnTheGiStarPValuesOf2000Areas() {
		Table r = SpatialFixtures.csv("bh_knn8.csv.gz");
		assertSame(FalseDiscoveryRate.benjaminiHochberg(r.doubles("p")), r.doubles("q"));
	}

	@Test
	void qValuesNeverFallBelowTheirPValuesAndKeepTheirOrder() {
		java.util.Random random = new java.util.Random(3);
		double[] p = random.doubles(500).map(v -> v * v * v).toArray();
		double[] q = FalseDiscoveryRate.benjaminiHochberg(p);
		for (int i = 0; i < p.length; i++) {
			assertThat(q[i]).isBetween(p[i], 1.0);
			for (int j = 0; j < p.length; j++) {
				if (p[i] < p[j]) {
					assertThat(q[i]).isLessThanOrEqualTo(q[j]);
				}
			}
		}
	}

	@Test
	void emptyAndInvalidInput() {
		assertThat(FalseDiscoveryRate.benjaminiHochberg(new double[0])).isEmpty();
		assertThat(FalseDiscoveryRate.benjaminiHochberg(new double[] { Double.NaN })).containsExactly(Double.NaN);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FalseDiscoveryRate.benjaminiHochberg(new double[] { 1.5 }))
			.withMessageContaining("p[0] = 1.5");
	}

	static void assertSame(double[] ours, double[] r) {
		assertThat(ours).hasSameSizeAs(r);
		for (int i = 0; i < r.length; i++) {
			if (Double.isNaN(r[i])) {
				assertThat(ours[i]).as("q[%d]", i).isNaN();
			}
			else {
				assertThat(ours[i]).as("q[%d]", i).isCloseTo(r[i], within(1e-14 * r[i] + 1e-300));
			}
		}
	}

}
