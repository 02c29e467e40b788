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
import org.harmwatch.substances.internal.VocabularyRules.Drafted;
import org.harmwatch.substances.internal.VocabularyRules.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Type-ahead on a small vocabulary, where every expected suggestion can be worked out by
 * hand: what starts with the text (names first), what has a word starting with it, what
 * contains it from four letters, then close spellings from four letters; the index's
 * other look-ups; spelling distances and codes; and the length limits on names, aliases
 * and notes.
 */
class SubstanceSuggestionsTests {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	static SubstanceDetails substance(String code, String name, SubstanceClass substanceClass, Alias... aliases) {
		return new SubstanceDetails(new SubstanceId(code), name, substanceClass, Set.of(), null, List.of(aliases), null,
				null, null, NOW, "test");
	}

	/**
	 * Built for each test (not once per class), so that a mutation of the index's
	 * construction is seen by every test.
	 */
	final SubstanceIndex index = SubstanceIndex.of(7,
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

	List<String> suggested(String text, int limit) {
		return index.suggest(text, limit).stream().map(s -> s.substance().id().code() + ":" + s.matchedTerm()).toList();
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
		Suggestion mamba = index.suggest("mam", 10).get(0);

		assertThat(mamba.matchedTerm()).isEqualTo("black mamba");
		assertThat(mamba.kind()).isEqualTo(TermKind.STREET_NAME);
		assertThat(mamba.substance().name()).isEqualTo("Synthetic cannabinoids");
		assertThat(index.suggest("diam", 10).get(0).kind()).isEqualTo(TermKind.SYNONYM);
		assertThat(index.suggest("fen", 10).get(0).kind()).isEqualTo(TermKind.NAME);
	}

	@Test
	void theLimitIsKeptIncludingForSpellings() {
		assertThat(suggested("s", 2)).containsExactly("salvia:Salvia", "synthetic-cannabinoids:Synthetic cannabinoids");
		assertThat(suggested("s", 0)).isEmpty();
		assertThat(suggested("fent", 1)).containsExactly("fentanyl:Fentanyl");
		// "heroi" starts Heroin; spellings add nothing already there
		assertThat(suggested("heroi", 10)).containsExactly("heroin:Heroin");
		assertThat(index.closest("herion", 1)).extracting(s -> s.id().code()).containsExactly("heroin");
		assertThat(index.closest("  ", 5)).isEmpty();
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
		assertThat(create("n".repeat(201), List.of(), null).problems()).extracting(SubstanceMessages::describe)
			.containsExactly("Row 3, name: " + "The name is longer than 200 characters.");
	}

	@Test
	void anAliasMayHave200CharactersAndNoMore() {
		assertThat(create("Nitazene X", List.of(Alias.synonym("a".repeat(200))), null).problems()).isEmpty();
		assertThat(create("Nitazene X", List.of(Alias.synonym("a".repeat(201))), null).problems())
			.extracting(SubstanceMessages::describe)
			.containsExactly("Row 3, aliases: " + "'" + "a".repeat(40) + "…' is longer than 200 characters.");
		assertThat(create("Nitazene X", List.of(Alias.streetName("b".repeat(201))), null).problems())
			.extracting(SubstanceMessages::describe)
			.containsExactly("Row 3, streetNames: " + "'" + "b".repeat(40) + "…' is longer than 200 characters.");
	}

	@Test
	void notesMayHave4000CharactersAndNoMore() {
		assertThat(create("Nitazene X", List.of(), "x".repeat(4000)).problems()).isEmpty();
		assertThat(create("Nitazene X", List.of(), "x".repeat(4001)).problems()).extracting(SubstanceMessages::describe)
			.containsExactly("Row 3, notes: " + "The notes are longer than 4000 characters.");
	}

	@Test
	void aNameWithoutLettersOrDigitsIsRefused() {
		assertThat(create("--", List.of(), null).problems()).extracting(SubstanceMessages::describe)
			.containsExactly("Row 3, name: " + "The name needs at least one letter or digit.");
		assertThat(create("", List.of(), null).problems()).extracting(SubstanceMessages::describe)
			.containsExactly("Row 3, name: " + "The name needs at least one letter or digit.");
	}

	@Test
	void searchFindsNamesContainingTheTextOptionallyOfOneClass() {
		assertThat(index.search("AMINE", null)).extracting(s -> s.id().code()).containsExactly("ketamine");
		assertThat(index.search("mamba", null)).extracting(s -> s.id().code())
			.containsExactly("synthetic-cannabinoids");
		assertThat(index.search(null, SubstanceClass.SEDATIVE)).extracting(s -> s.id().code())
			.containsExactly("ketamine", "salvia");
		assertThat(index.search("sal", SubstanceClass.SEDATIVE)).extracting(s -> s.id().code())
			.containsExactly("salvia");
		assertThat(index.search("sal", SubstanceClass.OPIOID)).isEmpty();
		assertThat(index.search("", null)).hasSize(7);
		assertThat(index.search("zzz", null)).isEmpty();
	}

	@Test
	void theIndexKnowsItsVersionSubstancesAndWhoHoldsAKey() {
		assertThat(index.version()).isEqualTo(7);
		assertThat(index.size()).isEqualTo(7);
		// in name order
		assertThat(index.all()).extracting(s -> s.id().code())
			.containsExactly("carfentanil", "fentanyl", "heroin", "isotonitazene", "ketamine", "salvia",
					"synthetic-cannabinoids");
		assertThat(index.holderOf("smack")).map(s -> s.id().code()).contains("heroin");
		assertThat(index.holderOf("blackmamba")).map(s -> s.id().code()).contains("synthetic-cannabinoids");
		assertThat(index.holderOf("mamba")).isEmpty();
		assertThat(index.find(new SubstanceId("salvia"))).map(SubstanceDetails::name).contains("Salvia");
		assertThat(index.resolve("special k", false)).map(r -> r.substance().id().code()).contains("ketamine");
		assertThat(index.resolve("diamorphine", false)).map(r -> r.substance().id().code()).contains("heroin");
	}

	@Test
	void aKeyTwoSubstancesShareStaysWithTheFirstByName() {
		var shared = SubstanceIndex.of(1, List.of(substance("zeta", "Zeta", SubstanceClass.OPIOID, Alias.synonym("Z")),
				substance("alpha", "Alpha", SubstanceClass.OPIOID, Alias.streetName("z"))));

		assertThat(shared.holderOf("z")).map(s -> s.id().code()).contains("alpha");
		assertThat(shared.suggest("z", 5)).extracting(s -> s.substance().id().code() + ":" + s.matchedTerm())
			.containsExactly("zeta:Zeta", "alpha:z");
	}

	@Test
	void childrenAndLineageFollowTheParents() {
		var family = SubstanceIndex.of(1,
				List.of(new SubstanceDetails(new SubstanceId("opioids"), "Opioids", SubstanceClass.OPIOID, Set.of(),
						null, List.of(), null, null, null, NOW, "t"),
						new SubstanceDetails(new SubstanceId("fentanyl"), "Fentanyl", SubstanceClass.OPIOID, Set.of(),
								new SubstanceId("opioids"), List.of(), null, null, null, NOW, "t"),
						new SubstanceDetails(new SubstanceId("carfentanil"), "Carfentanil", SubstanceClass.OPIOID,
								Set.of(), new SubstanceId("fentanyl"), List.of(), null, null, null, NOW, "t"),
						new SubstanceDetails(new SubstanceId("acetylfentanyl"), "Acetylfentanyl", SubstanceClass.OPIOID,
								Set.of(), new SubstanceId("fentanyl"), List.of(), null, null, null, NOW, "t")));

		assertThat(family.children(new SubstanceId("fentanyl"))).extracting(s -> s.id().code())
			.containsExactly("acetylfentanyl", "carfentanil");
		assertThat(family.children(new SubstanceId("carfentanil"))).isEmpty();
		assertThat(family.lineage(new SubstanceId("carfentanil"))).extracting(SubstanceId::code)
			.containsExactly("carfentanil", "fentanyl", "opioids");
		assertThat(family.lineage(new SubstanceId("nothing"))).isEmpty();
	}

	@ParameterizedTest(name = "{0} / {1} within {2}")
	@CsvSource({ "heroin, heroin, 1, 0", "heroin, herion, 1, 1", "heroin, heroine, 1, 1", "heroin, heroinee, 1, 2",
			"heroin, heroinee, 2, 2", "heroin, hero, 1, 2", "heroin, hero, 2, 2", "abc, xyz, 5, 3", "abc, xyz, 2, 3",
			"ab, ba, 1, 1", "kitten, sitting, 3, 3", "kitten, sitting, 2, 3", "'', abc, 3, 3" })
	void spellingDistanceCountsEditsUpToItsLimit(String a, String b, int limit, int expected) {
		assertThat(Spelling.distance(a, b, limit)).isEqualTo(expected);
		assertThat(Spelling.distance(b, a, limit)).isEqualTo(expected);
	}

	@Test
	void codesAreAsciiHyphenatedAndAtMost80Characters() {
		assertThat(TermKeys.codeFor("α-PVP (flakka)")).isEqualTo("alpha-pvp-flakka");
		assertThat(TermKeys.codeFor("Café  Crème")).isEqualTo("cafe-creme");
		assertThat(TermKeys.codeFor("x".repeat(80))).hasSize(80);
		assertThat(TermKeys.codeFor("x".repeat(81))).isEqualTo("x".repeat(80));
		// a cut that ends in a hyphen loses it
		assertThat(TermKeys.codeFor("y".repeat(79) + " z")).isEqualTo("y".repeat(79));
		assertThat(TermKeys.digits("4fmdmb2201")).isEqualTo("42201");
	}

	@Test
	void variantsDropSaltWordsAndParentheses() {
		assertThat(TermKeys.variants("Cocaine hydrochloride")).containsExactly("Cocaine");
		assertThat(TermKeys.variants("methyl ecgonidine (MED)")).containsExactly("methyl ecgonidine", "MED");
		assertThat(TermKeys.variants("MDMA HCl (ecstasy)")).containsExactly("MDMA HCl", "MDMA", "ecstasy");
		assertThat(TermKeys.variants("(  )")).isEmpty();
		assertThat(TermKeys.variants("heroin")).isEmpty();
	}

}
