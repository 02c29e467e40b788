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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Large CSV imports in the background: progress up to every row, all or nothing, started once, seen only by the
 * uploader, resumed after a lost instance, and deleted when old.
 */
@HarmwatchIntegrationTest
class DrugCheckingImportJobIntegrationTests {

	static final ImportMapping MAPPING = new ImportMapping("sample_id", "substance", "sold_as", "form", null, "method",
			"date", SampleMode.AMNESTY_BIN, AnalysisMethod.GC_MS);

	static final List<String> SUBSTANCES = List.of("fentanyl", "xylazine", "4-ANPP", "caffeine", "lidocaine",
			"quinine", "mannitol", "diphenhydramine");

	@Autowired
	SessionManagement sessionManagement;

	@Autowired
	SampleManagement sampleManagement;

	@Autowired
	DrugCheckingImports imports;

	@Autowired
	JdbcClient jdbc;

	UUID session() {
		return sessionManagement.createSession(new SessionDraft("Partner lab " + UUID.randomUUID(), SiteKind.POSTAL, null,
				"Postal samples", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "Partner lab", Set.of()),
				"analyst", "WM-CHECK", Instant.now());
	}

	/** A partner's file: each sample on {@link #SUBSTANCES}.size() rows, one a component. */
	static String generated(int samples) {
		var csv = new StringBuilder("sample_id,sold_as,form,substance,method,date\r\n");
		for (int s = 0; s < samples; s++) {
			for (var substance : SUBSTANCES) {
				csv.append("P-").append(s).append(",heroin,powder,").append(substance).append(",GCMS,2024-03-")
					.append(String.format("%02d", s % 28 + 1))
					.append("\r\n");
			}
		}
		return csv.toString();
	}

	SampleImportJob finished(UUID job, String username, List<SampleImportJob> seen) {
		return await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(50)).until(() -> {
			var now = imports.job(job, username).orElseThrow();
			seen.add(now);
			return now;
		}, SampleImportJob::finished);
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
		var job = imports.upload(session, "partner.csv", csv.getBytes(StandardCharsets.UTF_8), "analyst", Instant.now());
		assertThat(job.status()).isEqualTo(SampleImportJob.Status.UPLOADED);
		assertThat(job.totalRows()).isEqualTo(20_000);
		assertThat(job.header()).containsExactly("sample_id", "sold_as", "form", "substance", "method", "date");
		assertThat(sampleManagement.samples(session)).isEmpty();

		assertThat(imports.start(job.id(), MAPPING, "analyst", "Ana Lyst", Instant.now())).isTrue();
		assertThat(imports.start(job.id(), MAPPING, "analyst", "Ana Lyst", Instant.now()))
			.as("a job is started once")
			.isFalse();
		var seen = Collections.synchronizedList(new ArrayList<SampleImportJob>());
		var done = finished(job.id(), "analyst", seen);

		assertThat(done.status()).isEqualTo(SampleImportJob.Status.DONE);
		assertThat(done.failure()).isNull();
		assertThat(done.rowsDone()).isEqualTo(done.totalRows()).isEqualTo(20_000);
		assertThat(done.samples()).isEqualTo(2_500);
		assertThat(done.imported()).isEqualTo(2_500);
		assertThat(done.alreadyImported()).isZero();
		assertThat(done.finishedAt()).isNotNull();
		// The page saw the import part-way: progress is written while the import's transaction is still open.
		assertThat(seen).anyMatch(j -> j.status() == SampleImportJob.Status.IMPORTING && j.rowsDone() > 0
				&& j.rowsDone() < 20_000);
		assertThat(seen).extracting(SampleImportJob::rowsDone).allMatch(rows -> rows <= 20_000);

