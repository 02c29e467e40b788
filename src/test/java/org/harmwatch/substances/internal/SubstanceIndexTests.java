package org.harmwatch.substances.internal;

import java.util.List;
import java.util.Optional;

import org.harmwatch.substances.Resolution;
import org.harmwatch.substances.Resolution.Match;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceSummary;
import org.harmwatch.substances.Suggestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Turning what people type into substances, on the seed vocabulary.
 */
class SubstanceIndexTests {

	static final SubstanceIndex index = SeedVocabulary.index();

	static Resolution resolved(String text) {
		var resolution = index.resolve(text, true);
		assertThat(resolution).as("'%s' resolves", text).isPresent();
		return resolution.get();
	}

	@ParameterizedTest(name = "{0} -> {1} ({2})")
	@CsvSource(delimiter = ';', textBlock = """
			Fentanyl;                  fentanyl;                EXACT_NAME
			Xylazine;                  xylazine;                EXACT_NAME
			fentanyl;                  fentanyl;                NORMALISED_NAME
			  KETAMINE  ;              ketamine;                NORMALISED_NAME
			bromazolam;                bromazolam;              NORMALISED_NAME
			Crack cocaine;             crack-cocaine;           EXACT_NAME
			crack;                     crack-cocaine;           ALIAS
			diamorphine;               heroin;                  ALIAS
			4-FIBF;                    4-fluoroisobutyrylfentanyl; ALIAS
			SCRA;                      synthetic-cannabinoids;  ALIAS
			nitazene;                  nitazenes;               ALIAS
			spice;                     synthetic-cannabinoids;  STREET_NAME
			Mamba;                     synthetic-cannabinoids;  STREET_NAME
			black mamba;               synthetic-cannabinoids;  STREET_NAME
			smack;                     heroin;                  STREET_NAME
			K;                         ketamine;                STREET_NAME
			tranq;                     xylazine;                STREET_NAME
			mandy;                     mdma;                    STREET_NAME
			monkey dust;               synthetic-cathinones;    STREET_NAME
			""")
	void resolvesNamesAliasesAndStreetNames(String text, String code, Match match) {
		var resolution = resolved(text);
		assertThat(resolution.substance().id()).isEqualTo(new SubstanceId(code));
		assertThat(resolution.match()).isEqualTo(match);
		assertThat(resolution.distance()).isZero();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ';', textBlock = """
			N-DESETHYL-ISOTONITAZENE;           n-desethyl-isotonitazene
			n desethyl isotonitazene;           n-desethyl-isotonitazene
			N‐desethyl isotonitazene;           n-desethyl-isotonitazene
			ＭＤＭＡ;                            mdma
			α-PVP;                              alpha-pvp
			Alpha PVP;                          alpha-pvp
			Héroïn;                             heroin
			cocaine hydrochloride;              cocaine
			MDMA HCl;                           mdma
			Ketamine (hydrochloride);           ketamine
			methyl ecgonidine (MED);            methyl-ecgonidine
			dimethyl sulfone (methylsulfonylmethane MSM); dimethyl-sulfone
			Para-Fluoro-Fentanyl;               p-fluorofentanyl
			5-Fluoro MDMB PICA;                 5f-mdmb-pica
			""")
	void ignoresCasePunctuationSpacingAccentsUnicodeFormsAndSaltWords(String text, String code) {
		var resolution = resolved(text);
		assertThat(resolution.substance().id().code()).isEqualTo(code);
		assertThat(resolution.match()).isNotEqualTo(Match.CLOSE_SPELLING);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ';', textBlock = """
			heroine;          heroin;         heroin
			herion;           heroin;         Heroin
			fentanly;         fentanyl;       Fentanyl
			xylazene;         xylazine;       Xylazine
			bromazolan;       bromazolam;     Bromazolam
			methamphetamin;   methamphetamine; Methamphetamine
			isotonitazine;    isotonitazene;  Isotonitazene
			""")
	void correctsOneLetterMisspellingsOfOneSubstanceOnly(String text, String code, String term) {
		var resolution = resolved(text);
		assertThat(resolution.substance().id().code()).isEqualTo(code);
		assertThat(resolution.match()).isEqualTo(Match.CLOSE_SPELLING);
		assertThat(resolution.distance()).isEqualTo(1);
		assertThat(resolution.matchedTerm()).isEqualToIgnoringCase(term);
	}

	@Test
	void doesNotTurnADifferentDrugIntoAKnownOne() {
		// A real designer benzodiazepine two letters from flubromazolam: a different
		// drug, not a typo.
		assertThat(index.resolve("flubromazepam", true)).isEmpty();
		// One letter from mephedrone and two from methadone: a guess either way could be
		// deadly.
		assertThat(index.resolve("mephadrone", true)).isEmpty();
		assertThat(index.closest("mephadrone", 5)).extracting(s -> s.id().code()).contains("mephedrone", "methadone");
		// Chemical codes are never corrected: 4F- is not 5F-.
		assertThat(index.resolve("4F-MDMB-PICA", true)).isEmpty();
		// Short words are never corrected, and street names are never the target of a
		// correction.
		assertThat(index.resolve("smock", true)).isEmpty();
		assertThat(index.resolve("speedo", true)).isEmpty();
		// Sibling compounds one letter apart are both known, so each resolves to itself.
		assertThat(resolved("methedrone").substance().id().code()).isEqualTo("methedrone");
		assertThat(resolved("metodesnitazene").substance().id().code()).isEqualTo("metodesnitazene");
		assertThat(resolved("etodesnitazene").substance().id().code()).isEqualTo("etodesnitazene");
	}

