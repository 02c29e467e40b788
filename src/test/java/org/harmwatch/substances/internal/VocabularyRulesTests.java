package org.harmwatch.substances.internal;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.harmwatch.substances.Alias;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceDetails;
import org.harmwatch.substances.SubstanceDraft;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.TermKind;
import org.harmwatch.substances.internal.VocabularyRules.Drafted;
import org.harmwatch.substances.internal.VocabularyRules.Mode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vocabulary's rules, as a form and an import meet them.
 */
class VocabularyRulesTests {

	static final List<SubstanceDetails> seed = SeedVocabulary.substances();

	static final Instant now = Instant.parse("2026-11-23T10:00:00Z");

	static VocabularyRules.Plan create(SubstanceDraft draft) {
		return VocabularyRules.plan(seed, List.of(new Drafted(null, draft)), Mode.CREATE, now, "coordinator", false);
	}

	static SubstanceDraft draft(String name, List<Alias> aliases) {
		return new SubstanceDraft(null, name, SubstanceClass.NITAZENE,
				Set.of(RiskFlag.HIGH_POTENCY, RiskFlag.NALOXONE_RESPONSIVE), "nitazenes", aliases, null, null, null);
	}

	@Test
	void theSeedKeepsEveryRule() {
		var parsed = V202611230301__substances_seed.read();
		assertThat(parsed.problems()).isEmpty();
		var plan = VocabularyRules.plan(List.of(),
				parsed.rows().stream().map(r -> new Drafted(r.row(), r.draft())).toList(), Mode.UPSERT, now, "seed",
				true);
		assertThat(plan.problems()).isEmpty();
		assertThat(plan.changes()).hasSize(parsed.rowCount());
		// No alias was silently dropped as a duplicate: the seed says each name once.
		int written = parsed.rows().stream().mapToInt(r -> r.draft().aliases().size()).sum();
		int kept = plan.changes().stream().mapToInt(c -> c.after().aliases().size()).sum();
		assertThat(kept).isEqualTo(written);
	}

	@Test
	void createsANewSubstanceWithACodeFromItsName() {
		var plan = create(draft("N-Desethyl protonitazene", List.of(Alias.synonym("desethyl protonitazene"))));
		assertThat(plan.problems()).isEmpty();
		assertThat(plan.changes().get(0).after().id()).isEqualTo(new SubstanceId("n-desethyl-protonitazene"));
		assertThat(plan.changes().get(0).created()).isTrue();
	}

	@Test
	void anAliasBelongsToOneSubstanceOnlyAndTheProblemSaysWhichHasIt() {
		var plan = create(
				draft("Brand new nitazene", List.of(Alias.streetName("Spice"), Alias.synonym("iso tonitazene"))));
		assertThat(plan.problems()).extracting(RowProblem::field, SubstanceMessages::message)
			.contains(org.assertj.core.groups.Tuple.tuple("streetNames",
					"'Spice' already belongs to Synthetic cannabinoids (unspecified); a name can belong to one substance only."),
					org.assertj.core.groups.Tuple.tuple("aliases",
							"'iso tonitazene' already belongs to Isotonitazene; a name can belong to one substance only."));
	}

	@Test
	void aNameMayNotBeAnotherSubstancesAlias() {
		var plan = create(draft("Diamorphine", List.of()));
		assertThat(plan.problems()).singleElement()
			.satisfies(
					p -> assertThat(SubstanceMessages.message(p)).contains("'Diamorphine' already belongs to Heroin"));
	}

	@Test
	void aNameCanMoveBetweenSubstancesInOneChange() {
		// Give "tranq dope" to a new entry for the mixture, and take it from xylazine in
		// the same import.
		var xylazine = seed.stream().filter(s -> s.id().code().equals("xylazine")).findFirst().orElseThrow();
		var withoutTranqDope = new SubstanceDraft("xylazine", xylazine.name(), xylazine.substanceClass(),
				xylazine.flags(), null,
				xylazine.aliases().stream().filter(a -> !a.text().equals("tranq dope")).toList(), xylazine.pubchemCid(),
				xylazine.casNumber(), xylazine.notes());
		var mixture = new SubstanceDraft(null, "Fentanyl and xylazine mixture", SubstanceClass.OTHER, Set.of(), null,
				List.of(Alias.streetName("tranq dope")), null, null, null);
		var plan = VocabularyRules.plan(seed, List.of(new Drafted(1, mixture), new Drafted(2, withoutTranqDope)),
				Mode.UPSERT, now, "coordinator", true);
		assertThat(plan.problems()).isEmpty();
		assertThat(plan.effective()).hasSize(2);
	}

