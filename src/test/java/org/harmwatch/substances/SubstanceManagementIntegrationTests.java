package org.harmwatch.substances;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The vocabulary on the real database: the seed, changes and their audit trail and event,
 * and an index that follows changes made by another instance (CSV imports:
 * {@code SubstanceImportIntegrationTests}).
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

	@Autowired
	MessageSource messages;

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
			.isInstanceOfSatisfying(InputRejectedException.class,
					rejected -> assertThat(rejected.problems()).singleElement().satisfies(p -> {
						assertThat(p.field()).isEqualTo("streetNames");
						assertThat(messages.getMessage(p, Locale.UK)).isEqualTo(
								"'Spice' already belongs to Synthetic cannabinoids (unspecified); a name can belong to one substance only.");
					}));
		assertThat(substances.version()).isEqualTo(before);
		assertThat(substances.resolve(name)).isEmpty();
		assertThat(events.stream(SubstanceVocabularyChanged.class)).isEmpty();
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
