package org.harmwatch.analytics.hotspot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Two-sided normal p-values against R 4.2.2's {@code 2 * pnorm(-z)}, printed with {@code sprintf("%.17g")}, and the fast
 * table against the slow series and continued fraction it is built from.
 */
class NormalTailTests {

	@ParameterizedTest
	@CsvSource({ "0, 1", "1e-8, 0.99999999202115442", "0.5, 0.61707507745197387", "1, 0.31731050786291409",
			"1.5, 0.13361440253771614", "1.96, 0.049995790296440856", "2, 0.045500263896358424",
			"2.5, 0.01241933065155227", "2.82842712474619, 0.0046777349810472697", "3, 0.0026997960632601892",
			"4, 6.3342483666239849e-05", "5, 5.7330314375838782e-07", "6, 1.9731752900753962e-09",
			"8, 1.244192114854357e-15", "10, 1.5239706048321054e-23", "20, 5.5072482372124675e-89",
			"37, 1.1451142445049154e-299" })
	void matchesR(double z, double r) {
		assertThat(NormalTail.twoSided(z)).isCloseTo(r, within(2e-14 * r));
		assertThat(NormalTail.twoSided(-z)).isCloseTo(r, within(2e-14 * r));
	}

	@Test
	void theFastTableAgreesWithTheSlowAccurateMethodEverywhere() {
		double worst = 0;
		for (double z = 0; z < 37.5; z += 0.000731) {
			double slow = NormalTail.erfcOfZ(z);
			worst = Math.max(worst, Math.abs(NormalTail.twoSided(z) - slow) / slow);
		}
		assertThat(worst).isLessThan(1e-14);
	}

	@ParameterizedTest
	@CsvSource({ "40", "1e10", "Infinity" })
	void underflowsToZeroFarOut(double z) {
		assertThat(NormalTail.twoSided(z)).isLessThan(1e-300);
	}

	@ParameterizedTest
	@CsvSource({ "NaN" })
	void nanStaysNaN(double z) {
		assertThat(NormalTail.twoSided(z)).isNaN();
	}

}