	@Test
	void checksParentsFlagsIdentifiersAndAlsoMeans() {
		var draft = new SubstanceDraft(null, "Odd one", SubstanceClass.OTHER,
				Set.of(RiskFlag.NALOXONE_RESPONSIVE, RiskFlag.SEDATIVE_NOT_NALOXONE_RESPONSIVE), "no-such-parent",
				List.of(new Alias("oddy", TermKind.STREET_NAME, List.of(new SubstanceId("no-such-drug")))), -5L,
				"437-38-8", null);
		var plan = create(draft);
		assertThat(plan.problems()).extracting(RowProblem::field)
			.containsExactlyInAnyOrder("flags", "pubchemCid", "casNumber", "parent", "streetNames");
		assertThat(VocabularyRules.validCas("437-38-7")).isTrue();
		assertThat(VocabularyRules.validCas("7361-61-7")).isTrue();
		assertThat(VocabularyRules.validCas("7361-61-8")).isFalse();
		assertThat(VocabularyRules.validCas("fentanyl")).isFalse();
	}

	@Test
	void aParentCannotBeADescendant() {
		var fentanyl = seed.stream().filter(s -> s.id().code().equals("fentanyl")).findFirst().orElseThrow().draft();
		var loop = new SubstanceDraft("fentanyl", fentanyl.name(), fentanyl.substanceClass(), fentanyl.flags(),
				"p-fluorofentanyl", fentanyl.aliases(), fentanyl.pubchemCid(), fentanyl.casNumber(), fentanyl.notes());
		var plan = VocabularyRules.plan(seed, List.of(new Drafted(null, loop)), Mode.CHANGE, now, "coordinator", false);
		assertThat(plan.problems()).singleElement()
			.satisfies(p -> assertThat(SubstanceMessages.message(p))
				.isEqualTo("para-Fluorofentanyl is already a kind of Fentanyl, so it cannot be its parent."));
	}

	@Test
	void anImportNamesEveryBadRowAndWhy() {
		var csv = """
				code,name,class,flags,parent,aliases,street_names,pubchem_cid,cas_number,notes
				,Protonitazepyne,NITAZENE,HIGH_POTENCY|NALOXONE_RESPONSIVE,nitazenes,,,,,changed notes
				,New drug,NOT_A_CLASS,,,,,,,
				,Another,STIMULANT,VERY_BAD,,,,abc,,
				,Spice clone,SYNTHETIC_CANNABINOID,,,,spice,,,
				,Twice,OTHER,,,,,,,
				,twice,OTHER,,,,,,,
				""";
		var parsed = SubstanceCsv.read(new StringReader(csv));
		var plan = VocabularyRules.plan(seed, parsed.rows().stream().map(r -> new Drafted(r.row(), r.draft())).toList(),
				Mode.UPSERT, now, "coordinator", true);
		var problems = new java.util.ArrayList<>(parsed.problems());
		problems.addAll(plan.problems());
		assertThat(problems).extracting(SubstanceMessages::describe)
			.anySatisfy(p -> assertThat(p).startsWith("Row 3, class: 'NOT_A_CLASS' is not a class."))
			.anySatisfy(p -> assertThat(p).startsWith("Row 4, flags: 'VERY_BAD' is not a risk flag."))
			.anySatisfy(p -> assertThat(p).startsWith("Row 4, pubchem_cid: 'abc' is not a PubChem compound id"))
			.anySatisfy(p -> assertThat(p).isEqualTo(
					"Row 5, street_names: 'spice' already belongs to Synthetic cannabinoids (unspecified); a name can belong to one substance only."))
			.anySatisfy(p -> assertThat(p)
				.isEqualTo("Row 7, name: This substance is already given in row 6; give each substance once."));
		assertThat(problems).extracting(RowProblem::row).doesNotContain(1);
	}

	@Test
	void anImportWithoutTheRequiredColumnsSaysSo() {
		var parsed = SubstanceCsv.read(new StringReader("name,colour\nHeroin,brown\n"));
		assertThat(parsed.problems()).extracting(SubstanceMessages::describe)
			.containsExactly(
					"header: Unknown column 'colour'. The columns are: code, name, class, flags, parent, aliases, street_names, pubchem_cid, cas_number, notes.",
					"header: The header has no 'class' column.");
		assertThat(SubstanceCsv.read(new StringReader("")).problems()).singleElement()
			.satisfies(p -> assertThat(SubstanceMessages.message(p)).startsWith("The file is empty."));
	}

	@Test
	void exportThenImportChangesNothing() {
		var out = new StringBuilder();
		SubstanceCsv.write(seed, out);
		var parsed = SubstanceCsv.read(new StringReader(out.toString()));
		assertThat(parsed.problems()).isEmpty();
		var plan = VocabularyRules.plan(seed, parsed.rows().stream().map(r -> new Drafted(r.row(), r.draft())).toList(),
				Mode.UPSERT, now, "coordinator", true);
		assertThat(plan.problems()).isEmpty();
		assertThat(plan.effective()).isEmpty();
		assertThat(plan.changes()).hasSize(seed.size());
	}

}
