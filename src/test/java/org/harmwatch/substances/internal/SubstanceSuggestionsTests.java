package org.harmwatch.substances.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.harmwatch.substances.Alias;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceDetails;
import org.harmwatch.substances.SubstanceDraft;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.Suggestion;
import org.harmwatch.substances.TermKind;
import org.harmwatch.substances.VocabularyProblem;
import org.harmwatch.substances.internal.VocabularyRules.Drafted;
import org.harmwatch.substances.internal.VocabularyRules.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Type-ahead on a small vocabulary, where every expected suggestion can be worked out by hand: what starts with the
 * text (names first), what has a word starting with it, what contains it from four letters, then close spellings
 * from four letters; and the length limits on names, aliases and notes.
 */
class SubstanceSuggestionsTests {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	static SubstanceDetails substance(String code, String name, SubstanceClass substanceClass, Alias... aliases) {
		return new SubstanceDetails(new SubstanceId(code), name, substanceClass, Set.of(), null, List.of(aliases), null,
				null, null, NOW, "test");
	}

	static final SubstanceIndex INDEX = SubstanceIndex.of(7,
			List.of(substance("synthetic-cannabinoids", "Synthetic cannabinoids", SubstanceClass.SYNTHETIC_CANNABINOID,
					Alias.synonym("SCRA"), Alias.streetName("spice gold"), Alias.streetName("spice"),
					Alias.streetName("black mamba")),
					substance("isotonitazene", "Isotonitazene", SubstanceClass.NITAZENE),
					substance("fentanyl", "Fentanyl", SubstanceClass.HIGH_POTENCY_SYNTHETIC_OPIOID),
					substance("carfentanil", "Carfentanil", SubstanceClass.HIGH_POTENCY_SYNTHETIC_OPIOID),
					substance("heroin", "Heroin", SubstanceClass.OPIOID, Alias.synonym("diamorphine"),
							Alias.streetName("smack")),
					substance("ketamine", "Ketamine", SubstanceClass.SEDATIVE, Alias.streetName("K"),
							Alias.streetName("special K")),
					substance("salvia", "Salvia", SubstanceClass.SEDATIVE)));

	static List<String> suggested(String text, int limit) {
		return INDEX.suggest(text, limit).stream().map(s -> s.substance().id().code() + ":" + s.matchedTerm()).toList();
	}

	@ParameterizedTest(name = "''{0}''")
	@CsvSource(delimiter = ';', textBlock = """
			mam;     synthetic-cannabinoids:black mamba
			MAMBA;   synthetic-cannabinoids:black mamba
			bla;     synthetic-cannabinoids:black mamba
			ita;     ''
			nitaz;   isotonitazene:Isotonitazene
			fen;     fentanyl:Fentanyl
			fent;    fentanyl:Fentanyl, carfentanil:Carfentanil
			k;       ketamine:Ketamine
			spe;     ketamine:special K
			s;       salvia:Salvia, synthetic-cannabinoids:Synthetic cannabinoids, heroin:smack, ketamine:special K
			sc;      synthetic-cannabinoids:SCRA
			sp;      synthetic-cannabinoids:spice, ketamine:special K
			spi;     synthetic-cannabinoids:spice
			herion;  heroin:Heroin
			smak;    heroin:smack
			smk;     ''
			--;      ''
			""")
	void suggestsWhatStartsWithTheTextThenWordStartsThenContentsThenSpellings(String text, String expected) {
		List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(", "));

