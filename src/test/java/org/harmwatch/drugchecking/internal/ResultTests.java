package org.harmwatch.drugchecking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultFlag;
import org.harmwatch.drugchecking.ResultVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The rules of a result version, without a database: numbering, flags only when
 * confirmed, what a component keeps.
 */
class ResultTests {

	private static final Instant NOW = Instant.parse("2026-12-05T13:00:00Z");

	private static final UUID SAMPLE = UUID.fromString("00000000-0000-0000-0000-000000000001");

	private static final Result.Resolved MDMA = new Result.Resolved("mdma", "MDMA", "ENTACTOGEN");

	@ParameterizedTest(name = "{0} {1} {2} {3} keeps quantity {4}, unit {5}, basis {6}")
	@CsvSource(nullValues = "-", textBlock = """
			# quantity, unit,        basis, keeps quantity, unit,        basis
			  120,      MG_PER_UNIT, SALT,  120,            MG_PER_UNIT, SALT
			  120,      MG_PER_UNIT, -,     120,            MG_PER_UNIT, -
			  40,       PERCENT_W_W, SALT,  40,             PERCENT_W_W, -
			  40,       PERCENT_W_W, -,     40,             PERCENT_W_W, -
			  -,        MG_PER_UNIT, SALT,  -,              -,           -
			  -,        PERCENT_W_W, -,     -,              -,           -
			  -,        -,           BASE,  -,              -,           -
			""")
	void aComponentKeepsAQuantityOnlyWithItsUnitAndABasisOnlyForMilligrams(@Nullable BigDecimal quantity,
			@Nullable QuantityUnit unit, @Nullable Basis basis, @Nullable BigDecimal keptQuantity,
			@Nullable QuantityUnit keptUnit, @Nullable Basis keptBasis) {
		var c = Result.component(
				new ComponentDraft(" MDMA ", quantity, unit, basis, Confidence.CONFIRMED, AnalysisMethod.FTIR), MDMA);
		assertThat(c.quantity()).isEqualTo(keptQuantity);
		assertThat(c.unit()).isEqualTo(keptUnit);
		assertThat(c.basis()).isEqualTo(keptBasis);
		assertThat(c.text()).isEqualTo("MDMA");
	}

	@Test
	void aComponentCarriesTheResolvedSubstanceOrNone() {
		var resolved = Result.component(found("mdma"), MDMA);
		assertThat(resolved.substanceCode()).isEqualTo("mdma");
		assertThat(resolved.substanceName()).isEqualTo("MDMA");
		assertThat(resolved.substanceClass()).isEqualTo("ENTACTOGEN");
		var unknown = Result.component(found("mystery powder"), null);
		assertThat(unknown.substanceCode()).isNull();
		assertThat(unknown.name()).isEqualTo("mystery powder");
	}

	@Test
	void aComponentNeedsTextConfidenceAndMethod() {
		assertThatIllegalArgumentException().isThrownBy(() -> Result
			.component(new ComponentDraft(" ", null, null, null, Confidence.CONFIRMED, AnalysisMethod.FTIR), null));
		assertThatIllegalArgumentException().isThrownBy(
				() -> Result.component(new ComponentDraft("MDMA", null, null, null, null, AnalysisMethod.FTIR), null));
		assertThatIllegalArgumentException().isThrownBy(
				() -> Result.component(new ComponentDraft("MDMA", null, null, null, Confidence.CONFIRMED, null), null));
	}

	@ParameterizedTest(name = "after version {0} comes {1}")
	@CsvSource({ "0, 1", "1, 2", "7, 8" })
	void versionsAreNumberedInTheOrderRecorded(int previous, int next) {
		var result = Result.next(SAMPLE, previous, true, List.of(mdma()), List.of(), List.of(), null, "Analyst", NOW);
		assertThat(result.number()).isEqualTo(next);
		assertThat(result.view().version()).isEqualTo(next);
		assertThat(result.sampleId()).isEqualTo(SAMPLE);
	}

	@Test
	void thereIsNoVersionBeforeTheFirstAndNoResultWithoutAComponent() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> Result.next(SAMPLE, -1, true, List.of(mdma()), List.of(), List.of(), null, "Analyst", NOW));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Result.next(SAMPLE, 0, true, List.of(), List.of(), List.of(), null, "Analyst", NOW));
	}

	@Test
	void aConfirmedVersionKeepsItsFlagsSortedOnceEachWithTheirReasons() {
		var result = Result
			.next(SAMPLE, 0, true, List.of(mdma()),
					List.of(ResultFlag.UNEXPECTED_HIGH_RISK, ResultFlag.MIS_SOLD, ResultFlag.MIS_SOLD),
					List.of("sold as MDMA but mostly PMMA"), " checked twice ", "Analyst", NOW)
			.view();
		assertThat(result.flags()).containsExactly(ResultFlag.MIS_SOLD, ResultFlag.UNEXPECTED_HIGH_RISK);
		assertThat(result.reasons()).containsExactly("sold as MDMA but mostly PMMA");
		assertThat(result.notes()).isEqualTo("checked twice");
		assertThat(result.confirmed()).isTrue();
		assertThat(result.components()).containsExactly(mdma());
	}

	@Test
	void anUnconfirmedVersionCarriesNoFlagsOrReasons() {
		var result = Result
			.next(SAMPLE, 0, false, List.of(mdma()), List.of(ResultFlag.HIGH_STRENGTH), List.of("high-strength MDMA"),
					"  ", "Analyst", NOW)
			.view();
		assertThat(result.flags()).isEmpty();
		assertThat(result.reasons()).isEmpty();
		assertThat(result.notes()).isNull();
		assertThat(result.confirmed()).isFalse();
	}

	private static ComponentDraft found(String text) {
		return new ComponentDraft(text, null, null, null, Confidence.CONFIRMED, AnalysisMethod.FTIR);
	}

	private static ResultVersion.Component mdma() {
		return Result.component(new ComponentDraft("MDMA", new BigDecimal("180"), QuantityUnit.MG_PER_UNIT, Basis.SALT,
				Confidence.CONFIRMED, AnalysisMethod.FTIR), MDMA);
	}

}
