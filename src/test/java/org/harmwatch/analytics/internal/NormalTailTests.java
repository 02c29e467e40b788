package org.harmwatch.analytics.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Two-sided normal p-values against R 4.2.2's {@code 2 * pnorm(-z)}, printed with
 * {@code sprintf("%.17g")}, and the fast table against the slow series and continued
 * fraction it is built from; erfc and the upper tail, which the temporal detectors use,
 * against mpmath.
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

	/**
	 * erfc at known points, printed by mpmath with 40 digits
	 * ({@code mp.nstr(mp.erfc(x), 17)}).
	 */
	@ParameterizedTest
	@CsvSource({ "0, 1", "1e-10, 0.99999999988716208", "0.25, 0.72367360983176307", "0.5, 0.47950012218695346",
			"0.9999, 0.15734072195124053", "1, 0.15729920705028513", "1.5, 0.033894853524689273",
			"2, 0.0046777349810472658", "3, 2.2090496998585441e-5", "5, 1.5374597944280349e-12",
			"10, 2.0884875837625448e-45", "20, 5.3958656116079009e-176", "26, 5.6631924088561428e-296",
			"-0.5, 1.5204998778130465", "-1, 1.8427007929497149", "-3, 1.9999779095030014",
			// between multiples of 1/16, where exp(-x^2) is split into two factors
			"1.3, 0.065992055059347563", "2.7, 0.00013433273994052433", "4.1, 6.7000276540848984e-9",
			"7.77, 4.3437172389246984e-28", "15.03, 2.9241238827004003e-100" })
	void erfcMatchesKnownValues(double x, double expected) {
		// exp(-x^2) passes on the rounding of its argument, about x^2 ulp: a few ulp up
		// to 5, 5e-14 relative at 15
		double relative = Math.abs(x) > 5 ? 5e-14 : 4e-15;
		assertThat(NormalTail.erfc(x)).isCloseTo(expected, within(relative * expected));
	}

	/**
	 * The upper tail P(Z > z), printed by mpmath with 40 digits
	 * ({@code mp.nstr(mp.ncdf(-z), 17)}).
	 */
	@ParameterizedTest
	@CsvSource({ "0, 0.5", "0.5, 0.3085375387259869", "1.959963984540054, 0.025000000000000014",
			"-1, 0.84134474606854295", "-2.5, 0.99379033467422386", "3, 0.0013498980316300945",
			"8, 6.2209605742717841e-16", "-8, 0.99999999999999938", "12, 1.776482112077679e-33",
			"37, 5.7255712225245768e-300", "-40, 1" })
	void upperTailMatchesKnownValues(double z, double expected) {
		assertThat(NormalTail.upper(z)).isCloseTo(expected, within(4e-15 * expected));
	}

	@Test
	void farOutTheTailsAreZeroAndOneAndNaNStaysNaN() {
		assertThat(NormalTail.erfc(26.5)).isPositive();
		assertThat(NormalTail.erfc(27.4)).isZero();
		assertThat(NormalTail.erfc(Double.POSITIVE_INFINITY)).isZero();
		assertThat(NormalTail.erfc(Double.NEGATIVE_INFINITY)).isEqualTo(2.0);
		assertThat(NormalTail.erfc(Double.NaN)).isNaN();
		assertThat(NormalTail.upper(Double.POSITIVE_INFINITY)).isZero();
		assertThat(NormalTail.upper(Double.NEGATIVE_INFINITY)).isEqualTo(1.0);
		assertThat(NormalTail.upper(Double.NaN)).isNaN();
		// both sides of the switch from series to continued fraction agree
		double below = NormalTail.erfc(Math.nextDown(NormalTail.SERIES_LIMIT));
		double above = NormalTail.erfc(NormalTail.SERIES_LIMIT);
		assertThat(below).isCloseTo(above, within(1e-15));
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