		assertThat(suggested(text, 10)).containsExactlyElementsOf(want);
	}

	@Test
	void aWordStartSuggestionSaysWhichTermMatchedAndOfWhatKind() {
		Suggestion mamba = INDEX.suggest("mam", 10).get(0);

		assertThat(mamba.matchedTerm()).isEqualTo("black mamba");
		assertThat(mamba.kind()).isEqualTo(TermKind.STREET_NAME);
		assertThat(mamba.substance().name()).isEqualTo("Synthetic cannabinoids");
		assertThat(INDEX.suggest("diam", 10).get(0).kind()).isEqualTo(TermKind.SYNONYM);
		assertThat(INDEX.suggest("fen", 10).get(0).kind()).isEqualTo(TermKind.NAME);
	}

	@Test
	void theLimitIsKeptIncludingForSpellings() {
		assertThat(suggested("s", 2)).containsExactly("salvia:Salvia", "synthetic-cannabinoids:Synthetic cannabinoids");
		assertThat(suggested("s", 0)).isEmpty();
		assertThat(suggested("fent", 1)).containsExactly("fentanyl:Fentanyl");
		// "heroi" starts Heroin; spellings add nothing already there
		assertThat(suggested("heroi", 10)).containsExactly("heroin:Heroin");
		assertThat(INDEX.closest("herion", 1)).extracting(s -> s.id().code()).containsExactly("heroin");
		assertThat(INDEX.closest("  ", 5)).isEmpty();
	}

	@Test
	void wordKeysStartAtEachWord() {
		assertThat(TermKeys.wordKeys("black mamba")).containsExactly("blackmamba", "mamba");
		assertThat(TermKeys.wordKeys("N-desethyl isotonitazene")).containsExactly("ndesethylisotonitazene",
				"desethylisotonitazene", "isotonitazene");
		assertThat(TermKeys.wordKeys("4-FIBF")).containsExactly("4fibf", "fibf");
		assertThat(TermKeys.wordKeys("K K")).containsExactly("kk", "k");
		assertThat(TermKeys.wordKeys("--")).isEmpty();
	}

	static VocabularyRules.Plan create(String name, List<Alias> aliases, String notes) {
		var draft = new SubstanceDraft(null, name, SubstanceClass.NITAZENE, Set.of(RiskFlag.NALOXONE_RESPONSIVE), null,
				aliases, null, null, notes);
		return VocabularyRules.plan(List.of(), List.of(new Drafted(3, draft)), Mode.CREATE, NOW, "coordinator", false);
	}

	@Test
	void aNameMayHave200CharactersAndNoMore() {
		assertThat(create("n".repeat(200), List.of(), null).problems()).isEmpty();
		assertThat(create("n".repeat(201), List.of(), null).problems())
			.containsExactly(new VocabularyProblem(3, "name", "The name is longer than 200 characters."));
	}

	@Test
	void anAliasMayHave200CharactersAndNoMore() {
		assertThat(create("Nitazene X", List.of(Alias.synonym("a".repeat(200))), null).problems()).isEmpty();
		assertThat(create("Nitazene X", List.of(Alias.synonym("a".repeat(201))), null).problems())
			.containsExactly(new VocabularyProblem(3, "aliases", "'" + "a".repeat(40) + "…' is longer than 200 characters."));
		assertThat(create("Nitazene X", List.of(Alias.streetName("b".repeat(201))), null).problems())
			.containsExactly(
					new VocabularyProblem(3, "streetNames", "'" + "b".repeat(40) + "…' is longer than 200 characters."));
	}

	@Test
	void notesMayHave4000CharactersAndNoMore() {
		assertThat(create("Nitazene X", List.of(), "x".repeat(4000)).problems()).isEmpty();
		assertThat(create("Nitazene X", List.of(), "x".repeat(4001)).problems())
			.containsExactly(new VocabularyProblem(3, "notes", "The notes are longer than 4000 characters."));
	}

	@Test
	void aNameWithoutLettersOrDigitsIsRefused() {
		assertThat(create("--", List.of(), null).problems())
			.containsExactly(new VocabularyProblem(3, "name", "The name needs at least one letter or digit."));
		assertThat(create("", List.of(), null).problems())
			.containsExactly(new VocabularyProblem(3, "name", "The name needs at least one letter or digit."));
	}

}
