package org.harmwatch.substances.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.imports.ImportJob;
import org.harmwatch.platform.imports.ImportsTestAccess;
import org.harmwatch.substances.SubstanceImports;
import org.harmwatch.substances.SubstanceManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The vocabulary's pages and API as each kind of user meets them.
 */
@HarmwatchIntegrationTest
class SubstanceWebIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationContext context;

	@Autowired
	SubstanceManagement substances;

	@Autowired
	SubstanceImports imports;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	static String unique(String name) {
		return name + " " + Long.toString(System.nanoTime(), 36);
	}

	@Test
	void frontlineStaffReadTheVocabulary() throws Exception {
		mvc.perform(get("/substances").with(as("frontline")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("4-ANPP")))
			.andExpect(content().string(not(containsString("Add a substance"))));
		mvc.perform(get("/substances").param("q", "spice").with(as("frontline")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Synthetic cannabinoids (unspecified)")))
			.andExpect(content().string(not(containsString(">Heroin<"))));
		mvc.perform(get("/substances").param("class", "NITAZENE").with(as("frontline")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Protonitazepyne")))
			.andExpect(content().string(not(containsString(">Fentanyl<"))));
		mvc.perform(get("/substances/xylazine").with(as("frontline")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sedation not reversed by naloxone")))
			.andExpect(content().string(containsString("tranq")))
			.andExpect(content().string(not(containsString("Change this substance"))));
		mvc.perform(get("/substances/no-such-substance").with(as("frontline"))).andExpect(status().isNotFound());
	}

	@Test
	void frontlineStaffCannotChangeIt() throws Exception {
		var name = unique("Frontline drug");
		mvc.perform(get("/substances/new").with(as("frontline"))).andExpect(status().isForbidden());
		mvc.perform(post("/substances").with(as("frontline"))
			.with(csrf())
			.param("name", name)
			.param("substanceClass", "OTHER")).andExpect(status().isForbidden());
		mvc.perform(post("/substances/fentanyl").with(as("frontline"))
			.with(csrf())
			.param("name", "Renamed")
			.param("substanceClass", "OTHER")).andExpect(status().isForbidden());
		mvc.perform(multipart("/substances/import").file(csvFile("name,class\n" + name + ",OTHER\n"))
			.with(as("frontline"))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(substances.resolve(name)).isEmpty();
		assertThat(substances.resolve("Fentanyl")).map(r -> r.substance().name()).contains("Fentanyl");
	}

	@Test
	void theCoordinatorAddsAndChangesASubstance() throws Exception {
		var name = unique("Coordinated nitazene");
		var location = mvc
			.perform(post("/substances").with(as("coordinator"))
				.with(csrf())
				.param("name", name)
				.param("substanceClass", "NITAZENE")
				.param("flags", "HIGH_POTENCY", "NALOXONE_RESPONSIVE")
				.param("parent", "nitazenes")
				.param("aliases", "first alias " + name + "\n\n  second alias " + name + "  \n")
				.param("streetNames", "nitzy " + name + " [also: fentanyl]")
				.param("casNumber", "")
				.param("notes", "Seen in a test."))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/substances/coordinated-nitazene-");
		var resolution = substances.resolve("nitzy " + name).orElseThrow();
		assertThat(resolution.substance().aliases()).containsExactly("first alias " + name, "second alias " + name);
		assertThat(resolution.alsoPossible()).extracting(s -> s.id().code()).containsExactly("fentanyl");

		mvc.perform(get(location + "/edit").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("nitzy " + name + " [also: fentanyl]")));
		mvc.perform(post(location).with(as("coordinator"))
			.with(csrf())
			.param("name", name)
			.param("substanceClass", "NITAZENE")
			.param("flags", "HIGH_POTENCY", "NALOXONE_RESPONSIVE", "REPEAT_NALOXONE_LIKELY")
			.param("parent", "nitazenes")).andExpect(redirectedUrl(location));
		assertThat(substances.resolve(name).orElseThrow().substance().flags()).hasSize(3);
		assertThat(substances.resolve("nitzy " + name)).isEmpty();
	}

	@Test
	void theFormSaysWhichSubstanceAlreadyHasAnAlias() throws Exception {
		var name = unique("Clashing drug");
		mvc.perform(post("/substances").with(as("coordinator"))
			.with(csrf())
			.param("name", name)
			.param("substanceClass", "SYNTHETIC_CANNABINOID")
			.param("streetNames", "spice\nmy own street name " + name)
			.param("casNumber", "123-45-6"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content()
				.string(containsString("&#39;spice&#39; already belongs to Synthetic cannabinoids (unspecified)")))
			.andExpect(content().string(containsString("is not a CAS registry number")))
			.andExpect(content().string(containsString("my own street name " + name)));
		mvc.perform(
				post("/substances").with(as("coordinator")).with(csrf()).param("name", "").param("substanceClass", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<a href=\"#name\">Enter the substance&#39;s name.")))
			.andExpect(content().string(containsString("Choose the substance&#39;s class.")));
		// A flag error's link lands on the first flag's box, not on the wrapper around
		// them.
		mvc.perform(post("/substances").with(as("coordinator"))
			.with(csrf())
			.param("name", name)
			.param("substanceClass", "OPIOID")
			.param("flags", "NOT_A_FLAG"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<a href=\"#flags\">")))
			.andExpect(content().string(containsString("class=\"govuk-checkboxes__input\" id=\"flags\"")));
		assertThat(substances.resolve(name)).isEmpty();
	}

	@Test
	void anyoneSignedInDownloadsTheCsv() throws Exception {
		var response = mvc.perform(get("/substances/export").with(as("analyst")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"substances-")))
			.andReturn()
			.getResponse();
		var csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("code,name,class,flags,parent,aliases,street_names,pubchem_cid,cas_number,notes\r\n")
			.contains("fentanyl,Fentanyl,HIGH_POTENCY_SYNTHETIC_OPIOID,")
			.contains("china white [also: heroin]")
			.contains("alpha-Methylfentanyl");
	}

	/** The job an upload was redirected to. */
	static UUID job(MvcResult uploaded) {
		var location = uploaded.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/substances/imports/");
		return UUID.fromString(location.substring("/substances/imports/".length()));
	}

	ImportJob until(UUID id, Predicate<ImportJob> state) {
		var coordinator = (HarmwatchUser) users.loadUserByUsername("coordinator");
		return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
			// As the poll (off in tests) would, should every worker have been busy.
			ImportsTestAccess.submit(context, id);
			return imports.job(id, coordinator);
		}, state);
	}

	@Test
	void theCoordinatorImportsAfterSeeingTheReport() throws Exception {
		var bad = unique("Bad import");
		var uploaded = mvc
			.perform(multipart("/substances/import").file(csvFile("name,class\n" + bad + ",NOT_A_CLASS\n"))
				.with(as("coordinator"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		var badJob = job(uploaded);
		var session = uploaded.getRequest().getSession(false);
		assertThat(session == null ? List.of() : Collections.list(session.getAttributeNames()))
			.as("no file waits in the HTTP session")
			.noneMatch(name -> name.startsWith("substances"));
		until(badJob, ImportJob::finished);
		mvc.perform(get("/substances/imports/{id}", badJob).with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("<h2 class=\"govuk-error-summary__title\">The file cannot be imported")))
			.andExpect(content().string(containsString("Nothing has been changed. Correct these rows")))
			.andExpect(content()
				.string(containsString("<a href=\"#problems\">Row 2, class: &#39;NOT_A_CLASS&#39; is not a class.")))
			.andExpect(content().string(not(containsString("The import stopped"))))
			.andExpect(content().string(not(containsString("/confirm"))));
		mvc.perform(get("/api/substances/imports/{id}", badJob).with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.finished").value(true))
			.andExpect(jsonPath("$.problemCount").value(1));
		assertThat(substances.resolve(bad)).isEmpty();

		var good = unique("Good import");
		var job = job(mvc
			.perform(multipart("/substances/import")
				.file(csvFile("name,class,street_names\n" + good + ",STIMULANT,zoomy " + good + "\n"))
				.with(as("coordinator"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn());
		until(job, ImportJob::waiting);
		mvc.perform(get("/substances/imports/{id}", job).with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The file can be imported")))
			.andExpect(content().string(containsString("1 row: 1 new, 0 changed, 0 unchanged.")))
			.andExpect(content().string(containsString("<li>" + good + "</li>")))
			.andExpect(content().string(containsString("/substances/imports/" + job + "/confirm")));
		mvc.perform(get("/api/substances/imports/{id}", job).with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.status").value("CHECKED"))
			.andExpect(jsonPath("$.waiting").value(true))
			.andExpect(jsonPath("$.finished").value(false))
			.andExpect(jsonPath("$.totalRows").value(1));
		assertThat(substances.resolve(good)).as("nothing is imported before it is confirmed").isEmpty();
		mvc.perform(get("/substances/imports/{id}", job).with(as("frontline"))).andExpect(status().isForbidden());
		mvc.perform(get("/substances/imports/{id}", UUID.randomUUID()).with(as("coordinator")))
			.andExpect(status().isNotFound());

		// The file waits in the database: the confirmation needs no HTTP session.
		mvc.perform(post("/substances/imports/{id}/confirm", job).with(as("coordinator")).with(csrf()))
			.andExpect(redirectedUrl("/substances/imports/" + job));
		until(job, ImportJob::finished);
		mvc.perform(get("/substances/imports/{id}", job).with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Imported")))
			.andExpect(content().string(containsString("1 row: 1 new, 0 changed, 0 unchanged.")));
		assertThat(substances.resolve("zoomy " + good)).map(r -> r.substance().name()).contains(good);
		// Confirming twice imports nothing twice.
		mvc.perform(post("/substances/imports/{id}/confirm", job).with(as("coordinator")).with(csrf()))
			.andExpect(redirectedUrl("/substances/imports/" + job))
			.andExpect(flash().attribute("notWaiting", true));
	}

	@Test
	void aFileWithColumnsTheFormatDoesNotHaveIsRefusedOnTheForm() throws Exception {
		mvc.perform(multipart("/substances/import").file(csvFile("name,klass\nx,OTHER\n"))
			.with(as("coordinator"))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<a href=\"#file\">Unknown column &#39;klass&#39;")))
			.andExpect(content().string(containsString("The header has no &#39;class&#39; column.")));
	}

	@Test
	void refusesAFileThatIsNotUtf8() throws Exception {
		var latin1 = "name,class\nCaf\u00e9ine,ADULTERANT\n".getBytes(StandardCharsets.ISO_8859_1);
		mvc.perform(multipart("/substances/import").file(new MockMultipartFile("file", "old.csv", "text/csv", latin1))
			.with(as("coordinator"))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("not UTF-8")));
		mvc.perform(multipart("/substances/import").with(as("coordinator")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a CSV file")));
	}

	@Test
	void theApiResolvesFreeTextAndSaysWhenItIsAmbiguous() throws Exception {
		mvc.perform(get("/api/substances/resolve").param("text", "China White").with(as("frontline")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.substance.code").value("fentanyl"))
			.andExpect(jsonPath("$.substance.flags", hasItem("NALOXONE_RESPONSIVE")))
			.andExpect(jsonPath("$.match").value("STREET_NAME"))
			.andExpect(jsonPath("$.ambiguous").value(true))
			.andExpect(jsonPath("$.alsoPossible[0].code").value("heroin"))
			.andExpect(jsonPath("$.note", containsString("china white")));
		mvc.perform(get("/api/substances/resolve").param("text", "heroine").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.substance.code").value("heroin"))
			.andExpect(jsonPath("$.match").value("CLOSE_SPELLING"))
			.andExpect(jsonPath("$.distance").value(1));
		mvc.perform(get("/api/substances/resolve").param("text", "heroine").param("exact", "true").with(as("panel")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theApiSuggestsWhenNothingMatches() throws Exception {
		mvc.perform(get("/api/substances/resolve").param("text", "mephadrone").with(as("frontline")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("No substance matches"))
			.andExpect(jsonPath("$.suggestions[*].code", hasItem("mephedrone")))
			.andExpect(jsonPath("$.suggestions[*].code", hasItem("methadone")));
		mvc.perform(get("/api/substances/resolve").param("text", "  ").with(as("frontline")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("text")));
		mvc.perform(get("/api/substances/resolve").with(as("frontline")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/api/substances/resolve").param("text", "fentanyl")).andExpect(status().isUnauthorized());
	}

	@Test
	void theApiOffersTypeAhead() throws Exception {
		mvc.perform(get("/api/substances").param("q", "spi").with(as("frontline")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].matchedTerm", hasItem("spice")));
		mvc.perform(get("/api/substances").param("q", "fen").param("limit", "1").with(as("frontline")))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].substance.code").value("fentanyl"));
		mvc.perform(get("/api/substances/xylazine").with(as("custody")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.streetNames", hasItem("tranq")));
		mvc.perform(get("/api/substances/NOT-A-CODE").with(as("custody"))).andExpect(status().isNotFound());
	}

	static MockMultipartFile csvFile(String content) {
		return new MockMultipartFile("file", "substances.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

}
