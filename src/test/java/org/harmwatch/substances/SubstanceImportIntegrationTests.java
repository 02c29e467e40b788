package org.harmwatch.substances;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.imports.ImportJob;
import org.harmwatch.platform.imports.ImportsTestAccess;
import org.harmwatch.platform.imports.ImportProblem;
import org.harmwatch.substances.internal.SubstanceCsv;
import org.harmwatch.substances.internal.SubstanceStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The vocabulary's CSV import on the platform's facility and the real database: a file is
 * checked in the background and says what it would change (or names every bad row) before
 * anything is written, then imported all or nothing once confirmed, checked again against
 * the vocabulary as it is then.
 */
@HarmwatchIntegrationTest
class SubstanceImportIntegrationTests {

	@Autowired
	SubstanceImports imports;

	@Autowired
	SubstanceManagement substances;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubstanceStore store;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationContext context;

	HarmwatchUser coordinator;

	@BeforeEach
	void coordinator() {
		coordinator = (HarmwatchUser) users.loadUserByUsername("coordinator");
	}

	static String unique(String name) {
		return name + " " + Long.toString(System.nanoTime(), 36);
	}

	/** Uploads the file and waits until it is checked (or found bad). */
	ImportJob checked(String csv) {
		var job = imports.check("vocabulary.csv", csv.getBytes(StandardCharsets.UTF_8), coordinator);
		return until(job.id(), j -> j.waiting() || j.finished());
	}

	ImportJob imported(UUID id) {
		return until(id, ImportJob::finished);
	}

