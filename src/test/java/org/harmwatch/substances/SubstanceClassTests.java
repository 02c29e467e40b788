package org.harmwatch.substances;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harmwatch.substances.SubstanceClass.BENZODIAZEPINE;
import static org.harmwatch.substances.SubstanceClass.DESIGNER_BENZODIAZEPINE;
import static org.harmwatch.substances.SubstanceClass.HIGH_POTENCY_SYNTHETIC_OPIOID;
import static org.harmwatch.substances.SubstanceClass.NITAZENE;
import static org.harmwatch.substances.SubstanceClass.OPIOID;
import static org.harmwatch.substances.SubstanceClass.STIMULANT;
import static org.harmwatch.substances.SubstanceClass.SYNTHETIC_CATHINONE;

/**
 * The class tree: a filter on a class finds every class below it, and nothing beside it.
 */
class SubstanceClassTests {

	@ParameterizedTest(name = "{0} is a {1}: {2}")
	@CsvSource({ "NITAZENE, NITAZENE, true", "NITAZENE, HIGH_POTENCY_SYNTHETIC_OPIOID, true", "NITAZENE, OPIOID, true",
			"HIGH_POTENCY_SYNTHETIC_OPIOID, OPIOID, true", "OPIOID, NITAZENE, false",
			"HIGH_POTENCY_SYNTHETIC_OPIOID, NITAZENE, false", "DESIGNER_BENZODIAZEPINE, BENZODIAZEPINE, true",
			"BENZODIAZEPINE, DESIGNER_BENZODIAZEPINE, false", "SYNTHETIC_CATHINONE, STIMULANT, true",
			"MDMA_TYPE, STIMULANT, false", "SYNTHETIC_CANNABINOID, CANNABIS, false", "SEDATIVE, BENZODIAZEPINE, false",
			"DESIGNER_BENZODIAZEPINE, SEDATIVE, false", "OTHER, OTHER, true" })
	void isA(SubstanceClass c, SubstanceClass other, boolean expected) {
		assertThat(c.isA(other)).isEqualTo(expected);
	}

	@Test
	void aLineageRunsFromTheClassToTheTop() {
		assertThat(NITAZENE.lineage()).containsExactly(NITAZENE, HIGH_POTENCY_SYNTHETIC_OPIOID, OPIOID);
		assertThat(NITAZENE.depth()).isEqualTo(2);
		assertThat(OPIOID.lineage()).containsExactly(OPIOID);
		assertThat(OPIOID.depth()).isZero();
	}

	@Test
	void aFilterOnAClassMatchesAnAlertAboutAnyClassBelowIt() {
		// An alert about a nitazene carries its class and those above it, so a subscriber
		// to "Opioid" (an overlap of the two lists) gets it.
		assertThat(SubstanceClass.withAncestors(List.of("NITAZENE", "DESIGNER_BENZODIAZEPINE"))).containsExactly(
				"NITAZENE", "HIGH_POTENCY_SYNTHETIC_OPIOID", "OPIOID", "DESIGNER_BENZODIAZEPINE", "BENZODIAZEPINE");
		assertThat(SubstanceClass.withAncestors(List.of("OPIOID", "NITAZENE"))).containsExactly("OPIOID", "NITAZENE",
				"HIGH_POTENCY_SYNTHETIC_OPIOID");
		assertThat(SubstanceClass.withAncestors(List.of("not a class"))).containsExactly("not a class");
	}

	@Test
	void aQuestionAboutAClassCountsEveryClassBelowIt() {
		assertThat(SubstanceClass.withDescendants("OPIOID")).containsExactly("OPIOID", "HIGH_POTENCY_SYNTHETIC_OPIOID",
				"NITAZENE");
		assertThat(SubstanceClass.withDescendants("NITAZENE")).containsExactly("NITAZENE");
		assertThat(SubstanceClass.withDescendants("STIMULANT")).containsExactly("STIMULANT", "SYNTHETIC_CATHINONE");
		assertThat(SubstanceClass.withDescendants("BENZODIAZEPINE")).containsExactly("BENZODIAZEPINE",
				"DESIGNER_BENZODIAZEPINE");
		assertThat(SubstanceClass.withDescendants(null)).isEmpty();
		assertThat(SubstanceClass.withDescendants("nonsense")).isEmpty();
	}

	@Test
	void naloxoneAdviceAppliesToEveryOpioidAndNothingElse() {
		assertThat(SubstanceClass.values()).filteredOn(SubstanceClass::isOpioid)
			.containsExactlyInAnyOrder(OPIOID, HIGH_POTENCY_SYNTHETIC_OPIOID, NITAZENE);
	}

	@Test
	void aParentComesBeforeItsChildrenSoThatListsReadAsATree() {
		for (var c : SubstanceClass.values()) {
			if (c.parent() != null) {
				assertThat(c.parent().ordinal()).as(c.name()).isLessThan(c.ordinal());
			}
		}
		assertThat(DESIGNER_BENZODIAZEPINE.parent()).isEqualTo(BENZODIAZEPINE);
		assertThat(SYNTHETIC_CATHINONE.parent()).isEqualTo(STIMULANT);
	}

	@ParameterizedTest
	@EnumSource(SubstanceClass.class)
	void everyClassHasALabel(SubstanceClass c) throws IOException {
		var labels = new Properties();
		try (var in = getClass().getResourceAsStream("/messages/substances.properties")) {
			labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		assertThat(labels.getProperty("substances.class." + c.name())).isNotBlank();
	}

}
