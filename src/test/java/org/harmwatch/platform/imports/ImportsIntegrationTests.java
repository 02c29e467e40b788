package org.harmwatch.platform.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SiteKind;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import facility on the real database: all or nothing even when storing fails
 * half-way, every bad row named, hostile files answered 4xx and nothing stored, and a job
 * claimed with a lease that another claimant skips while it is held and takes over once
 * it has expired.
 */
@HarmwatchIntegrationTest
class ImportsIntegrationTests {

	/**
	 * A kind for these tests: a name per row, stored as saved-mapping rows of a made-up
	 * agency (a table the facility owns), one row at a time; a name {@code FAIL} makes
	 * storing fail once the rows before it are written.
	 */
	static final class Names implements ImportKind<String> {

		@Override
		public String name() {
			return "test-names";
		}

		@Override
		public Grant grant() {
			return new Grant(Capability.DRUG_CHECKING, Action.WRITE, Purpose.HEALTH);
		}

		@Override
		public List<ImportColumn> columns() {
			return List.of(ImportColumn.required("name", "name"));
		}

		/** Names refused from now on, as if what the kind imports into had changed. */
		final Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();

		@Override
		public String parse(ImportRow row) {
			var name = row.text("name");
			if (name == null) {
				throw row.reject("name", ImportProblem.TEXT, "No name.");
			}
			if (name.length() > 20) {
				throw row.reject("name", ImportProblem.TEXT, "A name is at most 20 characters.");
			}
			if (refused.contains(name)) {
				// A code of the facility's bundle, so that the test reads its words.
				throw row.reject("name", "imports.problem.notInHeader", name);
			}
			return name;
		}

		@Override
		public ImportPreview preview(List<String> records, ImportContext context) {
			var existing = jdbc.sql("SELECT column_name FROM platform.import_mapping WHERE agency_code = ?")
				.param(context.scope())
				.query(String.class)
				.list();
			var created = records.stream()
				.filter(name -> existing.stream().noneMatch(e -> e.startsWith(name + "-")))
				.toList();
			return new ImportPreview(List.of(ImportPreview.named("created", created),
					ImportPreview.counted("unchanged", records.size() - created.size())));
		}

		JdbcClient jdbc;

		@Override
		public ImportOutcome store(List<String> records, ImportContext context) {
			int stored = 0;
			for (var name : records) {
				if (name.equals("FAIL")) {
					throw new ImportFailedException(ImportProblem.TEXT, List.of("Storing " + name + " failed."));
				}
				jdbc.sql("""
						INSERT INTO platform.import_mapping (agency_code, kind, column_name, header, saved_at)
						VALUES (?, 'test-names', ?, 'stored', now())""")
					.param(context.scope())
					.param(name + "-" + stored)
					.update();
				context.stored(++stored);
			}
			return new ImportOutcome(records.size(), stored, 0);
		}

	}

	@Autowired
	Imports imports;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportWorker worker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MockMvc mvc;

	@Autowired
	SampleManagement sampleManagement;

	@Autowired
	SessionManagement sessionManagement;

	Names kind;

	HarmwatchUser analyst;

	@BeforeEach
	void kind() {
		var factory = context.getBeanFactory();
		if (!factory.containsSingleton("testNamesImportKind")) {
			var names = new Names();
			names.jdbc = jdbc;
			factory.registerSingleton("testNamesImportKind", names);
		}
		kind = (Names) factory.getSingleton("testNamesImportKind");
		analyst = (HarmwatchUser) users.loadUserByUsername("analyst");
	}

	long stored(String scope) {
		return jdbc.sql("SELECT count(*) FROM platform.import_mapping WHERE agency_code = ? AND header = 'stored'")
			.param(scope)
			.query(Long.class)
			.single();
	}

