package org.harmwatch.agency.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HarmwatchIntegrationTest
class RoleAdminIntegrationTests {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	static final Grant DRUG_CHECKING_HEALTH = new Grant(Capability.DRUG_CHECKING, Action.READ, Purpose.HEALTH);

	static final Grant SUBSTANCES_PUBLIC = new Grant(Capability.SUBSTANCES, Action.READ, Purpose.PUBLIC);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AgencyManagement agencies;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	static String uniqueName() {
		return "T_ROLE_" + System.nanoTime() % 1_000_000 + "_" + SEQUENCE.incrementAndGet();
	}

	@Test
	void createsARoleWithGrantsAndListsIt() throws Exception {
		var name = uniqueName();
		mvc.perform(post("/admin/roles/new").with(as("admin"))
			.with(csrf())
			.param("name", name.toLowerCase().replace('_', ' '))
			.param("title", "Checking lead " + name)
			.param("description", "Leads the drug-checking team.")
			.param("grants", "DRUG_CHECKING:READ:HEALTH", "SUBSTANCES:READ:PUBLIC"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/roles"));

		var role = agencies.role(name);
		assertThat(role.title()).isEqualTo("Checking lead " + name);
		assertThat(role.grants()).containsExactlyInAnyOrder(DRUG_CHECKING_HEALTH, SUBSTANCES_PUBLIC);

		mvc.perform(get("/admin/roles").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Checking lead " + name)))
			.andExpect(content().string(containsString("Drug checking: Read (Health)")))
			.andExpect(content().string(containsString("Substances: Read (Public)")));
	}

	@Test
	void changesARolesGrants() throws Exception {
		var name = uniqueName();
		var role = agencies.createRole(name, "Before", "", List.of(SUBSTANCES_PUBLIC));
		mvc.perform(get("/admin/roles/{name}/edit", name).with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern(
					"(?s).*value=\"SUBSTANCES:READ:PUBLIC\"\\s+id=\"[^\"]+\"\\s+checked=\"checked\".*")));

		mvc.perform(post("/admin/roles/{name}/edit", name).with(as("admin"))
			.with(csrf())
			.param("title", "After")
			.param("description", "Now reads drug-checking results too.")
			.param("grants", "DRUG_CHECKING:READ:HEALTH", "DRUG_CHECKING:WRITE:HEALTH")
			.param("version", String.valueOf(role.version()))).andExpect(status().is3xxRedirection());

		var changed = agencies.role(name);
		assertThat(changed.title()).isEqualTo("After");
		assertThat(changed.grants()).containsExactlyInAnyOrder(DRUG_CHECKING_HEALTH,
				new Grant(Capability.DRUG_CHECKING, Action.WRITE, Purpose.HEALTH));
	}

	@Test
	void aChangeBasedOnAnOldVersionShowsTheCurrentGrants() throws Exception {
		var name = uniqueName();
		var role = agencies.createRole(name, "Original", "", List.of(SUBSTANCES_PUBLIC));
		agencies.changeRole(name, "Changed meanwhile", "", List.of(DRUG_CHECKING_HEALTH), role.version());

		mvc.perform(post("/admin/roles/{name}/edit", name).with(as("admin"))
			.with(csrf())
			.param("title", "My change")
			.param("grants", "SUBSTANCES:READ:PUBLIC", "SUBSTANCES:WRITE:PUBLIC")
			.param("version", String.valueOf(role.version())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Someone else changed this while you were editing it")))
			.andExpect(content().string(containsString("value=\"Changed meanwhile\"")))
			.andExpect(content().string(matchesPattern(
					"(?s).*value=\"DRUG_CHECKING:READ:HEALTH\"\\s+id=\"[^\"]+\"\\s+checked=\"checked\".*")));
		assertThat(agencies.role(name).grants()).containsExactly(DRUG_CHECKING_HEALTH);
	}

	@Test
	void refusesHealthAndPolicingInOneRole() throws Exception {
		var name = uniqueName();
		var role = agencies.createRole(name, "Mixed", "", List.of(SUBSTANCES_PUBLIC));
		mvc.perform(post("/admin/roles/{name}/edit", name).with(as("admin"))
			.with(csrf())
			.param("title", "Mixed up")
			.param("grants", "DRUG_CHECKING:READ:HEALTH", "CUSTODY_TESTING:READ:POLICING")
			.param("version", String.valueOf(role.version())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("roleForm", "grants"))
			.andExpect(content().string(containsString("A role cannot grant both health and policing purposes")))
			.andExpect(content().string(containsString("href=\"#grants\"")))
			// the ticks are kept, so the administrator can untick one
			.andExpect(content().string(matchesPattern(
					"(?s).*value=\"CUSTODY_TESTING:READ:POLICING\"\\s+id=\"[^\"]+\"\\s+checked=\"checked\".*")));

		var unchanged = agencies.role(name);
		assertThat(unchanged.title()).isEqualTo("Mixed");
		assertThat(unchanged.grants()).containsExactly(SUBSTANCES_PUBLIC);
	}

	@Test
	void refusesAHealthGrantToARoleAPoliceOfficerHolds() throws Exception {
		var name = uniqueName();
		var role = agencies.createRole(name, "Police helper", "", List.of(SUBSTANCES_PUBLIC));
		var username = "t.helper" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
		agencies.createStaff(username, "Helper", username + "@police.example", "WMP", List.of(name), null);

		mvc.perform(post("/admin/roles/{name}/edit", name).with(as("admin"))
			.with(csrf())
			.param("title", "Police helper")
			.param("grants", "HAT_CLINIC:READ:HEALTH")
			.param("version", String.valueOf(role.version())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("roleForm", "grants"))
			.andExpect(content().string(containsString("A police force may not hold health data")));
		assertThat(agencies.role(name).grants()).containsExactly(SUBSTANCES_PUBLIC);
	}

	@Test
	void aGrantThePageDidNotOfferIsAFieldError() throws Exception {
		var name = uniqueName();
		mvc.perform(post("/admin/roles/new").with(as("admin"))
			.with(csrf())
			.param("name", name)
			.param("title", "Bogus")
			.param("grants", "TIME_TRAVEL:READ"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("roleForm", "grants"))
			.andExpect(content().string(containsString("Tick grants from the table only")));
		mvc.perform(get("/admin/roles/{name}/edit", name).with(as("admin"))).andExpect(status().isNotFound());
	}

	@Test
	void theRuleIsExplainedOnTheForm() throws Exception {
		mvc.perform(get("/admin/roles/new").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("never both")))
			.andExpect(content().string(containsString("Which purposes each type of agency may hold")))
			// one box per capability, action and purpose its records are held for, each
			// labelled; no "any purpose"
			.andExpect(content().string(containsString("for=\"grant-PROCEEDS-EXPORT-PUBLIC\"")))
			.andExpect(content().string(containsString("Proceeds of crime, Export, Public")))
			.andExpect(content().string(containsString("for=\"grant-AUDIT-READ-ADMINISTRATION\"")))
			.andExpect(content().string(not(containsString("grant-AUDIT-READ-HEALTH"))))
			.andExpect(content().string(not(containsString("Any purpose"))));
	}

	@Test
	void theAuditorSeesRolesButCannotChangeThem() throws Exception {
		mvc.perform(get("/admin/roles").with(as("auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Clinic staff")))
			.andExpect(content().string(not(containsString("/admin/roles/new"))));
		mvc.perform(get("/admin/roles/{name}/edit", "CLINIC_STAFF").with(as("auditor")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/roles/{name}/edit", "CLINIC_STAFF").with(as("auditor"))
			.with(csrf())
			.param("title", "Hijacked")
			.param("grants", "AUDIT:MANAGE:ADMINISTRATION")).andExpect(status().isForbidden());
		assertThat(agencies.role("CLINIC_STAFF").grants()).isNotEmpty()
			.doesNotContain(new Grant(Capability.AUDIT, Action.MANAGE, Purpose.ADMINISTRATION));
	}

}