	@Test
	void exactResolutionNeverCorrectsSpelling() {
		assertThat(index.resolve("heroine", false)).isEmpty();
		assertThat(index.resolve("Heroin", false)).map(r -> r.substance().id().code()).contains("heroin");
		assertThat(index.resolve("cocaine HCl", false)).map(r -> r.substance().id().code()).contains("cocaine");
	}

	@Test
	void ambiguousStreetNamesResolveToTheDocumentedReadingAndSaySo() {
		var chinaWhite = resolved("China White");
		assertThat(chinaWhite.substance().id().code()).isEqualTo("fentanyl");
		assertThat(chinaWhite.match()).isEqualTo(Match.STREET_NAME);
		assertThat(chinaWhite.ambiguous()).isTrue();
		assertThat(chinaWhite.alsoPossible()).extracting(s -> s.id().code()).containsExactly("heroin");
		assertThat(chinaWhite.note()).contains("china white").contains("heroin");

		var blues = resolved("blues");
		assertThat(blues.substance().id().code()).isEqualTo("benzodiazepines");
		assertThat(blues.alsoPossible()).extracting(s -> s.id().code()).containsExactly("fentanyl");

		var pink = resolved("pink cocaine");
		assertThat(pink.substance().id().code()).isEqualTo("ketamine");
		assertThat(pink.alsoPossible()).extracting(s -> s.id().code()).containsExactly("mdma", "2c-b");

		var crystal = resolved("crystal");
		assertThat(crystal.substance().id().code()).isEqualTo("methamphetamine");
		assertThat(crystal.alsoPossible()).extracting(s -> s.id().code()).containsExactly("mdma");

		assertThat(resolved("fentanyl").ambiguous()).isFalse();
		assertThat(resolved("fentanyl").note()).isNull();
	}

	@Test
	void nothingResolvesFromNothing() {
		assertThat(index.resolve("", true)).isEmpty();
		assertThat(index.resolve("   ", true)).isEmpty();
		assertThat(index.resolve("---", true)).isEmpty();
		assertThat(index.resolve("unknown white powder", true)).isEmpty();
	}

	@Test
	void suggestsNamesFirstThenAliasesAndStreetNames() {
		assertThat(index.suggest("fen", 10)).first().extracting(s -> s.substance().id().code()).isEqualTo("fentanyl");
		assertThat(index.suggest("xyl", 10)).extracting(Suggestion::matchedTerm).containsExactly("Xylazine");
		var spice = index.suggest("spi", 10);
		assertThat(spice).anySatisfy(s -> {
			assertThat(s.substance().id().code()).isEqualTo("synthetic-cannabinoids");
			assertThat(s.matchedTerm()).isEqualTo("spice");
		});
		assertThat(index.suggest("nitaz", 50)).hasSizeGreaterThan(8)
			.allSatisfy(s -> assertThat(s.substance().substanceClass().name()).isEqualTo("NITAZENE"));
		assertThat(index.suggest("fentynal", 5)).extracting(s -> s.substance().id().code()).contains("fentanyl");
		assertThat(index.suggest("", 5)).isEmpty();
		assertThat(index.suggest("fent", 3)).hasSize(3);
	}

	@Test
	void knowsWhatASubstanceIsAKindOf() {
		assertThat(index.lineage(new SubstanceId("p-fluorofentanyl"))).extracting(SubstanceId::code)
			.containsExactly("p-fluorofentanyl", "fentanyl-analogues", "fentanyl");
		assertThat(index.lineage(new SubstanceId("crack-cocaine"))).extracting(SubstanceId::code)
			.containsExactly("crack-cocaine", "cocaine");
		assertThat(index.children(new SubstanceId("cocaine"))).extracting(s -> s.id().code()).contains("crack-cocaine");
	}

	@Test
	void seedsTheSubstancesTheProgrammeAndAnchorSystemsName() {
		for (var name : List.of("heroin", "fentanyl", "carfentanil", "isotonitazene", "protonitazepyne", "xylazine",
				"bromazolam", "spice", "MDMB-4en-PINACA", "MDMA", "PMMA", "cocaine", "crack", "ketamine", "boric acid",
				"levamisole", "medetomidine", "nitrous oxide")) {
			assertThat(index.resolve(name, false)).as(name).isPresent();
		}
		assertThat(index.size()).isGreaterThanOrEqualTo(100);
	}

	@Test
	void flagsFollowThePharmacology() {
		assertThat(summary("fentanyl").flags()).contains(RiskFlag.HIGH_POTENCY, RiskFlag.NALOXONE_RESPONSIVE,
				RiskFlag.REPEAT_NALOXONE_LIKELY);
		assertThat(summary("xylazine").flags())
			.contains(RiskFlag.SEDATIVE_NOT_NALOXONE_RESPONSIVE, RiskFlag.DANGEROUS_ADULTERANT, RiskFlag.CAUSES_WOUNDS)
			.doesNotContain(RiskFlag.NALOXONE_RESPONSIVE);
		assertThat(summary("bromazolam").flags()).contains(RiskFlag.SEDATIVE_NOT_NALOXONE_RESPONSIVE);
		assertThat(summary("pmma").flags()).contains(RiskFlag.DELAYED_ONSET, RiskFlag.DANGEROUS_ADULTERANT);
		assertThat(summary("methadone").flags()).contains(RiskFlag.LONG_ACTING);
		for (var substance : index.all()) {
			if (substance.substanceClass().isOpioid() && substance.substanceClass().name().contains("NITAZENE")) {
				assertThat(substance.flags()).as(substance.name())
					.contains(RiskFlag.NALOXONE_RESPONSIVE, RiskFlag.HIGH_POTENCY);
			}
		}
	}

	private static SubstanceSummary summary(String code) {
		Optional<SubstanceSummary> found = index.find(new SubstanceId(code)).map(s -> s.summary());
		assertThat(found).as(code).isPresent();
		return found.get();
	}

}