	ImportJob until(UUID id, java.util.function.Predicate<ImportJob> state) {
		return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
			// As the poll (off in tests) would, should every worker have been busy.
			ImportsTestAccess.submit(context, id);
			return imports.job(id, coordinator);
		}, state);
	}

	long audited(String action, String recordId) {
		return jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE action = ? AND record_id = ?")
			.params(action, recordId)
			.query(Long.class)
			.single();
	}

	@Test
	void exportThenImportChangesNothing() {
		// The vocabulary as the database holds it (the in-memory index may lag it by a
		// second), written as the export writes it.
		var before = store.load();
		var csv = new StringBuilder();
		SubstanceCsv.write(before.substances(), csv);

		var job = checked(csv.toString());

		assertThat(job.status()).isEqualTo(ImportJob.Status.CHECKED);
		var preview = imports.preview(job.id(), coordinator).orElseThrow();
		assertThat(preview.items(SubstanceImports.CREATED)).isEmpty();
		assertThat(preview.items(SubstanceImports.CHANGED)).isEmpty();
		assertThat(preview.count(SubstanceImports.UNCHANGED)).isEqualTo(before.substances().size());
		assertThat(imports.confirm(job.id(), coordinator)).isTrue();
		assertThat(imported(job.id()).status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(store.load()).isEqualTo(before);
	}

	@Test
	void aBadFileNamesEveryBadRowAndWritesNothingThenTheCorrectedFileIsCheckedAndConfirmed() {
		long version = substances.version();
		var good = unique("Importonitazene");
		var csv = "name,class,flags,parent,street_names\r\n" + good
				+ ",NITAZENE,HIGH_POTENCY|NALOXONE_RESPONSIVE,nitazenes,\r\n" + unique("Bad class")
				+ ",NOT_A_CLASS,,,\r\n" + unique("Clash") + ",OTHER,,,china white\r\n" + ",NOPE,BAD_FLAG,,\r\n";

		var failed = checked(csv);

		assertThat(failed.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(failed.problemCount()).isEqualTo(5);
		var problems = imports.problems(failed.id(), coordinator, 100);
		assertThat(problems).extracting(ImportProblem::row, ImportProblem::column)
			.containsExactly(tuple(3, "class"), tuple(4, "street_names"), tuple(5, "name"), tuple(5, "class"),
					tuple(5, "flags"));
		assertThat(problems.get(0).message()).startsWith("'NOT_A_CLASS' is not a class.");
		assertThat(problems.get(1).message()).startsWith("'china white' already belongs to Fentanyl");
		assertThat(problems.get(2).message()).isEqualTo("The name is missing.");
		assertThat(imports.preview(failed.id(), coordinator)).isEmpty();
		assertThat(imports.confirm(failed.id(), coordinator)).as("a bad file cannot be confirmed").isFalse();
		assertThat(substances.version()).isEqualTo(version);
		assertThat(substances.resolve(good)).isEmpty();
		assertThat(audited("IMPORT_REFUSED", failed.id().toString())).isEqualTo(1);

		var fixed = "name,class,flags,parent\r\n" + good + ",NITAZENE,HIGH_POTENCY|NALOXONE_RESPONSIVE,nitazenes\r\n";
		var job = checked(fixed);
		assertThat(job.status()).isEqualTo(ImportJob.Status.CHECKED);
		assertThat(imports.preview(job.id(), coordinator).orElseThrow().items(SubstanceImports.CREATED))
			.containsExactly(good);
		assertThat(substances.resolve(good)).as("nothing is imported before it is confirmed").isEmpty();
		assertThat(substances.version()).isEqualTo(version);

		assertThat(imports.confirm(job.id(), coordinator)).isTrue();
		assertThat(imports.confirm(job.id(), coordinator)).as("confirmed once").isFalse();
		var done = imported(job.id());
		assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(done.outcome().stored()).isEqualTo(1);
		assertThat(substances.resolve(good)).map(r -> r.substance().parent()).contains(new SubstanceId("nitazenes"));
		var code = substances.resolve(good).orElseThrow().substance().id().code();
		assertThat(audited("SUBSTANCE_CREATED", code)).isEqualTo(1);
		assertThat(
				jdbc.sql("SELECT actor FROM platform.audit_event WHERE action = 'SUBSTANCE_CREATED' AND record_id = ?")
					.param(code)
					.query(String.class)
					.single())
			.as("who confirmed it, although a worker wrote it")
			.isEqualTo("coordinator");
		assertThat(substances.version()).isGreaterThan(version);
	}

	@Test
	void aConfirmedFileIsCheckedAgainstTheVocabularyAsItIsThenAndImportsNothingWhenARowNoLongerFits() {
		var street = "zz" + Long.toString(System.nanoTime(), 36);
		var name = unique("Later clash");
		var job = checked("name,class,street_names\n" + name + ",OTHER," + street + "\n");
		assertThat(job.status()).isEqualTo(ImportJob.Status.CHECKED);
		// Meanwhile a colleague gives another substance the same street name.
		var other = substances.create(new SubstanceDraft(null, unique("Colleague's"), SubstanceClass.OTHER, Set.of(),
				null, List.of(new Alias(street, TermKind.STREET_NAME, List.of())), null, null, null));

		imports.confirm(job.id(), coordinator);
		var failed = imported(job.id());

		assertThat(failed.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(imports.problems(job.id(), coordinator, 10)).singleElement().satisfies(p -> {
			assertThat(p.row()).isEqualTo(2);
			assertThat(p.column()).isEqualTo("street_names");
			assertThat(p.message()).contains(other.name());
		});
		assertThat(substances.resolve(name)).isEmpty();
	}

	@Test
	void aFileThatIsNotTheVocabularysFormatIsRefusedAtOnceAndNotKept() {
		long jobs = jdbc.sql("SELECT count(*) FROM platform.import_job WHERE kind = 'substance-vocabulary'")
			.query(Long.class)
			.single();
		assertThatThrownBy(() -> imports.check("v.csv", "name,klass,name\nx,OTHER,y\n".getBytes(StandardCharsets.UTF_8),
				coordinator))
			.isInstanceOfSatisfying(InputRejectedException.class,
					rejected -> assertThat(rejected.problems()).extracting(p -> p.field(), p -> p.code())
						.containsExactly(tuple("file", "substances.import.header.unknown"),
								tuple("file", "substances.import.header.twice"),
								tuple("file", "substances.import.header.missing")));
		assertThatThrownBy(() -> imports.check("v.csv", new byte[0], coordinator)).isInstanceOfSatisfying(
				InputRejectedException.class, rejected -> assertThat(rejected.problems()).extracting(p -> p.code())
					.containsExactly("substances.import.choose"));
		assertThatThrownBy(() -> imports.check("v.csv", "name,class\n".getBytes(StandardCharsets.UTF_8), coordinator))
			.isInstanceOfSatisfying(InputRejectedException.class,
					rejected -> assertThat(rejected.problems()).extracting(p -> p.code())
						.containsExactly("imports.rejected.noRows"));
		assertThat(jdbc.sql("SELECT count(*) FROM platform.import_job WHERE kind = 'substance-vocabulary'")
			.query(Long.class)
			.single()).as("nothing kept").isEqualTo(jobs);
	}

}
