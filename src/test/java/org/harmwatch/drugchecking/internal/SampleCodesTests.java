package org.harmwatch.drugchecking.internal;

import java.util.HashSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleCodesTests {

	@Test
	void newCodesHaveTwelveCharactersFromTheAlphabetWithoutLookAlikes() {
		var seen = new HashSet<String>();
		for (int i = 0; i < 1000; i++) {
			var code = SampleCodes.next();
			assertThat(code).matches("WM(-[234679ACDEFGHJKMNPQRTUVWXYZ]{4}){3}");
			seen.add(code);
		}
		assertThat(seen).hasSize(1000);
	}

	@Test
	void typedCodesOfEitherLengthAreNormalisedAndOnlyEightCharacterOnesAreLegacy() {
		assertThat(SampleCodes.normalise("wm 7k3q 9xpd 4hmw")).isEqualTo("WM-7K3Q-9XPD-4HMW");
		assertThat(SampleCodes.normalise("7K3Q9XPD4HMW")).isEqualTo("WM-7K3Q-9XPD-4HMW");
		assertThat(SampleCodes.normalise("wm-7k3q-9xpd")).isEqualTo("WM-7K3Q-9XPD");
		assertThat(SampleCodes.normalise(" no ")).isEqualTo("NO");
		assertThat(SampleCodes.isLegacy("WM-7K3Q-9XPD")).isTrue();
		assertThat(SampleCodes.isLegacy("WM-7K3Q-9XPD-4HMW")).isFalse();
	}

}
