package org.harmwatch.substances;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The vocabulary on the real database: the seed, changes and their audit trail and event,
 * CSV round trips, imports that change nothing when a row is bad, and an index that
 * follows changes made by another instance.
 */
@HarmwatchIntegrationTest
@RecordApplicationEvents
class SubstanceManagementIntegrationTests {

	@Autowired
	SubstanceManagement substances;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	static String unique(String name) {
		return name + " " + Long.toString(System.nanoTime(), 36);
	}

	static SubstanceDraft nitazene(String name, List<Alias> aliases) {
		return new SubstanceDraft(null, name, SubstanceClass.NITAZENE,
				Set.of(RiskFlag.HIGH_POTENCY, RiskFlag.NALOXONE_RESPONSIVE, RiskFlag.REPEAT_NALOXONE_LIKELY),
				"nitazenes", aliases, null, null, "Test substance.");
	}

	long auditCount(String action, String recordId) {
		return jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE action = ? AND record_id = ?")
			.params(action, recordId)
			.query(Long.class)
			.single();
	}

	@Test
	void theSeedIsLoaded() {
		assertThat(substances.version()).isPositive();
		assertThat(substances.all()).hasSizeGreaterThanOrEqualTo(100);
		assertThat(substances.resolve("china white")).hasValueSatisfying(r -> {
			assertThat(r.substance().id().code()).isEqualTo("fentanyl");
			assertThat(r.alsoPossible()).extracting(s -> s.id().code()).containsExactly("heroin");
		});
		assertThat(substances.isKindOf(new SubstanceId("crack-cocaine"), new SubstanceId("cocaine"))).isTrue();
		assertThat(substances.isKindOf(new SubstanceId("cocaine"), new SubstanceId("crack-cocaine"))).isFalse();
	}

	@Test
	void aChangeIsAuditedBumpsTheVersionAndPublishesAnEvent() {
		long before = substances.version();
		var name = unique("Testonitazene");
		var created = substances.create(nitazene(name, List.of(Alias.streetName(name + " street"))));
		assertThat(substances.version()).isGreaterThan(before);
		assertThat(substances.resolve(name + " street")).map(r -> r.substance().id()).contains(created.id());
		assertThat(auditCount("SUBSTANCE_CREATED", created.id().code())).isEqualTo(1);

		var draft = created.draft();
		var changed = substances.change(created.id(), new SubstanceDraft(null, draft.name(), draft.substanceClass(),
				draft.flags(), draft.parentCode(), List.of(Alias.synonym(name + " synonym")), null, null, "Changed."));
		assertThat(changed.notes()).isEqualTo("Changed.");
		assertThat(substances.resolve(name + " street")).isEmpty();
		assertThat(substances.resolve(name + " synonym")).map(r -> r.match()).contains(Resolution.Match.ALIAS);
		assertThat(auditCount("SUBSTANCE_CHANGED", created.id().code())).isEqualTo(1);

		assertThat(events.stream(SubstanceVocabularyChanged.class)).hasSize(2)
			.allSatisfy(event -> assertThat(event.substances()).containsExactly(created.id()))
			.extracting(SubstanceVocabularyChanged::version)
			.isSorted();
	}

	@Test
	void anAliasCannotBelongToTwoSubstancesAndNothingChanges() {
		long before = substances.version();
		var name = unique("Clashonitazene");
		assertThatThrownBy(() -> substances.create(nitazene(name, List.of(Alias.streetName("Spice")))))
			.isInstanceOf(VocabularyRuleException.class)
			.hasMessageContaining("'Spice' already belongs to Synthetic cannabinoids (unspecified)");
		assertThat(substances.version()).isEqualTo(before);
		assertThat(substances.resolve(name)).isEmpty();
		assertThat(events.stream(SubstanceVocabularyChanged.class)).isEmpty();
	}

	@Test
	void exportThenImportGivesTheSameVocabulary() {
		var csv = new StringBuilder();
		substances.exportCsv(csv);
		assertThat(csv.toString())
			.startsWith("code,name,class,flags,parent,aliases,street_names,pubchem_cid,cas_number,notes\r\n");
		var before = substances.allDetails();
		long version = substances.version();

		var report = substances.importCsv(csv.toString());

		assertThat(report.problems()).isEmpty();
		assertThat(report.created()).isEmpty();
		assertThat(report.changed()).isEmpty();
		assertThat(report.unchanged()).isEqualTo(before.size());
		assertThat(substances.version()).isEqualTo(version);
		assertThat(substances.allDetails()).isEqualTo(before);
	}

	@Test
	void anImportWithABadRowNamesItAndChangesNothing() {
		long version = substances.version();
		var good = unique("Importonitazene");
		var csv = "name,class,flags,parent,street_names\r\n" + good
				+ ",NITAZENE,HIGH_POTENCY|NALOXONE_RESPONSIVE,nitazenes,\r\n" + unique("Bad class")
				+ ",NOT_A_CLASS,,,\r\n" + unique("Clash") + ",OTHER,,,china white\r\n";

		var report = substances.importCsv(csv);

		assertThat(report.valid()).isFalse();
		assertThat(report.problems()).extracting(VocabularyProblem::describe)
			.anySatisfy(p -> assertThat(p).startsWith("Row 2, class: 'NOT_A_CLASS' is not a class."))
			.anySatisfy(
					p -> assertThat(p).startsWith("Row 3, street_names: 'china white' already belongs to Fentanyl"));
		assertThat(substances.version()).isEqualTo(version);
		assertThat(substances.resolve(good)).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE action = 'SUBSTANCES_IMPORT_REFUSED'")
			.query(Long.class)
			.single()).isPositive();

		var fixed = "name,class,flags,parent\r\n" + good + ",NITAZENE,HIGH_POTENCY|NALOXONE_RESPONSIVE,nitazenes\r\n";
		var imported = substances.importCsv(fixed);
		assertThat(imported.valid()).isTrue();
		assertThat(imported.created()).containsExactly(good);
		assertThat(substances.resolve(good)).map(r -> r.substance().parent()).contains(new SubstanceId("nitazenes"));
	}

	@Test
	void followsAChangeMadeByAnotherInstance() throws InterruptedException {
		var street = "wonky" + System.nanoTime();
		var ketamine = jdbc.sql("SELECT id FROM substances.substance WHERE code = 'ketamine'")
			.query(java.util.UUID.class)
			.single();
		// Another instance writes a street name, but (for now) without bumping the
		// version: this instance keeps its index.
		jdbc.sql(
				"INSERT INTO substances.term (substance, kind, text, term_key, position) VALUES (?, 'STREET_NAME', ?, ?, 99)")
			.params(ketamine, street, street)
			.update();
		assertThat(substances.resolve(street)).isEmpty();
		try {
			jdbc.sql("UPDATE substances.vocabulary SET version = version + 1").update();
			assertThat(eventually(() -> substances.resolve(street), Duration.ofSeconds(5)))
				.map(r -> r.substance().id().code())
				.contains("ketamine");
		}
		finally {
			jdbc.sql("DELETE FROM substances.term WHERE text = ?").param(street).update();
			jdbc.sql("UPDATE substances.vocabulary SET version = version + 1").update();
		}
	}

	static <T> Optional<T> eventually(java.util.function.Supplier<Optional<T>> probe, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			var value = probe.get();
			if (value.isPresent()) {
				return value;
			}
			Thread.sleep(100);
		}
		return probe.get();
	}

}
