package org.harmwatch.overdose;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import org.harmwatch.EventPublications;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.overdose.internal.StoredIncident;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.imports.ColumnMapping;
import org.harmwatch.platform.imports.ImportJob;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
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
 * A partner's CSV through the platform's import facility: uploaded for a named source,
 * its columns mapped once and offered again for that source's next file, checked and
 * stored all or nothing in the background; a file with bad rows stores nothing and names
 * each row; police may not import.
 */
@HarmwatchIntegrationTest
class OverdoseImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OverdoseImports imports;

	@Autowired
	org.harmwatch.overdose.internal.IncidentRepository incidentRepository;

	@Autowired
	org.harmwatch.overdose.internal.IncidentIntake intake;

	@Autowired
	EventPublicationRegistry registry;

	@Autowired
	CompletedEventPublications completed;

	@Autowired
	org.harmwatch.analytics.AnalyticsManagement analytics;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	static byte[] fixture(String name) throws Exception {
		return new ClassPathResource("overdose/" + name).getContentAsByteArray();
	}

	/** Uploads, maps and starts a file; returns the job's page. */
	String importFile(String source, String name, boolean confirmMapping) throws Exception {
		var job = mvc
			.perform(multipart("/overdose/imports").file(new MockMultipartFile("file", name, "text/csv", fixture(name)))
				.param("sourceName", source)
				.with(as("paramedic"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		var page = mvc.perform(get(job).with(as("paramedic")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		if (confirmMapping) {
			mvc.perform(post(job).with(as("paramedic"))
				.with(csrf())
				.param("occurredAt", "Call_DateTime")
				.param("location", "Postcode_District")
				.param("lat", "Latitude")
				.param("lon", "Longitude")
				.param("fatal", "Fatal")
				.param("naloxoneDoses", "Naloxone_Doses")
				.param("naloxoneRoute", "Naloxone_Route")
				.param("naloxoneGivenBy", "Given_By")
				.param("age", "Age")
				.param("sex", "Sex")
				.param("substance1", "Drug1")
				.param("substance2", "Drug2")
				.param("outcome", "Outcome")
				.param("sourceReference", "Incident_Number")).andExpect(status().is3xxRedirection());
		}
		else {
			// The saved mapping of this source is offered: every column already chosen.
			assertThat(page).contains("<option value=\"Call_DateTime\" selected=\"selected\">")
				.contains("<option value=\"Given_By\" selected=\"selected\">")
				.contains("<option value=\"Incident_Number\" selected=\"selected\">");
			mvc.perform(post(job).with(as("paramedic"))
				.with(csrf())
				.param("occurredAt", "Call_DateTime")
				.param("location", "Postcode_District")
				.param("lat", "Latitude")
				.param("lon", "Longitude")
				.param("fatal", "Fatal")
				.param("naloxoneDoses", "Naloxone_Doses")
				.param("naloxoneRoute", "Naloxone_Route")
				.param("naloxoneGivenBy", "Given_By")
				.param("age", "Age")
				.param("sex", "Sex")
				.param("substance1", "Drug1")
				.param("substance2", "Drug2")
				.param("outcome", "Outcome")
				.param("sourceReference", "Incident_Number")).andExpect(status().is3xxRedirection());
		}
		var status = "/api" + job;
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			String json = mvc.perform(get(status).with(as("paramedic")))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			return JsonPath.<Boolean>read(json, "$.finished");
		});
		return job;
	}

	@Test
	void aPartnersFileIsMappedOnceStoredAllOrNothingAndNotTwice() throws Exception {
		var source = "CAD " + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("DELETE FROM overdose.incident WHERE owner_agency = 'WMAS' AND source_reference LIKE 'WMAS-000%'")
			.update();
		var job = importFile(source, "wmas_cad_export.csv", true);
		mvc.perform(get(job).with(as("paramedic")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3 incidents stored, 0 sent before")));
		var rows = jdbc
			.sql("""
					SELECT source_reference, fatal, postcode_district, area_code IS NOT NULL, lat IS NOT NULL, age_band, sex,
					       recorded_via, (SELECT count(*) FROM overdose.naloxone n WHERE n.incident_id = i.id)
					FROM overdose.incident i WHERE owner_agency = 'WMAS' AND source_reference LIKE 'WMAS-000%'
					ORDER BY source_reference""")
			.query((rs, n) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getString(3) + " " + rs.getBoolean(4)
					+ " " + rs.getBoolean(5) + " " + rs.getString(6) + " " + rs.getString(7) + " " + rs.getString(8)
					+ " " + rs.getInt(9))
			.list();
		assertThat(rows).containsExactly("WMAS-0001 false B12 false false AGE_25_34 MALE IMPORT 1",
				"WMAS-0002 false null true true AGE_25_34 FEMALE IMPORT 0",
				"WMAS-0003 true null true false AGE_45_54 null IMPORT 1");

		// The same file again from the same source: its mapping is offered, nothing is
		// stored twice.
		var again = importFile(source, "wmas_cad_export.csv", false);
		mvc.perform(get(again).with(as("paramedic")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0 incidents stored, 3 sent before")));
	}

	/**
	 * A file longer than one batch of the import's multi-row inserts: every row stored
	 * once and observed once, a reference sent before skipped, and repeat overdoses found
	 * both against stored incidents and against earlier rows of the same file, across
	 * batches.
	 */
	@Test
	void aLongFileIsStoredInBatchesWithRepeatsAndReferencesSentBeforeAsOneByOne() {
		var paramedic = (HarmwatchUser) users.loadUserByUsername("paramedic");
		var tag = UUID.randomUUID().toString().substring(0, 8);
		var mapping = imports.mapping(Map.of("occurredAt", "when", "location", "where", "personCode", "person",
				"sourceReference", "ref", "naloxoneDoses", "doses", "naloxoneRoute", "route"));
		var first = imports.importNow(
				"when,where,person,ref,doses,route\n2026-01-10T10:00:00,Birmingham,P1-" + tag + ",B-" + tag + "-0,0,\n",
				mapping, false, null, false, paramedic);
		assertThat(first.outcome()).isNotNull();
		assertThat(first.outcome().stored()).isEqualTo(1);
		var csv = new StringBuilder("when,where,person,ref,doses,route\n");
		csv.append("2026-03-01T10:00:00,Birmingham,P1-").append(tag).append(",B-").append(tag).append("-1,1,nasal\n");
		csv.append("2026-01-10T10:00:00,Birmingham,P1-").append(tag).append(",B-").append(tag).append("-0,0,\n");
		int batch = org.harmwatch.overdose.internal.IncidentIntakeAccess.batch();
		for (int i = 2; i < batch + 2; i++) {
			csv.append("2026-02-0").append(1 + i % 9).append("T10:00:00,Coventry,,B-").append(tag).append('-');
			csv.append(i).append(",0,\n");
		}
		// The same person early in the file's second batch and again a week later.
		csv.append("2026-04-01T10:00:00,Coventry,P2-").append(tag).append(",B-").append(tag).append("-x,0,\n");
		csv.append("2026-04-08T10:00:00,Coventry,P2-").append(tag).append(",B-").append(tag).append("-y,0,\n");
		var report = imports.importNow(csv.toString(), mapping, false, null, false, paramedic);
		assertThat(report.problems()).isEmpty();
		assertThat(report.outcome()).isNotNull();
		assertThat(report.outcome().stored()).isEqualTo(batch + 3);
		assertThat(report.outcome().skipped()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM overdose.incident WHERE source_reference LIKE ?")
			.param("B-" + tag + "-%")
			.query(Long.class)
			.single()).isEqualTo(batch + 4);
		var repeats = jdbc
			.sql("SELECT source_reference || ' ' || repeat_within_year FROM overdose.incident "
					+ "WHERE person_code LIKE ? ORDER BY source_reference")
			.param("P_-" + tag)
			.query(String.class)
			.list();
		assertThat(repeats).containsExactly("B-" + tag + "-0 false", "B-" + tag + "-1 true", "B-" + tag + "-x false",
				"B-" + tag + "-y true");
		// One observation each (no substances), none twice, each tagged with the
		// incident's source: the paramedic's ambulance service, as one by one.
		// (fresh statistics, or the join below is planned for the tables as they were)
		jdbc.sql("ANALYZE overdose.incident, analytics.observation").update();
		assertThat(jdbc.sql("""
				SELECT o.tag || ' ' || count(*) FROM analytics.observation o
				JOIN overdose.incident i ON o.source_id = i.id::text
				WHERE o.source = 'overdose' AND i.source_reference LIKE ? GROUP BY o.tag""")
			.param("B-" + tag + "-%")
			.query(String.class)
			.list()).containsExactly("AMBULANCE " + (batch + 4));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM overdose.naloxone n JOIN overdose.incident i ON n.incident_id = i.id
				WHERE i.source_reference LIKE ?""").param("B-" + tag + "-%").query(Long.class).single()).isEqualTo(1);
		// The import's events carry the one incident at which naloxone was given, and
		// none of the others; the naloxone module took it in.
		var ids = new HashSet<>(jdbc.sql("SELECT id FROM overdose.incident WHERE source_reference LIKE ?")
			.param("B-" + tag + "-%")
			.query(UUID.class)
			.list());
		var givenNaloxone = jdbc.sql("SELECT id FROM overdose.incident WHERE source_reference = ?")
			.param("B-" + tag + "-1")
			.query(UUID.class)
			.single();
		Predicate<Object> thisImport = event -> event instanceof OverdosesImported imported
				&& imported.incidents().stream().anyMatch(i -> ids.contains(i.incidentId()));
		EventPublications.awaitCompleted(registry, completed, thisImport);
		assertThat(completed.findAll()
			.stream()
			.map(p -> p.getEvent())
			.filter(thisImport)
			.flatMap(event -> ((OverdosesImported) event).incidents().stream())
			.map(OverdoseRecorded::incidentId)
			.filter(ids::contains)
			.toList()).containsExactly(givenNaloxone);
		assertThat(jdbc.sql("SELECT count(*) FROM naloxone.administration WHERE incident_id = ?")
			.param(givenNaloxone)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * An import for a source chosen for the file tags its observations with that source,
	 * so that an evaluation asking for ambulance call-outs does not count them.
	 */
	@Test
	void importedObservationsCarryTheSourceChosenForTheFile() {
		var paramedic = (HarmwatchUser) users.loadUserByUsername("paramedic");
		var tag = UUID.randomUUID().toString().substring(0, 8);
		var mapping = imports.mapping(Map.of("occurredAt", "when", "lat", "lat", "lon", "lon", "substance1", "drug",
				"sourceReference", "ref"));
		var report = imports.importNow(
				"when,lat,lon,drug,ref\n2026-02-01T10:00:00,52.48,-1.90,heroin,ED-" + tag
						+ "-1\n2026-02-02T10:00:00,52.49,-1.89,,ED-" + tag + "-2\n",
				mapping, false, IncidentSource.EMERGENCY_DEPARTMENT, false, paramedic);
		assertThat(report.problems()).isEmpty();
		var tags = jdbc.sql("""
				SELECT o.category || ' ' || o.tag FROM analytics.observation_by_category o
				JOIN overdose.incident i ON split_part(o.source_id, ':', 1) = i.id::text
				WHERE o.source = 'overdose' AND i.source_reference LIKE ? ORDER BY 1""")
			.param("ED-" + tag + "-%")
			.query(String.class)
			.list();
		assertThat(tags).contains("OVERDOSE EMERGENCY_DEPARTMENT", "OVERDOSE:OPIOID EMERGENCY_DEPARTMENT")
			.filteredOn(t -> t.startsWith("OVERDOSE "))
			.hasSize(2);
		assertThat(tags).allSatisfy(t -> assertThat(t).endsWith(" EMERGENCY_DEPARTMENT"));
	}

	/**
	 * A cell may name several substances, split at a semicolon, slash or plus, or a comma
	 * and a space; a comma with none after it is part of a name.
	 */
	@Test
	void aSubstanceCellNamingSeveralIsSplitButNotAtACommaInsideAName() {
		var paramedic = (HarmwatchUser) users.loadUserByUsername("paramedic");
		var tag = UUID.randomUUID().toString().substring(0, 8);
		var mapping = imports
			.mapping(Map.of("occurredAt", "when", "location", "where", "substance1", "drug", "sourceReference", "ref"));
		var cells = List.of("zzalpha; zzbeta", "zzalpha/zzbeta+zzgamma", "zzalpha, zzbeta", "1,1-Zzdifluoro", "zzalpha",
				" zzalpha ");
		var csv = new StringBuilder("when,where,drug,ref\n");
		for (int i = 0; i < cells.size(); i++) {
			csv.append("2026-02-01T10:00:00,Coventry,\"").append(cells.get(i)).append("\",S-").append(tag);
			csv.append('-').append(i).append('\n');
		}
		var report = imports.importNow(csv.toString(), mapping, false, null, false, paramedic);
		assertThat(report.problems()).isEmpty();
		assertThat(jdbc
			.sql("SELECT array_to_string(substances, '|') FROM overdose.incident "
					+ "WHERE source_reference LIKE ? ORDER BY source_reference")
			.param("S-" + tag + "-%")
			.query(String.class)
			.list()).containsExactly("zzalpha|zzbeta", "zzalpha|zzbeta|zzgamma", "zzalpha|zzbeta", "1,1-Zzdifluoro",
					"zzalpha", "zzalpha");
	}

	@Test
	void aFileWithBadRowsStoresNothingAndNamesEachRow() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM overdose.incident").query(Long.class).single();
		var job = importFile("Bad " + UUID.randomUUID().toString().substring(0, 8), "wmas_cad_bad.csv", true);
		mvc.perform(get(job).with(as("paramedic")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nothing was imported")))
			.andExpect(content().string(containsString("Not a date and time: tomorrowish")))
			.andExpect(content().string(containsString("Enter a postcode district (B12), a ward or a district")))
			.andExpect(content().string(containsString("Not yes or no: maybe")));
		assertThat(jdbc.sql("SELECT count(*) FROM overdose.incident").query(Long.class).single()).isEqualTo(before);
	}

	/**
	 * A file longer than a few chunks is stored while it is checked (in the job's one
	 * transaction): a bad row late in it, and a reference given twice (which only the
	 * whole file shows, at its end), leave nothing stored though chunks before them were,
	 * and both rows are named; the same file without them is stored whole and observed
	 * once per incident.
	 */
	@Test
	void aLongFileStoredWhileCheckedStoresNothingWhenALateRowIsBadAndNamesEachBadRow() {
		var paramedic = (HarmwatchUser) users.loadUserByUsername("paramedic");
		var tag = UUID.randomUUID().toString().substring(0, 8);
		int batch = org.harmwatch.overdose.internal.IncidentIntakeAccess.batch();
		int rows = batch + 12_000;
		var mapping = imports
			.mapping(Map.of("occurredAt", "when", "location", "where", "sourceReference", "ref", "substance1", "drug"));
		var bad = new StringBuilder("when,where,ref,drug\n");
		var good = new StringBuilder("when,where,ref,drug\n");
		for (int i = 0; i < rows; i++) {
			var line = "2026-02-0" + (1 + i % 9) + "T10:00:00,Coventry,L-" + tag + "-" + i + ",heroin\n";
			good.append(line);
			if (i == batch + 9_000) {
				bad.append("2026-02-01T10:00:00,not a place,L-").append(tag).append("-").append(i).append(",\n");
			}
			else if (i == rows - 1) {
				bad.append("2026-02-01T10:00:00,Coventry,L-").append(tag).append("-5,\n");
			}
			else {
				bad.append(line);
			}
		}
		long observed = observations();
		var failed = runJob(bad.toString(), "Long " + tag, mapping, paramedic);
		assertThat(failed.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(imports.problems(failed.id(), paramedic, 10)).extracting(p -> p.row())
			.containsExactly(batch + 9_002, rows + 1);
		assertThat(stored(tag)).isZero();
		// The first chunk's observations, stored by the linked transaction on a second
		// database process, were rolled back with the import's transaction.
		assertThat(observations()).isEqualTo(observed);
		assertThat(linkedLeftPrepared()).isZero();

		var done = runJob(good.toString(), "Long " + tag, mapping, paramedic);
		assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(done.outcome()).isNotNull();
		assertThat(done.outcome().stored()).isEqualTo(rows);
		assertThat(stored(tag)).isEqualTo(rows);
		// (fresh statistics, or the join below is planned for the tables as they were)
		jdbc.sql("ANALYZE overdose.incident, analytics.observation").update();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM analytics.observation o JOIN overdose.incident i ON o.source_id = i.id::text
				WHERE o.source = 'overdose' AND i.source_reference LIKE ? AND 'OPIOID' = ANY (o.classes)""")
			.param("L-" + tag + "-%")
			.query(Long.class)
			.single()).isEqualTo(rows);
		assertThat(observations()).isEqualTo(observed + rows);
		assertThat(linkedLeftPrepared()).isZero();
	}

	private long observations() {
		return jdbc.sql("SELECT count(*) FROM analytics.observation WHERE source = 'overdose'")
			.query(Long.class)
			.single();
	}

	private long linkedLeftPrepared() {
		return jdbc.sql("SELECT count(*) FROM pg_prepared_xacts WHERE starts_with(gid, 'harmwatch:linked:')")
			.query(Long.class)
			.single();
	}

	private ImportJob runJob(String csv, String source, ColumnMapping mapping, HarmwatchUser user) {
		var job = imports.upload(source, "long.csv", csv.getBytes(StandardCharsets.UTF_8), user);
		assertThat(imports.start(job.id(), mapping, false, null, false, user)).isTrue();
		return await().atMost(Duration.ofSeconds(120))
			.until(() -> imports.job(job.id(), user).orElseThrow(), ImportJob::finished);
	}

	private long stored(String tag) {
		return jdbc.sql("SELECT count(*) FROM overdose.incident WHERE source_reference LIKE ?")
			.param("L-" + tag + "-%")
			.query(Long.class)
			.single();
	}

	@Test
	void aFileInTheAlleghenyLayoutIsImportedWithGuessedColumnsAndItsDeathsPerYearAgree() throws Exception {
		var paramedic = (HarmwatchUser) users.loadUserByUsername("paramedic");
		var csv = new String(fixture("allegheny_layout_fixture.csv"), StandardCharsets.UTF_8);
		var header = List.of(csv.substring(1, csv.indexOf('\r')).split(","));
		var mapping = imports.guess(header);
		assertThat(mapping.header("occurredAt")).isEqualTo("death_date_and_time");
		assertThat(mapping.header("location")).isEqualTo("incident_zip");
		assertThat(mapping.header("substance1")).isEqualTo("combined_od1");
		assertThat(mapping.header("substance10")).isEqualTo("combined_od10");
		assertThat(mapping.header("sourceReference")).isEqualTo("_id");
		assertThat(mapping.header("fatal")).isNull();
		long before = jdbc.sql("SELECT count(*) FROM overdose.incident").query(Long.class).single();

		// ZIP codes are not places of the region: refused row by row unless kept as
		// written; nothing stored.
		var refused = imports.importNow(csv, mapping, true, IncidentSource.CORONER, false, paramedic);
		assertThat(refused.ok()).isFalse();
		assertThat(refused.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.column()).isEqualTo("location"));
		assertThat(jdbc.sql("SELECT count(*) FROM overdose.incident").query(Long.class).single()).isEqualTo(before);

		var report = imports.importNow(csv, mapping, true, IncidentSource.CORONER, true, paramedic);
		assertThat(report.ok()).isTrue();
		assertThat(report.rows()).isEqualTo(40);
		var perYear = new TreeMap<Integer, Long>();
		jdbc.sql("""
				SELECT extract(year FROM occurred_at AT TIME ZONE 'Europe/London')::int, count(*)
				FROM overdose.incident WHERE owner_agency = 'WMAS' AND source_reference LIKE '116000%'
				  AND source = 'CORONER' AND fatal GROUP BY 1""")
			.query((rs, n) -> perYear.put(rs.getInt(1), rs.getLong(2)))
			.list();
		// Counted independently from the file (src/test/resources/overdose/README.md).
		assertThat(perYear).containsExactlyEntriesOf(new TreeMap<>(Map.of(2017, 9L, 2018, 14L, 2019, 6L, 2020, 11L)));
		assertThat(jdbc
			.sql("SELECT cardinality(substances) FROM overdose.incident "
					+ "WHERE owner_agency = 'WMAS' AND source_reference = '11600001'")
			.query(Integer.class)
			.single()).isEqualTo(9);
		// Places outside the region are kept as written and never observed.
		assertThat(jdbc
			.sql("SELECT count(*) FROM overdose.incident WHERE owner_agency = 'WMAS' "
					+ "AND source_reference LIKE '116000%' AND (area_code IS NOT NULL OR lad_code IS NOT NULL)")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc
			.sql("SELECT count(*) FROM overdose.incident WHERE owner_agency = 'WMAS' "
					+ "AND source_reference LIKE '116000%' AND postcode_district ~ '^[0-9]{5}$'")
			.query(Long.class)
			.single()).isEqualTo(30);
	}

	/**
	 * A reference stored by another request after the import looked its references up
	 * (the API at the same moment): the import's copy of that chunk is refused by the
	 * unique index, and the chunk is stored instead by an insert that skips the
	 * reference, with the naloxone of the incidents stored and nothing of the one
	 * skipped; the observations of a chunk holding one stored already are stored the same
	 * way, once each.
	 */
	@Test
	void aReferenceStoredDuringTheImportIsSkippedAndTheRestOfItsChunkStored() {
		var tag = UUID.randomUUID().toString().substring(0, 8);
		var at = java.time.Instant.parse("2026-02-01T10:00:00Z");
		java.util.function.BiFunction<String, Integer, StoredIncident> incident = (reference,
				doses) -> new StoredIncident(UUID.randomUUID(), "WMAS", org.harmwatch.shared.Purpose.HEALTH,
						IncidentSource.AMBULANCE, reference, at, null, null, null, null, null, "B12", false, null, null,
						List.of("Heroin"), List.of("OPIOID"), null, null, null, false, RecordedVia.IMPORT, "test", at,
						doses == 0 ? List.of() : List
							.of(new NaloxoneAdministration(NaloxoneGiver.PEER, null, doses, NaloxoneRoute.NASAL)));
		var sentBefore = incident.apply("C-" + tag + "-1", 1);
		var again = incident.apply("C-" + tag + "-1", 2);
		var second = incident.apply("C-" + tag + "-2", 3);
		var unreferenced = incident.apply(null, 0);
		var stored = transactions.execute(tx -> {
			assertThat(incidentRepository.insert(sentBefore)).isTrue();
			return incidentRepository.insertAll(List.of(second, again, unreferenced));
		});
		assertThat(stored).containsExactlyInAnyOrder(second.id(), unreferenced.id());
		assertThat(jdbc.sql("""
				SELECT i.source_reference || ' ' || coalesce(string_agg(n.doses::text, ','), '-')
				FROM overdose.incident i LEFT JOIN overdose.naloxone n ON n.incident_id = i.id
				WHERE i.id IN (?, ?, ?, ?) AND i.source_reference IS NOT NULL GROUP BY i.source_reference
				ORDER BY 1""")
			.params(sentBefore.id(), again.id(), second.id(), unreferenced.id())
			.query(String.class)
			.list()).containsExactly("C-" + tag + "-1 1", "C-" + tag + "-2 3");
		assertThat(jdbc.sql("SELECT count(*) FROM overdose.incident WHERE id = ?")
			.param(unreferenced.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		var first = new org.harmwatch.analytics.Observation("import-test", tag + "-a", "OVERDOSE", at, 52.48, -1.90, 1,
				"AMBULANCE");
		var next = new org.harmwatch.analytics.Observation("import-test", tag + "-b", "OVERDOSE", at, 52.48, -1.90, 1,
				"AMBULANCE");
		var counts = transactions.execute(tx -> List.of(analytics.observeAll(List.of(first)),
				analytics.observeAll(List.of(first, next, next)), analytics.observeAll(List.of(next))));
		assertThat(counts).containsExactly(1, 1, 0);
		assertThat(jdbc
			.sql("SELECT count(*) || ' ' || count(lsoa_code) FROM analytics.observation WHERE source = "
					+ "'import-test' AND source_id LIKE ?")
			.param(tag + "-%")
			.query(String.class)
			.single()).isEqualTo("2 2");
	}

	/**
	 * The import stores a chunk while the next is being prepared; when a chunk meets a
	 * reference stored after the import looked its references up (here: the same
	 * reference again in a later chunk, as another request would have stored it), that
	 * chunk is stored without it, and its other incidents are observed with their classes
	 * and their naloxone kept, as in every other chunk.
	 */
	@Test
	void aChunkMeetingAReferenceStoredMeanwhileStoresAndObservesTheRest() {
		var tag = UUID.randomUUID().toString().substring(0, 8);
		var at = java.time.Instant.parse("2026-02-01T10:00:00Z");
		var recorder = new org.harmwatch.overdose.internal.IncidentIntake.Recorder("WMAS",
				org.harmwatch.shared.AgencyType.AMBULANCE_SERVICE, "paramedic");
		var drafts = new java.util.ArrayList<org.harmwatch.overdose.internal.IncidentIntake.Checked>();
		java.util.function.IntFunction<IncidentDraft> draft = n -> new IncidentDraft(at, null, null, "Coventry", false,
				List.of(new NaloxoneAdministration(NaloxoneGiver.PEER, null, 1, NaloxoneRoute.NASAL)), null,
				"M-" + tag + "-" + n, null, null, List.of("heroin"), null, null, null);
		for (int n = 0; n < org.harmwatch.overdose.internal.IncidentIntakeAccess.batch(); n++) {
			drafts.add(intake.checked(draft.apply(n), false));
		}
		drafts.add(intake.checked(draft.apply(-1), false));
		drafts.add(intake.checked(draft.apply(0), false));
		drafts.add(intake.checked(draft.apply(-2), false));
		var progress = new java.util.ArrayList<Integer>();
		var stored = transactions.execute(tx -> intake.recordAll(drafts, recorder, RecordedVia.IMPORT, progress::add));
		assertThat(stored).isEqualTo(drafts.size() - 1);
		assertThat(progress).containsExactly(drafts.size() - 3, drafts.size());
		assertThat(jdbc.sql("""
				SELECT count(*) || ' ' || count(DISTINCT i.source_reference) || ' ' || (SELECT count(*)
				  FROM overdose.naloxone n JOIN overdose.incident j ON n.incident_id = j.id
				  WHERE j.source_reference LIKE ?)
				FROM overdose.incident i WHERE i.source_reference LIKE ?""")
			.params("M-" + tag + "-%", "M-" + tag + "-%")
			.query(String.class)
			.single()).isEqualTo(stored + " " + stored + " " + stored);
		assertThat(jdbc.sql("""
				SELECT i.source_reference || ' ' || o.category FROM analytics.observation_by_category o
				JOIN overdose.incident i ON o.source_id = i.id::text
				WHERE o.source = 'overdose' AND i.source_reference IN (?, ?) ORDER BY 1""")
			.params("M-" + tag + "--1", "M-" + tag + "--2")
			.query(String.class)
			.list()).containsExactly("M-" + tag + "--1 OVERDOSE", "M-" + tag + "--1 OVERDOSE:OPIOID",
					"M-" + tag + "--2 OVERDOSE", "M-" + tag + "--2 OVERDOSE:OPIOID");
	}

	@Test
	void policeMayNotImportAndNobodyElseSeesAnAgencysJob() throws Exception {
		mvc.perform(get("/overdose/imports/new").with(as("constable"))).andExpect(status().isForbidden());
		mvc.perform(multipart("/overdose/imports")
			.file(new MockMultipartFile("file", "x.csv", "text/csv", fixture("wmas_cad_export.csv")))
			.with(as("constable"))
			.with(csrf())).andExpect(status().isForbidden());
		// Not a CSV: a clear 422 on the form.
		mvc.perform(multipart("/overdose/imports")
			.file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] { 0, 1, 2, 3 }))
			.with(as("paramedic"))
			.with(csrf())).andExpect(status().isUnprocessableContent());
		var id = UUID.randomUUID();
		mvc.perform(get("/overdose/imports/{id}", id).with(as("paramedic"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/overdose/imports/{id}", id).with(as("paramedic"))).andExpect(status().isNotFound());
	}

}