		assertThat(sampleManagement.samples(session)).hasSize(2_500);
		assertThat(componentsStored(session)).as("each row stored once").isEqualTo(20_000);
		assertThat(jdbc.sql("SELECT content IS NULL FROM drugchecking.import_job WHERE id = ?")
			.param(job.id())
			.query(Boolean.class)
			.single()).as("the file is dropped once imported").isTrue();
		assertThat(imports.start(job.id(), MAPPING, "analyst", "Ana Lyst", Instant.now())).isFalse();
		assertThat(sampleManagement.samples(session)).hasSize(2_500);
	}

	@Test
	void aFileWithABadRowImportsNothingAndTheJobNamesTheRow() {
		var session = session();
		var lines = generated(600).split("\r\n");
		// Spreadsheet row 4,001 (the header is row 1): a method no one knows; row 4,500: no substance.
		lines[4_000] = lines[4_000].replace(",GCMS,", ",NMR,");
		lines[4_499] = lines[4_499].replace(",fentanyl,", ",,").replace(",xylazine,", ",,").replace(",4-ANPP,", ",,")
			.replace(",caffeine,", ",,").replace(",lidocaine,", ",,").replace(",quinine,", ",,")
			.replace(",mannitol,", ",,").replace(",diphenhydramine,", ",,");
		var job = imports.upload(session, "partner.csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
				"analyst", Instant.now());
		assertThat(imports.start(job.id(), MAPPING, "analyst", "Ana Lyst", Instant.now())).isTrue();
		var failed = finished(job.id(), "analyst", new ArrayList<>());

		assertThat(failed.status()).isEqualTo(SampleImportJob.Status.FAILED);
		assertThat(failed.failure()).isNull();
		assertThat(failed.problemCount()).isEqualTo(2);
		assertThat(failed.rowsDone()).isEqualTo(4_800);
		var problems = imports.problems(job.id(), "analyst", 200);
		assertThat(problems).extracting(SampleImportReport.RowProblem::row).containsExactly(4_001, 4_500);
		assertThat(problems.get(0).message()).contains("Unknown method \"NMR\"");
		assertThat(problems.get(1).message()).isEqualTo("No substance.");
		assertThat(sampleManagement.samples(session)).as("all or nothing").isEmpty();
	}

	@Test
	void anotherUserCannotSeeOrStartTheJob() {
		var session = session();
		var job = imports.upload(session, "partner.csv", generated(2).getBytes(StandardCharsets.UTF_8), "analyst",
				Instant.now());
		assertThat(imports.job(job.id(), "someone-else")).isEmpty();
		assertThat(imports.problems(job.id(), "someone-else", 10)).isEmpty();
		assertThat(imports.start(job.id(), MAPPING, "someone-else", "Someone", Instant.now())).isFalse();
		assertThat(imports.job(job.id(), "analyst").orElseThrow().status()).isEqualTo(SampleImportJob.Status.UPLOADED);
	}

	@Test
	void anUploadIsRefusedWhenItIsNotACsvOrTooLong() {
		var session = session();
		assertThatThrownBy(() -> imports.upload(session, "x.csv", "just words".getBytes(), "analyst", Instant.now()))
			.isInstanceOf(DrugCheckingRejectedException.class)
			.hasMessageContaining("no header row");
		assertThatThrownBy(() -> imports.upload(session, "x.csv", "a,b\n".getBytes(), "analyst", Instant.now()))
			.isInstanceOf(DrugCheckingRejectedException.class)
			.hasMessageContaining("no rows");
		var tooLong = new StringBuilder("a,b\n");
		for (int i = 0; i <= DrugCheckingManagement.MAX_IMPORT_ROWS; i++) {
			tooLong.append(i).append(",x\n");
		}
		assertThatThrownBy(() -> imports.upload(session, "x.csv", tooLong.toString().getBytes(), "analyst",
				Instant.now()))
			.isInstanceOf(DrugCheckingRejectedException.class)
			.hasMessageContaining("The file has 50,001 rows; at most 50,000");
	}

	@Test
	void aJobWhoseInstanceWentAwayIsRunAgainAndOldJobsAreDeleted() {
		var session = session();
		var job = imports.upload(session, "partner.csv", generated(10).getBytes(StandardCharsets.UTF_8), "analyst",
				Instant.now());
		// As a run that stopped half-way leaves it: importing, its transaction rolled back, no progress for long.
		var longAgo = java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
		jdbc.sql("""
				UPDATE drugchecking.import_job SET status = 'IMPORTING', run_id = ?, attempts = 1, rows_done = 40,
				  map_sample_key = 'sample_id', map_substance = 'substance', map_sold_as = 'sold_as', map_form = 'form',
				  map_method = 'method', map_date = 'date', map_mode = 'AMNESTY_BIN', map_default_method = 'GC_MS',
				  imported_by = 'Ana Lyst', started_at = ?, heartbeat_at = ? WHERE id = ?""")
			.param(UUID.randomUUID())
			.param(longAgo)
			.param(longAgo)
			.param(job.id())
			.update();

		imports.sweep(Instant.now());
		var done = finished(job.id(), "analyst", new ArrayList<>());
		assertThat(done.status()).isEqualTo(SampleImportJob.Status.DONE);
		assertThat(done.imported()).isEqualTo(10);
		assertThat(sampleManagement.samples(session)).hasSize(10);
		assertThat(componentsStored(session)).isEqualTo(80);

		imports.sweep(Instant.now());
		assertThat(imports.job(job.id(), "analyst")).as("kept for a week").isPresent();
		jdbc.sql("UPDATE drugchecking.import_job SET finished_at = ? WHERE id = ?")
			.param(java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(8))))
			.param(job.id())
			.update();
		imports.sweep(Instant.now());
		assertThat(imports.job(job.id(), "analyst")).isEmpty();
		assertThat(sampleManagement.samples(session)).as("the samples stay").hasSize(10);
	}

}
