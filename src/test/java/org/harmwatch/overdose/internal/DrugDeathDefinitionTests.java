package org.harmwatch.overdose.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ONS's definitions, code by code at the edges of each range: what is a death related to
 * drug poisoning, and which of those are drug misuse deaths.
 */
class DrugDeathDefinitionTests {

	@Test
	void theUnderlyingCauseDecidesADrugPoisoningDeath() {
		for (var cause : new String[] { "X40", "X44", "X60", "X64", "X85", "Y10", "Y14", "F11.2", "F16", "F18", "F19.1",
				"F03", "G31.2", "G62.1", "G72.0", "I42.7" }) {
			assertThat(DrugDeathDefinition.drugPoisoning(DrugDeathDefinition.normalise(cause))).as(cause).isTrue();
		}
		for (var cause : new String[] { "X39", "X45", "X59", "X65", "X84", "X86", "Y09", "Y15", "F10", "F17", "F20",
				"G31.1", "G62.0", "I42.6", "I21" }) {
			assertThat(DrugDeathDefinition.drugPoisoning(DrugDeathDefinition.normalise(cause))).as(cause).isFalse();
		}
	}

	@Test
	void misuseIsAbuseOrDependenceOrAPoisoningWithAControlledDrug() {
		// Abuse or dependence counts whatever the substances.
		assertThat(DrugDeathDefinition.drugMisuse("F11.2", null)).isTrue();
		assertThat(DrugDeathDefinition.drugMisuse("F19", false)).isTrue();
		// A poisoning only with a drug controlled under the Misuse of Drugs Act.
		assertThat(DrugDeathDefinition.drugMisuse("X42", true)).isTrue();
		assertThat(DrugDeathDefinition.drugMisuse("X62", true)).isTrue();
		assertThat(DrugDeathDefinition.drugMisuse("Y12", true)).isTrue();
		assertThat(DrugDeathDefinition.drugMisuse("X42", false)).isFalse();
		assertThat(DrugDeathDefinition.drugMisuse("X42", null)).isFalse();
		// Poisoning-related causes outside misuse: dementia, neuropathy, alcohol.
		assertThat(DrugDeathDefinition.drugMisuse("F03", true)).isFalse();
		assertThat(DrugDeathDefinition.drugMisuse("G62.1", true)).isFalse();
		assertThat(DrugDeathDefinition.drugMisuse("F10", true)).isFalse();
	}

	@Test
	void codesAreReadAsWrittenOrRefused() {
		assertThat(DrugDeathDefinition.normalise(" x42 ")).isEqualTo("X42");
		assertThat(DrugDeathDefinition.normalise("F112")).isEqualTo("F11.2");
		assertThat(DrugDeathDefinition.normalise("F11.2")).isEqualTo("F11.2");
		assertThat(DrugDeathDefinition.normalise("heroin")).isNull();
		assertThat(DrugDeathDefinition.normalise("X4")).isNull();
		assertThat(DrugDeathDefinition.normalise("")).isNull();
		assertThat(DrugDeathDefinition.normalise(null)).isNull();
	}

}