	ImportJob finished(UUID id) {
		return await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> polled(id), ImportJob::finished);
	}

	/**
	 * The job, started on a free worker if it still waits to be claimed, as the poll (off
	 * in tests) would.
	 */
	ImportJob polled(UUID id) {
		var job = imports.job(kind, id, analyst).orElseThrow();
		if (job.status() == ImportJob.Status.QUEUED) {
			worker.submit(id);
		}
		return job;
	}

	static byte[] names(String... names) {
		return ("name,note\n" + String.join(",x\n", names) + ",x\n").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Uploaded and queued, not yet claimed (as if no worker of this instance were free).
	 */
	UUID queued(String scope, byte[] csv) {
		var job = imports.upload(kind, scope, "names.csv", csv, analyst);
		assertThat(jobs.queue(job.id(), ColumnMapping.of(kind, Map.of("name", "name")), Map.of(), "Ana Lyst",
				Instant.now()))
			.isTrue();
		return job.id();
	}

	@Test
	void aFailureWhileStoringRollsBackEveryRecordAlreadyWritten() {
		var scope = "TEST-" + UUID.randomUUID();
		var job = imports.upload(kind, scope, "names.csv", names("ann", "bob", "cy", "FAIL", "dee"), analyst);
		assertThat(imports.start(kind, job.id(), ColumnMapping.of(kind, Map.of("name", "name")), Map.of(), analyst))
			.isTrue();
		var failed = finished(job.id());
		assertThat(failed.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(failed.failure()).isEqualTo("Storing FAIL failed.");
		assertThat(stored(scope)).as("all or nothing: ann, bob and cy were written, then rolled back").isZero();

		var good = imports.upload(kind, scope, "names.csv", names("ann", "bob", "cy"), analyst);
		imports.start(kind, good.id(), ColumnMapping.of(kind, Map.of("name", "name")), Map.of(), analyst);
		var done = finished(good.id());
		assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(done.outcome()).isEqualTo(new ImportOutcome(3, 3, 0));
		assertThat(stored(scope)).isEqualTo(3);
		assertThat(jdbc.sql("SELECT content IS NULL FROM platform.import_job WHERE id = ?")
			.param(good.id())
			.query(Boolean.class)
			.single()).as("the file is dropped once imported").isTrue();
	}

	@Test
	void everyBadRowIsNamedAndNothingIsStored() {
		var scope = "TEST-" + UUID.randomUUID();
		var csv = "name,note\nann,x\n,x\nbob,x\nthis name is far too long,x\ncy\n\nbob,x\n";
		var job = imports.upload(kind, scope, "names.csv", csv.getBytes(StandardCharsets.UTF_8), analyst);
		assertThat(job.totalRows()).as("blank rows are not counted").isEqualTo(6);
		imports.start(kind, job.id(), ColumnMapping.of(kind, Map.of("name", "name")), Map.of(), analyst);
		var failed = finished(job.id());
		assertThat(failed.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(failed.failure()).isNull();
		assertThat(failed.problemCount()).isEqualTo(3);
		assertThat(imports.problems(kind, job.id(), analyst, 10)).extracting(ImportProblem::row, ImportProblem::message)
			.containsExactly(tuple(3, "No name."), tuple(5, "A name is at most 20 characters."),
					tuple(6, "Has 1 fields; the header has 2."));
		assertThat(imports.problems(kind, job.id(), analyst, 10)).extracting(ImportProblem::code)
			.as("words of a kind kept as words; the facility's own as codes")
			.containsExactly(ImportProblem.TEXT, ImportProblem.TEXT, "imports.problem.fieldCount");
		assertThat(stored(scope)).isZero();
	}

	@Test
	void theMappingAnAgencyConfirmedIsItsNextGuess() {
		var job = imports.upload(kind, "TEST-" + UUID.randomUUID(), "names.csv",
				"who,name\nann,x\n".getBytes(StandardCharsets.UTF_8), analyst);
		assertThat(imports.guess(kind, job).header("name")).isEqualTo("name");
		imports.start(kind, job.id(), ColumnMapping.of(kind, Map.of("name", "who")), Map.of(), analyst);
		var next = imports.upload(kind, "TEST-" + UUID.randomUUID(), "names.csv",
				"who,name\nbob,x\n".getBytes(StandardCharsets.UTF_8), analyst);
		assertThat(imports.guess(kind, next).header("name")).isEqualTo("who");
	}

	@Test
	void aClaimedJobIsSkippedByOtherClaimantsUntilItsLeaseExpiresThenTakenOver() {
		var scope = "TEST-" + UUID.randomUUID();
		var id = queued(scope, names("ann", "bob"));
		var now = Instant.now();

		var first = worker.claim(id, now).orElseThrow();
		assertThat(worker.claim(id, now)).as("held under a lease").isEmpty();
		assertThat(worker.claim(id, now.plus(Duration.ofMinutes(1)))).as("the lease (2 minutes) still runs").isEmpty();
		// The first claimant's instance goes away; once its lease has expired, another
		// takes the job over.
		var second = worker.claim(id, now.plus(Duration.ofMinutes(3))).orElseThrow();
		assertThat(second.runId()).isNotEqualTo(first.runId());
		assertThat(jdbc.sql("SELECT attempts FROM platform.import_job WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(2);

		worker.run(first);
		assertThat(stored(scope)).as("the run that lost its lease stores nothing").isZero();
		assertThat(imports.job(kind, id, analyst).orElseThrow().status()).isEqualTo(ImportJob.Status.VALIDATING);
		worker.run(second);
		var done = imports.job(kind, id, analyst).orElseThrow();
		assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(stored(scope)).as("stored once").isEqualTo(2);
	}

	@Test
	void aJobWhoseRowIsLockedIsSkippedNotWaitedFor() throws Exception {
		var scope = "TEST-" + UUID.randomUUID();
		var id = queued(scope, names("ann"));
		var transaction = new TransactionTemplate(transactions);
		transaction.executeWithoutResult(tx -> {
			// Another claimant is in the middle of claiming it: its row is locked.
			jdbc.sql("SELECT id FROM platform.import_job WHERE id = ? FOR UPDATE").param(id).query(UUID.class).single();
			var meanwhile = CompletableFuture.supplyAsync(() -> worker.claim(id, Instant.now()));
			try {
				assertThat(meanwhile.get(30, TimeUnit.SECONDS)).as("skipped at once, not blocked").isEmpty();
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		});
		var claim = worker.claim(id, Instant.now()).orElseThrow();
		worker.run(claim);
		assertThat(stored(scope)).isEqualTo(1);
	}

	@Test
	void aJobInterruptedTooOftenIsStopped() {
		var scope = "TEST-" + UUID.randomUUID();
		var id = queued(scope, names("ann"));
		var now = Instant.now();
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThat(worker.claim(id, now.plus(Duration.ofMinutes(3L * attempt)))).isPresent();
		}
		worker.sweep(now.plus(Duration.ofMinutes(20)));
		var stopped = imports.job(kind, id, analyst).orElseThrow();
		assertThat(stopped.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(stopped.failure())
			.isEqualTo("The import was interrupted 3 times, so it was stopped. Nothing was imported.");
		assertThat(stopped.failureCode()).isEqualTo("imports.failure.interrupted");
		assertThat(stopped.failureArguments()).containsExactly("3");
		assertThat(stored(scope)).isZero();
	}

	// ---- Checked first, then applied

	ImportJob waiting(UUID id) {
		return await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> polled(id), j -> j.waiting() || j.finished());
	}

	@Test
	void aJobCheckedFirstShowsWhatItWouldChangeAndStoresNothingUntilConfirmed() {
		var scope = "TEST-" + UUID.randomUUID();
		var mapping = ColumnMapping.of(kind, Map.of("name", "name"));
		// ann is there already.
		jdbc.sql("""
				INSERT INTO platform.import_mapping (agency_code, kind, column_name, header, saved_at)
				VALUES (?, 'test-names', 'ann-before', 'stored', now())""").param(scope).update();
		var job = imports.upload(kind, scope, "names.csv", names("ann", "bob", "cy"), analyst);
		assertThat(imports.checkFirst(kind, job.id(), mapping, Map.of(), analyst)).isTrue();
		assertThat(imports.checkFirst(kind, job.id(), mapping, Map.of(), analyst)).as("once").isFalse();

		var checked = waiting(job.id());
		assertThat(checked.status()).isEqualTo(ImportJob.Status.CHECKED);
		assertThat(checked.checkFirst()).isTrue();
		assertThat(checked.rowsDone()).isEqualTo(3);
		assertThat(stored(scope)).as("nothing stored before it is confirmed").isEqualTo(1);
		var preview = imports.preview(kind, job.id(), analyst).orElseThrow();
		assertThat(preview.items("created")).containsExactly("bob", "cy");
		assertThat(preview.count("unchanged")).isEqualTo(1);
		assertThat(imports.preview(kind, job.id(), (HarmwatchUser) users.loadUserByUsername("coordinator")))
			.as("only the uploader's agency sees it")
			.isEmpty();
		assertThat(Imports.Status.of(checked).waiting()).isTrue();
		assertThat(Imports.Status.of(checked).finished()).isFalse();

		assertThat(imports.confirm(kind, job.id(), analyst)).isTrue();
		var done = finished(job.id());
		assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(stored(scope)).isEqualTo(4);
		assertThat(imports.confirm(kind, job.id(), analyst)).as("confirmed once: nothing stored twice").isFalse();
		assertThat(stored(scope)).isEqualTo(4);
		assertThat(imports.preview(kind, job.id(), analyst)).as("what it changed is still shown").isPresent();
	}

	@Test
	void aFileCheckedFirstWithBadRowsNamesEveryOneAndCannotBeConfirmed() {
		var scope = "TEST-" + UUID.randomUUID();
		var job = imports.upload(kind, scope, "names.csv",
				"name,note\nann,x\n,x\nthis name is far too long,x\n".getBytes(StandardCharsets.UTF_8), analyst);
		imports.checkFirst(kind, job.id(), ColumnMapping.of(kind, Map.of("name", "name")), Map.of(), analyst);
		var failed = waiting(job.id());
		assertThat(failed.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(imports.problems(kind, job.id(), analyst, 10)).extracting(ImportProblem::row).containsExactly(3, 4);
		assertThat(imports.preview(kind, job.id(), analyst)).isEmpty();
		assertThat(imports.confirm(kind, job.id(), analyst)).isFalse();
		assertThat(stored(scope)).isZero();
	}

	@Test
	void aConfirmedJobChecksEveryRowAgainAndStoresNothingWhenOneHasBecomeBad() {
		var scope = "TEST-" + UUID.randomUUID();
		var job = imports.upload(kind, scope, "names.csv", names("ann", "refused-later"), analyst);
		imports.checkFirst(kind, job.id(), ColumnMapping.of(kind, Map.of("name", "name")), Map.of(), analyst);
		assertThat(waiting(job.id()).status()).isEqualTo(ImportJob.Status.CHECKED);
		kind.refused.add("refused-later");
		try {
			imports.confirm(kind, job.id(), analyst);
			var failed = finished(job.id());
			assertThat(failed.status()).isEqualTo(ImportJob.Status.FAILED);
			assertThat(imports.problems(kind, job.id(), analyst, 10))
				.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::message)
				.containsExactly(tuple(3, "name", "The column \"refused-later\" is not in the header."));
			assertThat(stored(scope)).isZero();
		}
		finally {
			kind.refused.remove("refused-later");
		}
	}

	@Test
	void aJobCheckedFirstIsTakenOverByAnotherInstanceWhenItsLeaseExpiresBothWhenCheckingAndWhenStoring() {
		var scope = "TEST-" + UUID.randomUUID();
		var job = imports.upload(kind, scope, "names.csv", names("ann", "bob"), analyst);
		assertThat(jobs.queue(job.id(), ColumnMapping.of(kind, Map.of("name", "name")), Map.of(), "Ana Lyst", "analyst",
				Instant.now(), true))
			.isTrue();
		var now = Instant.now();
		// Checking: the first instance claims it and goes away; another takes it over.
		var first = worker.claim(job.id(), now).orElseThrow();
		var second = worker.claim(job.id(), now.plus(Duration.ofMinutes(3))).orElseThrow();
		worker.run(first);
		assertThat(imports.job(kind, job.id(), analyst).orElseThrow().status()).as("the lost run records nothing")
			.isEqualTo(ImportJob.Status.VALIDATING);
		worker.run(second);
		assertThat(imports.job(kind, job.id(), analyst).orElseThrow().status()).isEqualTo(ImportJob.Status.CHECKED);
		assertThat(worker.claim(job.id(), now.plus(Duration.ofMinutes(10)))).as("a checked job waits for a person")
			.isEmpty();

		// Storing: confirmed (in the repository, so no worker of this instance starts
		// it),
		// claimed by one instance that goes away, then taken over by another.
		var confirmed = new TransactionTemplate(transactions).execute(tx -> {
			assertThat(jobs.confirm(job.id(), "Ana Lyst", "analyst", Instant.now())).isTrue();
			return true;
		});
		assertThat(confirmed).isTrue();
		var third = worker.claim(job.id(), now.plus(Duration.ofMinutes(11))).orElseThrow();
		var fourth = worker.claim(job.id(), now.plus(Duration.ofMinutes(14))).orElseThrow();
		worker.run(third);
		assertThat(stored(scope)).as("the run that lost its lease stores nothing").isZero();
		worker.run(fourth);
		var done = imports.job(kind, job.id(), analyst).orElseThrow();
		assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(stored(scope)).as("stored once").isEqualTo(2);
		assertThat(jdbc.sql("SELECT attempts FROM platform.import_job WHERE id = ?")
			.param(job.id())
			.query(Integer.class)
			.single()).as("attempts count again from the confirmation").isEqualTo(2);
	}

	@Test
	void messagesOfTheFacilityAreCodesResolvedForTheReader() {
		var tooMany = new StringBuilder("name,note\n");
		for (int i = 0; i <= kind.maxRows(); i++) {
			tooMany.append("n").append(i).append(",x\n");
		}
		assertThatThrownBy(() -> imports.upload(kind, "TEST", "names.csv",
				tooMany.toString().getBytes(StandardCharsets.UTF_8), analyst))
			.isInstanceOfSatisfying(ImportRejectedException.class, rejected -> {
				assertThat(rejected.code()).isEqualTo("imports.rejected.tooManyRows");
				assertThat(rejected.getMessage()).isEqualTo(
						"The file has 50,001 rows; at most 50,000 can be imported at once. Split it into smaller files.");
				assertThat(rejected.problem("file").field()).isEqualTo("file");
			});
		assertThatThrownBy(
				() -> imports.upload(kind, "TEST", "names.csv", new byte[] { 'P', 'K', 3, 4, 0, 0 }, analyst))
			.isInstanceOfSatisfying(ImportRejectedException.class, rejected -> assertThat(rejected.getMessage())
				.startsWith("This is not a CSV file: it holds binary"));
		var report = imports.check(kind, "other,note\nx,y\n", ColumnMapping.of(kind, Map.of("name", "name")), Map.of());
		assertThat(report.problems()).extracting(ImportProblem::message)
			.containsExactly("The column \"name\" is not in the header.");
		var problem = new ColumnMapping.ColumnProblem("name", ColumnMapping.Reason.MISSING);
		assertThat(jobs.text(problem.problem())).isEqualTo("Choose the column of the file for name.");
	}

	// ---- Hostile files, through drug checking's upload form

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	UUID session() {
		return sessionManagement.createSession(
				new SessionDraft("Hostile files " + UUID.randomUUID(), SiteKind.POSTAL, null, "Hostile files",
						LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "Partner lab", Set.of()),
				"analyst", "WM-CHECK", Instant.now());
	}

	long jobs() {
		return jdbc.sql("SELECT count(*) FROM platform.import_job").query(Long.class).single();
	}

	@Test
	void hostileFilesAreRefusedWithA4xxAndNothingIsStored() throws Exception {
		var session = session();
		long before = jobs();
		var hostile = Map.of("NUL bytes", "sample_id,substance\nP-1,fent\u0000anyl\n".getBytes(StandardCharsets.UTF_8),
				"not UTF-8", "sample_id,substance\nP-1,caf\u00e9ine\n".getBytes(StandardCharsets.ISO_8859_1),
				"not CSV: a quote never closed",
				"sample_id,substance\nP-1,\"fentanyl\n".getBytes(StandardCharsets.UTF_8), "not CSV: text after a quote",
				"sample_id,substance\nP-1,\"fent\"anyl\n".getBytes(StandardCharsets.UTF_8), "no header",
				"just some notes".getBytes(StandardCharsets.UTF_8), "a header only",
				"sample_id,substance\r\n".getBytes(StandardCharsets.UTF_8), "a PDF",
				"%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
		for (var file : hostile.entrySet()) {
			mvc.perform(multipart("/drug-checking/sessions/{id}/import/upload", session)
				.file(new MockMultipartFile("file", "results.csv", "text/csv", file.getValue()))
				.with(csrf())
				.with(as("analyst")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("govuk-error-summary")));
		}
		var oversized = new byte[(int) imports.maxFileSize() + 1];
		java.util.Arrays.fill(oversized, (byte) 'a');
		mvc.perform(multipart("/drug-checking/sessions/{id}/import/upload", session)
			.file(new MockMultipartFile("file", "results.csv", "text/csv", oversized))
			.with(csrf())
			.with(as("analyst")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("smaller than 50 MB")));
		assertThat(jobs()).isEqualTo(before);
	}

	/**
	 * A kind that stores while it checks and holds its transaction after the first block,
	 * until the test lets it go.
	 */
	static final class Held implements ImportKind<String> {

		final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

		@Override
		public String name() {
			return "test-held";
		}

		@Override
		public Grant grant() {
			return new Grant(Capability.DRUG_CHECKING, Action.WRITE, Purpose.HEALTH);
		}

		@Override
		public List<ImportColumn> columns() {
			return List.of(ImportColumn.required("name", "name"));
		}

		@Override
		public String parse(ImportRow row) {
			return row.text("name");
		}

		@Override
		public boolean parsesInParallel() {
			return true;
		}

		@Override
		public boolean storesWhileChecking() {
			return true;
		}

		@Override
		public ImportOutcome store(List<String> records, ImportContext context) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Storing<String> storing(ImportContext context) {
			return new Storing<>() {

				int stored;

				@Override
				public void accept(List<String> records) {
					if (stored > 0) {
						try {
							release.await(1, TimeUnit.MINUTES);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}
					stored += records.size();
					context.stored(stored);
				}

				@Override
				public ImportOutcome finish() {
					return new ImportOutcome(stored, stored, 0);
				}

				@Override
				public void close() {
				}

			};
		}

	}

	/**
	 * While a kind that stores as it checks has stored some rows, the job's status says
	 * how many beside the rows checked; once it is done, only the outcome does.
	 */
	@Test
	void aJobStoringWhileItChecksShowsTheRowsStoredSoFar() {
		var held = new Held();
		context.getBeanFactory().registerSingleton("testHeldImportKind" + UUID.randomUUID(), held);
		var csv = new StringBuilder("name,note\n");
		for (int i = 0; i < 20_000; i++) {
			csv.append("n").append(i).append(",x\n");
		}
		var job = imports.upload(held, "TEST-" + UUID.randomUUID(), "held.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8), analyst);
		assertThat(imports.start(held, job.id(), ColumnMapping.of(held, Map.of("name", "name")), Map.of(), analyst))
			.isTrue();
		try {
			var storing = await().atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> Imports.Status.of(imports.job(held, job.id(), analyst).orElseThrow()),
						status -> status.rowsStored() > 0);
			assertThat(storing.status()).isEqualTo(ImportJob.Status.VALIDATING);
			assertThat(storing.rowsStored()).isEqualTo(4_096);
		}
		finally {
			held.release.countDown();
		}
		var done = await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> imports.job(held, job.id(), analyst).orElseThrow(), ImportJob::finished);
		assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(done.outcome().stored()).isEqualTo(20_000);
		assertThat(Imports.Status.of(done).rowsStored()).isZero();
	}

	@Test
	void theJobPageShowsProgressToScreenReadersAndRefreshesItselfWithoutJavaScript() throws Exception {
		var session = session();
		var redirect = mvc
			.perform(multipart("/drug-checking/sessions/{id}/import/upload", session)
				.file(new MockMultipartFile("file", "results.csv", "text/csv",
						"sample_id,substance\nP-1,fentanyl\nP-2,xylazine\nP-3,caffeine\n"
							.getBytes(StandardCharsets.UTF_8)))
				.with(csrf())
				.with(as("analyst")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		var job = UUID.fromString(redirect.substring("/drug-checking/imports/".length()));
		// Queued and waiting for a worker (none is started here, as when every worker is
		// busy).
		assertThat(jobs.queue(job, new ColumnMapping(Map.of("sampleKey", "sample_id", "substance", "substance")),
				Map.of("mode", "FRONT_OF_HOUSE", "defaultMethod", "GC_MS"), "Ana Lyst", Instant.now()))
			.isTrue();
		mvc.perform(get("/drug-checking/imports/{id}", job).with(as("analyst")))
			.andExpect(status().isOk())
			.andExpect(content().string(
					containsString("<progress id=\"import-progress\" class=\"hw-progress\" max=\"3\" value=\"0\">")))
			.andExpect(content().string(containsString("role=\"status\" aria-live=\"polite\"")))
			.andExpect(content().string(containsString("Waiting to start: 0 of 3 rows checked")))
			.andExpect(content().string(containsString("<p class=\"govuk-body\" id=\"import-progress-stored\" hidden")))
			.andExpect(content()
				.string(containsString("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>")))
			.andExpect(content().string(containsString("/js/import-progress.js")));
		var claim = worker.claim(job, Instant.now()).orElseThrow();
		worker.run(claim);
		mvc.perform(get("/drug-checking/imports/{id}", job).with(as("analyst")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3 samples imported")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("http-equiv=\"refresh\""))));
		assertThat(sampleManagement.samples(session)).hasSize(3);
	}

	@Test
	void hugeNumbersAndWrongTypesInRowsNameTheRowsAndHostileMappingsAre422() throws Exception {
		var session = session();
		var csv = "sample_id,substance,method,date\n" + "P-1,fentanyl,GCMS,2024-03-01\n"
				+ "P-2,fentanyl,GCMS,99999999999-01-01\n" + "P-3,fentanyl," + "9".repeat(400) + ",2024-03-01\n"
				+ "P-4,fentanyl,GCMS,1e308\n" + "P-5,fentanyl,GCMS,2024-02-30\n";
		var redirect = mvc
			.perform(multipart("/drug-checking/sessions/{id}/import/upload", session)
				.file(new MockMultipartFile("file", "results.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(csrf())
				.with(as("analyst")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		var job = redirect.substring("/drug-checking/imports/".length());
		for (var hostile : List.of(Map.of("mode", "9".repeat(40)), Map.of("defaultMethod", "-1e309"),
				Map.of("sampleKey", "no_such_column"), Map.of("substance", ""), Map.of("date", "\"sample_id\"'--"))) {
			var request = post("/drug-checking/imports/{id}", job).with(csrf())
				.with(as("analyst"))
				.param("sampleKey", "sample_id")
				.param("substance", "substance")
				.param("method", "method")
				.param("date", "date")
				.param("mode", "FRONT_OF_HOUSE")
				.param("defaultMethod", "GC_MS");
			hostile.forEach(request::param);
			mvc.perform(request).andExpect(status().is4xxClientError());
		}
		mvc.perform(post("/drug-checking/imports/{id}", job).with(csrf())
			.with(as("analyst"))
			.param("sampleKey", "sample_id")
			.param("substance", "substance")
			.param("method", "method")
			.param("date", "date")
			.param("mode", "FRONT_OF_HOUSE")
			.param("defaultMethod", "GC_MS")).andExpect(status().is3xxRedirection());
		var drugCheckingKind = context.getBean("sampleImportKind", ImportKind.class);
		var failed = await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> imports.job(drugCheckingKind, UUID.fromString(job), analyst).orElseThrow(),
					ImportJob::finished);
		assertThat(failed.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(imports.problems(drugCheckingKind, failed.id(), analyst, 10)).extracting(ImportProblem::row)
			.containsExactly(3, 4, 5, 6);
		mvc.perform(get("/drug-checking/imports/{id}", job).with(as("analyst")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not a date like 2023-04-16")))
			.andExpect(content().string(containsString("Unknown method")));
		assertThat(sampleManagement.samples(session)).isEmpty();
	}

}
