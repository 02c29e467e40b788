package org.harmwatch.drugchecking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.CsvReader;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.imports.ImportProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing the UNC Street Drug Analysis Lab's real Allegheny County results
 * (src/test/resources/drugchecking, see its README for the licence and the
 * not-for-law-enforcement condition): all or nothing, every bad row named.
 */
@HarmwatchIntegrationTest
@RecordApplicationEvents
public class DrugCheckingImportIntegrationTests {

	static final ImportMapping MAPPING = new ImportMapping("sampleid", "substance", "expectedsubstance", null,
			"abundance", "method", "date_complete", SampleMode.FRONT_OF_HOUSE, AnalysisMethod.GC_MS);

	@Autowired
	ReleaseManagement releaseManagement;

	@Autowired
	SampleManagement sampleManagement;

	@Autowired
	SessionManagement sessionManagement;

	@Autowired
	DrugCheckingImports imports;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEvents events;

	static String resource(String name) throws IOException {
		return new ClassPathResource("drugchecking/" + name).getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * The lab detail rows with each sample's expected substance from the samples file,
	 * joined on sampleid.
	 */
	public static String joined() throws IOException {
		var samples = CsvReader.read(resource("us_unc_allegheny_samples.csv"))
			.stream()
			.map(CsvReader.Row::fields)
			.toList();
		var header = samples.get(0);
		int id = header.indexOf("sampleid");
		int expected = header.indexOf("expectedsubstance");
		var expectedById = new HashMap<String, String>();
		samples.stream()
			.skip(1)
			.filter(r -> r.size() == header.size())
			.forEach(r -> expectedById.put(r.get(id), r.get(expected)));
		var out = new StringBuilder();
		var lines = resource("us_unc_allegheny_lab_detail.csv").split("\r?\n");
		out.append(lines[0]).append(",expectedsubstance\n");
		for (int i = 1; i < lines.length; i++) {
			var sampleId = lines[i].substring(0, lines[i].indexOf(','));
			out.append(lines[i]).append(",\"").append(expectedById.getOrDefault(sampleId, "")).append("\"\n");
		}
		return out.toString();
	}

	UUID session() {
		return sessionManagement.createSession(
				new SessionDraft("UNC postal " + UUID.randomUUID(), SiteKind.POSTAL, null,
						"Allegheny County postal samples", LocalDate.of(2023, 4, 1), LocalDate.of(2024, 3, 31),
						"UNC lab", Set.of(LicenceCondition.NOT_FOR_LAW_ENFORCEMENT)),
				"analyst", "WM-CHECK", Instant.now());
	}

	@Test
	void theRealAlleghenyRecordsImportOnceWithTheirFlags() throws IOException {
		var session = session();
		var csv = joined();
		var check = imports.checkImport(session, csv, MAPPING);
		assertThat(check.problems()).isEmpty();
		assertThat(check.rows()).isEqualTo(219);
		assertThat(check.records()).isEqualTo(55);
		assertThat(sampleManagement.samples(session)).isEmpty();

		var report = imports.importCsv(session, csv, MAPPING, "analyst", Instant.now());
		assertThat(report.outcome().stored()).isEqualTo(55);
		assertThat(sampleManagement.samples(session)).hasSize(55);
		assertThat(events.stream(DangerousSampleFound.class).filter(e -> e.sessionSite().startsWith("UNC postal")))
			.as("history publishes no warnings")
			.isEmpty();

		var analyst = (HarmwatchUser) users.loadUserByUsername("analyst");
		var releases = releaseManagement.releases(session, analyst);
		// 400230 was sold as fentanyl: diphenhydramine, quinine and 4-ANPP (a fentanyl
		// by-product) were the main
		// components, fentanyl and xylazine traces. Xylazine was not expected.
		var mixed = release(releases, "400230");
		assertThat(mixed.sample().soldAs()).isEqualTo("fentanyl");
		assertThat(mixed.current().flags()).containsExactly(ResultFlag.UNEXPECTED_HIGH_RISK);
		assertThat(mixed.current().components().get(0).method()).isEqualTo(AnalysisMethod.GC_MS);
		assertThat(mixed.current().recordedAt()).isEqualTo(Instant.parse("2023-05-08T12:00:00Z"));
		// 600309 was sold as heroin and held no heroin: caffeine, fentanyl, 4-ANPP and
		// xylazine.
		assertThat(release(releases, "600309").current().flags()).containsExactly(ResultFlag.MIS_SOLD,
				ResultFlag.UNEXPECTED_HIGH_RISK);
		// 400233 was sold as fentanyl and was fentanyl (with its precursor 4-ANPP): not
		// mis-sold, nothing unexpected.
		var asSold = release(releases, "400233");
		assertThat(asSold.current().flags()).isEmpty();
		assertThat(releases).anyMatch(r -> r.current()
			.components()
			.stream()
			.anyMatch(c -> "n-desethyl-isotonitazene".equals(c.substanceCode())));

		// Importing the same file again stores nothing twice.
		var again = imports.importCsv(session, csv, MAPPING, "analyst", Instant.now());
		assertThat(again.outcome().stored()).isZero();
		assertThat(again.outcome().skipped()).isEqualTo(55);
		assertThat(sampleManagement.samples(session)).hasSize(55);
	}

	static Release release(java.util.List<Release> releases, String partnerId) {
		return releases.stream()
			.filter(r -> r.current().notes().contains("partner sample " + partnerId + ")"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aFileWithBadRowsImportsNothingAndNamesEachRow() throws IOException {
		var session = session();
		var lines = joined().split("\n");
		// Spreadsheet rows 5 and 9 (the header is row 1): an unknown method, and a
		// missing substance.
		lines[4] = lines[4].replace(",GCMS,", ",NMR,");
		var fields = lines[8].split(",", 3);
		lines[8] = fields[0] + ",," + fields[2];
		var report = imports.importCsv(session, String.join("\n", lines), MAPPING, "analyst", Instant.now());
		assertThat(report.ok()).isFalse();
		assertThat(report.outcome()).isNull();
		assertThat(report.problems()).extracting(ImportProblem::row).containsExactly(5, 9);
		assertThat(report.problems().get(0).message()).contains("Unknown method \"NMR\"");
		assertThat(report.problems().get(1).message()).isEqualTo("No substance.");
		assertThat(sampleManagement.samples(session)).isEmpty();

		var missing = imports.checkImport(session, joined(), new ImportMapping("sample_id", "substance", null, null,
				null, null, null, SampleMode.FRONT_OF_HOUSE, AnalysisMethod.GC_MS));
		assertThat(missing.problems()).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("\"sample_id\" is not in the header"));
	}

}
