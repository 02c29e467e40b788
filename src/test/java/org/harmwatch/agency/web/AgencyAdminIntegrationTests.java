package org.harmwatch.agency.web;

import java.util.concurrent.atomic.AtomicInteger;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.shared.AgencyType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HarmwatchIntegrationTest
class AgencyAdminIntegrationTests {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AgencyManagement agencies;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	static String uniqueCode() {
		return "T-AG" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
	}

	@Test
	void createsAnAgencyAndListsIt() throws Exception {
		var code = uniqueCode();
		mvc.perform(post("/admin/agencies/new").with(as("admin"))
			.with(csrf())
			.param("code", code.toLowerCase())
			.param("name", "  Dudley Recovery Hub  ")
			.param("type", "TREATMENT_PROVIDER"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/agencies"))
			.andExpect(flash().attribute("notice", new Notice("admin.agency.created", "Dudley Recovery Hub")));

		var agency = agencies.agency(code).orElseThrow();
		assertThat(agency.name()).isEqualTo("Dudley Recovery Hub");
		assertThat(agency.type()).isEqualTo(AgencyType.TREATMENT_PROVIDER);
		assertThat(agency.active()).isTrue();

		mvc.perform(get("/admin/agencies").param("type", "TREATMENT_PROVIDER").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(code)))
			.andExpect(content().string(containsString("Dudley Recovery Hub")))
			.andExpect(content().string(not(containsString(">WMP<"))));
	}

	@Test
	void aMissingNameIsAnErrorOnTheNameFieldAndCreatesNothing() throws Exception {
		var code = uniqueCode();
		mvc.perform(post("/admin/agencies/new").with(as("admin"))
			.with(csrf())
			.param("code", code)
			.param("name", " ")
			.param("type", "PRISON"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("agencyForm", "name"))
			.andExpect(content().string(containsString("Enter the agency&#39;s name")))
			.andExpect(content().string(containsString("href=\"#name\"")))
			.andExpect(content().string(containsString("class=\"govuk-error-summary\"")))
			.andExpect(content().string(containsString("<a href=\"#name\">Enter the agency&#39;s name")))
			.andExpect(content().string(containsString("<title>Error: Add an agency")))
			// what was typed is kept
			.andExpect(content().string(containsString("value=\"" + code + "\"")));
		assertThat(agencies.agency(code)).isEmpty();
	}

	@Test
	void anUnknownTypeIsAFieldErrorNotAFailure() throws Exception {
		var code = uniqueCode();
		mvc.perform(post("/admin/agencies/new").with(as("admin"))
			.with(csrf())
			.param("code", code)
			.param("name", "Somewhere")
			.param("type", "SPACE_AGENCY"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("agencyForm", "type"))
			.andExpect(content().string(containsString("Choose a type of agency from the list")));
		assertThat(agencies.agency(code)).isEmpty();
	}

	@Test
	void refusesADuplicateCode() throws Exception {
		mvc.perform(post("/admin/agencies/new").with(as("admin"))
			.with(csrf())
			.param("code", "wmp")
			.param("name", "Another police force")
			.param("type", "POLICE_FORCE"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("agencyForm", "code"))
			.andExpect(content().string(containsString("An agency with code WMP already exists.")));
		assertThat(agencies.agency("WMP").orElseThrow().name()).isEqualTo("West Midlands Police");
	}

	@Test
	void changesNameTypeAndActiveButNeverTheCode() throws Exception {
		var code = uniqueCode();
		var agency = agencies.createAgency(code, "Before", AgencyType.COUNCIL_PUBLIC_HEALTH);
		mvc.perform(get("/admin/agencies/{code}/edit", code).with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Before\"")))
			.andExpect(content().string(not(containsString("name=\"code\""))));

		mvc.perform(post("/admin/agencies/{code}/edit", code).with(as("admin"))
			.with(csrf())
			.param("code", "HIJACK")
			.param("name", "After")
			.param("type", "COUNCIL_ENVIRONMENTAL_SERVICES")
			.param("version", String.valueOf(agency.version()))).andExpect(status().is3xxRedirection());

		var changed = agencies.agency(code).orElseThrow();
		assertThat(changed.name()).isEqualTo("After");
		assertThat(changed.type()).isEqualTo(AgencyType.COUNCIL_ENVIRONMENTAL_SERVICES);
		assertThat(changed.active()).as("an unticked box means inactive").isFalse();
		assertThat(agencies.agency("HIJACK")).isEmpty();
	}

	@Test
	void aChangeBasedOnAnOldVersionIsRefusedWithAClearMessage() throws Exception {
		var code = uniqueCode();
		var agency = agencies.createAgency(code, "Original", AgencyType.PROBATION);
		int seen = agency.version();
		agencies.changeAgency(code, "Changed by someone else", AgencyType.PROBATION, true, seen);

		mvc.perform(post("/admin/agencies/{code}/edit", code).with(as("admin"))
			.with(csrf())
			.param("name", "My change")
			.param("type", "PROBATION")
			.param("active", "true")
			.param("version", String.valueOf(seen)))
			.andExpect(status().isUnprocessableContent())
			// A problem with the whole form: in the error summary, with no field to link
			// to.
			.andExpect(content().string(containsString("<li>Someone else changed this while you were editing it")))
			.andExpect(content().string(containsString("value=\"Changed by someone else\"")));
		assertThat(agencies.agency(code).orElseThrow().name()).isEqualTo("Changed by someone else");
	}

	@Test
	void theAuditorMayLookButNotChange() throws Exception {
		mvc.perform(get("/admin").with(as("auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You can look at these pages but not change them.")));
		mvc.perform(get("/admin/agencies").with(as("auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("West Midlands Police")))
			.andExpect(content().string(not(containsString("/admin/agencies/new"))));
		var code = uniqueCode();
		mvc.perform(post("/admin/agencies/new").with(as("auditor"))
			.with(csrf())
			.param("code", code)
			.param("name", "Not allowed")
			.param("type", "PRISON")).andExpect(status().isForbidden());
		assertThat(agencies.agency(code)).isEmpty();
	}

	@Test
	void listsTwentyFiveAgenciesAPage() throws Exception {
		for (int i = 0; i < 26; i++) {
			agencies.createAgency(uniqueCode(), "Coroner's office " + i, AgencyType.CORONER);
		}
		long total = agencies.agencyPage(AgencyType.CORONER, 1).getTotalElements();
		long pages = (total + 24) / 25;
		var first = mvc.perform(get("/admin/agencies").param("type", "CORONER").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page 1 of " + pages)))
			.andExpect(content().string(containsString("href=\"/admin/agencies?type=CORONER&amp;page=2\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first.split("class=\"govuk-table__row\"").length - 2).as("rows on the first page").isEqualTo(25);
		mvc.perform(
				get("/admin/agencies").param("type", "CORONER").param("page", String.valueOf(pages)).with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page " + pages + " of " + pages)))
			.andExpect(content().string(containsString("rel=\"prev\"")));
	}

	@Test
	void anUnknownAgencyIsNotFound() throws Exception {
		mvc.perform(get("/admin/agencies/{code}/edit", "NO-SUCH-CODE").with(as("admin")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theOverviewCountsAndLinks() throws Exception {
		// Other tests in the shared context add roles: the overview counts whatever is
		// there now.
		var roles = agencies.roles().size();
		mvc.perform(get("/admin").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/admin/agencies\"")))
			.andExpect(content().string(containsString("href=\"/admin/staff\"")))
			.andExpect(content().string(containsString("href=\"/admin/roles\"")))
			.andExpect(content().string(containsString("href=\"/admin/api-clients\"")))
			.andExpect(content().string(containsString("href=\"/admin/sharing\"")))
			.andExpect(content().string(containsString(roles + " roles")));
	}

}
