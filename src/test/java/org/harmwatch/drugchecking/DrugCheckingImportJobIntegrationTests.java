package org.harmwatch.drugchecking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.imports.ImportJob;
import org.harmwatch.platform.imports.ImportProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Large CSV imports in the background through the platform's import facility: progress up
 * to every row, all or nothing, started once, seen only by the uploader's agency, resumed
 * after a lost instance, and deleted when old.
 */
@HarmwatchIntegrationTest
class DrugCheckingImportJobIntegrationTests {

	static final ImportMapping MAPPING = new ImportMapping("sample_id", "substance", "sold_as", "form", null, "method",
			"date", SampleMode.AMNESTY_BIN, AnalysisMethod.GC_MS);

	static final List<String> SUBSTANCES = List.of("fentanyl", "xylazine", "4-ANPP", "caffeine", "lidocaine", "quinine",
			"mannitol", "diphenhydramine");

	@Autowired
	SampleManagement sampleManagement;

	@Autowired
	SessionManagement sessionManagement;

	@Autowired
	DrugCheckingImports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	org.springframework.context.ApplicationContext context;

	HarmwatchUser user(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	UUID session() {
		return sessionManagement.createSession(
				new SessionDraft("Partner lab " + UUID.randomUUID(), SiteKind.POSTAL, null, "Postal samples",
						LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "Partner lab", Set.of()),
				"analyst", "WM-CHECK", Instant.now());
	}

	/**
	 * A partner's file: each sample on {@link #SUBSTANCES}.size() rows, one a component.
	 */
	static String generated(int samples) {
		var csv = new StringBuilder("sample_id,sold_as,form,substance,method,date\r\n");
		for (int s = 0; s < samples; s++) {
			for (var substance : SUBSTANCES) {
				csv.append("P-")
					.append(s)
					.append(",heroin,powder,")
					.append(substance)
					.append(",GCMS,2024-03-")
					.append(String.format("%02d", s % 28 + 1))
					.append("\r\n");
			}
		}
		return csv.toString();
	}

	ImportJob finished(UUID job, HarmwatchUser user, List<ImportJob> seen) {
		return await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(50)).until(() -> {
			var now = imports.job(job, user).orElseThrow();
			seen.add(now);
			return now;
		}, ImportJob::finished);
	}

	long componentsStored(UUID session) {
		return jdbc.sql("""
				SELECT count(*) FROM drugchecking.component c JOIN drugchecking.result r ON r.id = c.result_id
				  JOIN drugchecking.sample s ON s.id = r.sample_id WHERE s.session_id = ?""")
			.param(session)
			.query(Long.class)
			.single();
	}

	@Test
	void twentyThousandRowsImportInTheBackgroundWithProgressUpToEveryRow() {
		var session = session();
		var csv = generated(2_500);
		var analyst = user("analyst");
		var job = imports.upload(session, "partner.csv", csv.getBytes(StandardCharsets.UTF_8), analyst);
		assertThat(job.status()).isEqualTo(ImportJob.Status.UPLOADED);
		assertThat(job.totalRows()).isEqualTo(20_000);
		assertThat(job.header()).containsExactly("sample_id", "sold_as", "form", "substance", "method", "date");
		assertThat(sampleManagement.samples(session)).isEmpty();

		assertThat(imports.start(job.id(), MAPPING, analyst)).isTrue();
		assertThat(imports.start(job.id(), MAPPING, analyst)).as("a job is started once").isFalse();
		var seen = Collections.synchronizedList(new ArrayList<ImportJob>());
		var done = finished(job.id(), analyst, seen);

		assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(done.failure()).isNull();
		assertThat(done.rowsDone()).isEqualTo(done.totalRows()).isEqualTo(20_000);
		assertThat(done.outcome().records()).isEqualTo(2_500);
		assertThat(done.outcome().stored()).isEqualTo(2_500);
		assertThat(done.outcome().skipped()).isZero();
		assertThat(done.finishedAt()).isNotNull();
		// The page saw the import part-way: progress is written while the import's
		// transaction is still open.
		assertThat(seen)
			.anyMatch(j -> j.status() == ImportJob.Status.IMPORTING && j.rowsDone() > 0 && j.rowsDone() < 20_000);
		assertThat(seen).extracting(ImportJob::rowsDone).allMatch(rows -> rows <= 20_000);

		assertThat(sampleManagement.samples(session)).hasSize(2_500);
		assertThat(componentsStored(session)).as("each row stored once").isEqualTo(20_000);
		assertThat(jdbc.sql("SELECT content IS NULL FROM platform.import_job WHERE id = ?")
			.param(job.id())
			.query(Boolean.class)
			.single()).as("the file is dropped once imported").isTrue();
		assertThat(imports.start(job.id(), MAPPING, analyst)).isFalse();
		assertThat(sampleManagement.samples(session)).hasSize(2_500);
	}

