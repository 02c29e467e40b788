package org.harmwatch.analytics.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Far out, erfc keeps the accuracy of its continued fraction: {@code exp(-x^2)} is taken
 * from a split of x, not from the rounded {@code x * x}, whose rounding would cost up to
 * 6e-14 relative at these points (chosen where it does). References printed by mpmath
 * with 50 digits ({@code mp.nstr(mp.erfc(x), 17)}).
 */
class NormalTailRoundingTests {

	@ParameterizedTest
	@CsvSource({ "22.84472562523932, 5.5204335984121529e-229", "24.597449971513754, 3.9537801561241638e-265",
			"23.560838903831666, 1.9782213620984744e-243", "24.371458180716942, 2.5536728294821676e-260",
			"25.30997199460932, 1.3837555998673589e-280" })
	void erfcWhereTheSquareOfXRoundsBadly(double x, double expected) {
		assertThat(NormalTail.erfc(x)).isCloseTo(expected, within(1e-14 * expected));
	}

}