	@Test
	void aFileWithABadRowImportsNothingAndTheJobNamesTheRow() {
		var session = session();
		var lines = generated(600).split("\r\n");
		// Spreadsheet row 4,001 (the header is row 1): a method no one knows; row 4,500:
		// no substance.
		lines[4_000] = lines[4_000].replace(",GCMS,", ",NMR,");
		lines[4_499] = lines[4_499].replace(",fentanyl,", ",,")
			.replace(",xylazine,", ",,")
			.replace(",4-ANPP,", ",,")
			.replace(",caffeine,", ",,")
			.replace(",lidocaine,", ",,")
			.replace(",quinine,", ",,")
			.replace(",mannitol,", ",,")
			.replace(",diphenhydramine,", ",,");
		var analyst = user("analyst");
		var job = imports.upload(session, "partner.csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
				analyst);
		assertThat(imports.start(job.id(), MAPPING, analyst)).isTrue();
		var failed = finished(job.id(), analyst, new ArrayList<>());

		assertThat(failed.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(failed.failure()).isNull();
		assertThat(failed.problemCount()).isEqualTo(2);
		assertThat(failed.rowsDone()).isEqualTo(4_800);
		var problems = imports.problems(job.id(), analyst, 200);
		assertThat(problems).extracting(ImportProblem::row).containsExactly(4_001, 4_500);
		assertThat(problems.get(0).message()).contains("Unknown method \"NMR\"");
		assertThat(problems.get(1).message()).isEqualTo("No substance.");
		assertThat(sampleManagement.samples(session)).as("all or nothing").isEmpty();
	}

	/**
	 * Someone like the analyst, of another agency or without the drug-checking grants.
	 */
	HarmwatchUser like(HarmwatchUser analyst, String username, String agency, boolean grants) {
		return new HarmwatchUser(UUID.randomUUID(), username, null, username, agency, analyst.agencyName(),
				analyst.agencyType(), analyst.roleNames(), grants ? analyst.grants() : Set.of(), true, false);
	}

	@Test
	void onlyTheUploadersAgencyWithTheGrantSeesOrStartsTheJob() {
		var session = session();
		var analyst = user("analyst");
		var job = imports.upload(session, "partner.csv", generated(2).getBytes(StandardCharsets.UTF_8), analyst);
		assertThat(job.agencyCode()).isEqualTo(analyst.agencyCode());
		for (var stranger : List.of(like(analyst, "elsewhere", "WMP", true),
				like(analyst, "no-grant", analyst.agencyCode(), false))) {
			assertThat(imports.job(job.id(), stranger)).as(stranger.getUsername()).isEmpty();
			assertThat(imports.problems(job.id(), stranger, 10)).isEmpty();
			assertThat(imports.start(job.id(), MAPPING, stranger)).isFalse();
		}
		assertThat(imports.job(job.id(), analyst).orElseThrow().status()).isEqualTo(ImportJob.Status.UPLOADED);
		var colleague = like(analyst, "analyst-colleague", analyst.agencyCode(), true);
		assertThat(imports.job(job.id(), colleague)).as("the agency's analysts share its imports").isPresent();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM platform.audit_event WHERE action = 'IMPORT_JOB_VIEWED' AND record_id = ?
				  AND outcome = 'DENIED'""").param(job.id().toString()).query(Long.class).single())
			.as("each refusal is audited")
			.isEqualTo(2);
	}

	/**
	 * The file is refused with the import facility's reason, shown on the upload form.
	 */
	static void assertRefusedFile(InputRejectedException ex, String reason) {
		assertThat(ex.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.field()).isEqualTo("file");
			assertThat(problem.code()).isEqualTo("drugchecking.error.file.rejected");
			assertThat(String.valueOf(problem.arguments().get(0))).contains(reason);
		});
	}

	@Test
	void anUploadIsRefusedWhenItIsNotACsvOrTooLong() {
		var session = session();
		var analyst = user("analyst");
		assertThatThrownBy(() -> imports.upload(session, "x.csv", "just words".getBytes(), analyst))
			.isInstanceOfSatisfying(InputRejectedException.class, ex -> assertRefusedFile(ex, "no header row"));
		assertThatThrownBy(() -> imports.upload(session, "x.csv", "a,b\n".getBytes(), analyst))
			.isInstanceOfSatisfying(InputRejectedException.class, ex -> assertRefusedFile(ex, "no rows"));
		var tooLong = new StringBuilder("a,b\n");
		for (int i = 0; i <= DrugCheckingImports.MAX_IMPORT_ROWS; i++) {
			tooLong.append(i).append(",x\n");
		}
		assertThatThrownBy(() -> imports.upload(session, "x.csv", tooLong.toString().getBytes(), analyst))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertRefusedFile(ex, "The file has 50,001 rows; at most 50,000"));
	}

	@Test
	void aJobWhoseLeaseExpiredIsTakenOverAndOldJobsAreDeleted() {
		var session = session();
		var analyst = user("analyst");
		var job = imports.upload(session, "partner.csv", generated(10).getBytes(StandardCharsets.UTF_8), analyst);
		// As a run that stopped half-way leaves it: importing, its transaction rolled
		// back, its lease long expired.
		var longAgo = java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
		var lostRun = UUID.randomUUID();
		jdbc.sql("""
				UPDATE platform.import_job SET status = 'IMPORTING', lease_owner = ?, lease_until = ?, attempts = 1,
				  rows_done = 40, mapping_columns = ARRAY['sampleKey', 'substance', 'soldAs', 'form', 'method', 'date'],
				  mapping_headers = ARRAY['sample_id', 'substance', 'sold_as', 'form', 'method', 'date'],
				  option_names = ARRAY['mode', 'defaultMethod'], option_values = ARRAY['AMNESTY_BIN', 'GC_MS'],
				  imported_by = 'Ana Lyst', started_at = ? WHERE id = ?""")
			.param(lostRun)
			.param(longAgo)
			.param(longAgo)
			.param(job.id())
			.update();

		org.harmwatch.platform.imports.ImportsTestAccess.sweep(context, Instant.now());
		var done = finished(job.id(), analyst, new ArrayList<>());
		assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(done.outcome().stored()).isEqualTo(10);
		assertThat(sampleManagement.samples(session)).hasSize(10);
		assertThat(componentsStored(session)).isEqualTo(80);
		assertThat(jdbc.sql("SELECT attempts FROM platform.import_job WHERE id = ?")
			.param(job.id())
			.query(Integer.class)
			.single()).as("run again once").isEqualTo(2);

		org.harmwatch.platform.imports.ImportsTestAccess.sweep(context, Instant.now());
		assertThat(imports.job(job.id(), analyst)).as("kept for a week").isPresent();
		jdbc.sql("UPDATE platform.import_job SET finished_at = ? WHERE id = ?")
			.param(java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(8))))
			.param(job.id())
			.update();
		org.harmwatch.platform.imports.ImportsTestAccess.sweep(context, Instant.now());
		assertThat(imports.job(job.id(), analyst)).isEmpty();
		assertThat(sampleManagement.samples(session)).as("the samples stay").hasSize(10);
	}

}
