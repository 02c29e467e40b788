package org.harmwatch.agency.web;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.internal.Role;
import org.harmwatch.agency.internal.Staff;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HarmwatchIntegrationTest
class StaffAdminIntegrationTests {

	static final String PASSWORD = "correct horse battery staple";

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

	static String uniqueUsername() {
		return "t.staff" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
	}

	Staff staffAt(String agency, String role) {
		var username = uniqueUsername();
		return agencies.createStaff(username, "Test " + username, username + "@test.example", agency, List.of(role),
				PASSWORD);
	}

	List<String> roleNamesOf(Staff member) {
		return agencies.rolesOf(agencies.staffMember(member.id())).stream().map(Role::name).sorted().toList();
	}

	@Test
	void createsAMemberOfStaffWithRoles() throws Exception {
		var username = uniqueUsername();
		var result = mvc
			.perform(post("/admin/staff/new").with(as("admin"))
				.with(csrf())
				.param("username", username)
				.param("displayName", "Robin Recovery")
				.param("email", username + "@treatment.example")
				.param("agency", "BHM-TREAT")
				.param("roles", "FRONTLINE_WORKER", "NALOXONE_LEAD")
				.param("initialPassword", PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		var user = (HarmwatchUser) users.loadUserByUsername(username);
		assertThat(user.roleNames()).containsExactly("FRONTLINE_WORKER", "NALOXONE_LEAD");
		assertThat(user.agencyCode()).isEqualTo("BHM-TREAT");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/staff/" + user.id());

		mvc.perform(get("/admin/staff/{id}", user.id()).with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Robin Recovery")))
			.andExpect(content().string(containsString("Birmingham Recovery Partnership (demo)")))
			.andExpect(content().string(containsString("Frontline worker")))
			.andExpect(content().string(containsString("Naloxone lead")))
			.andExpect(content().string(containsString("Never")))
			.andExpect(content().string(not(containsString("argon2"))))
			.andExpect(content().string(not(containsString(user.getPassword() == null ? "-" : user.getPassword()))));

		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());
	}

	@Test
	void refusesAHealthRoleForAPoliceOfficerOnTheRolesFieldAndChangesNothing() throws Exception {
		var officer = staffAt("WMP", "CUSTODY_OFFICER");
		var before = agencies.staffMember(officer.id());

		mvc.perform(post("/admin/staff/{id}/edit", officer.id()).with(as("admin"))
			.with(csrf())
			.param("displayName", "Renamed on the way")
			.param("email", officer.email())
			.param("agency", "WMP")
			.param("roles", "CUSTODY_OFFICER", "CLINIC_STAFF")
			.param("enabled", "true")
			.param("version", String.valueOf(before.version())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("staffForm", "roles"))
			.andExpect(content().string(containsString("A police force may not hold health data")))
			.andExpect(content().string(containsString("href=\"#roles\"")))
			.andExpect(content().string(containsString("id=\"roles-error\"")))
			// the choice is kept on the page
			.andExpect(content().string(containsString("value=\"Renamed on the way\"")));

		var after = agencies.staffMember(officer.id());
		assertThat(roleNamesOf(officer)).containsExactly("CUSTODY_OFFICER");
		assertThat(after.displayName()).isEqualTo(before.displayName());
		assertThat(after.version()).isEqualTo(before.version());
	}

	@Test
	void refusesToCreateAPoliceAccountWithAClinicRoleAlongWithOtherProblemsInPageOrder() throws Exception {
		var username = uniqueUsername();
		var page = mvc
			.perform(post("/admin/staff/new").with(as("admin"))
				.with(csrf())
				.param("username", username)
				.param("displayName", "Pat Police")
				.param("email", "pat at police")
				.param("agency", "WMP")
				.param("roles", "CLINIC_STAFF"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("staffForm", "email", "roles"))
			.andExpect(content().string(containsString("A police force may not hold health data")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("href=\"#email\"")).as("the summary lists problems in the order of the form")
			.isPositive()
			.isLessThan(page.indexOf("href=\"#roles\""));
		assertThat(agencies.staffPage(username, null, null, 1).total()).isZero();
	}

	@Test
	void validationNamesEachFieldAndCreatesNothing() throws Exception {
		var username = uniqueUsername();
		mvc.perform(post("/admin/staff/new").with(as("admin"))
			.with(csrf())
			.param("username", username)
			.param("displayName", "")
			.param("email", "not-an-email")
			.param("agency", "NO-SUCH-AGENCY")
			.param("initialPassword", "short"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(
					model().attributeHasFieldErrors("staffForm", "displayName", "email", "agency", "initialPassword"))
			.andExpect(content().string(containsString("Enter their full name")))
			.andExpect(content().string(containsString("Enter an email address in the correct format")))
			.andExpect(content().string(containsString("Choose an agency from the list")))
			.andExpect(content().string(containsString("The password must be at least 12 characters long")))
			.andExpect(content().string(containsString("value=\"" + username + "\"")))
			.andExpect(content().string(not(containsString("value=\"short\""))));
		assertThat(agencies.staffPage(username, null, null, 1).total()).isZero();
	}

	@Test
	void refusesATakenUsername() throws Exception {
		mvc.perform(post("/admin/staff/new").with(as("admin"))
			.with(csrf())
			.param("username", "ADMIN")
			.param("displayName", "Impostor")
			.param("email", uniqueUsername() + "@test.example")
			.param("agency", "WMPCC"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("staffForm", "username"))
			.andExpect(content().string(containsString("The username ADMIN is taken.")));
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void clearsTheFailedSignInsThatSlowAnAccount() throws Exception {
		var member = staffAt("BHM-TREAT", "FRONTLINE_WORKER");
		// Strangers guess from many addresses: the account is slowed for unfamiliar
		// clients, never locked.
		for (int i = 0; i < 11; i++) {
			mvc.perform(post("/login").with(csrf())
				.with(from("192.0.2." + (100 + i)))
				.param("username", member.username())
				.param("password", "wrong password " + i)).andExpect(unauthenticated());
		}
		mvc.perform(post("/login").with(csrf())
			.with(from("192.0.2.150"))
			.param("username", member.username())
			.param("password", PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/login?throttled=")));
		mvc.perform(get("/admin/staff/{id}", member.id()).with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("After 11 failed sign-ins from devices and addresses")))
			.andExpect(content().string(containsString("Sign-ins slowed")))
			.andExpect(content().string(containsString("Clear failed sign-ins")));

		mvc.perform(post("/admin/staff/{id}/unlock", member.id()).with(as("admin")).with(csrf()))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get("/admin/staff/{id}", member.id()).with(as("admin")))
			.andExpect(content().string(not(containsString("Sign-ins slowed"))));
		mvc.perform(post("/login").with(csrf())
			.with(from("192.0.2.150"))
			.param("username", member.username())
			.param("password", PASSWORD)).andExpect(authenticated());
	}

	@Test
	void refusesACommonPasswordWithAClearMessageWhereverOneIsSet() throws Exception {
		var member = staffAt("WM-CHECK", "DRUG_CHECKING_ANALYST");
		for (var common : List.of("passwordpassword", "P@ssw0rd2024!!", "qwertyuiop123", "iloveyou12345",
				"abcdefghijklmn", "111111111111")) {
			mvc.perform(post("/admin/staff/{id}/password", member.id()).with(as("admin"))
				.with(csrf())
				.param("password", common)
				.param("confirmation", common))
				.andExpect(status().isUnprocessableContent())
				.andExpect(model().attributeHasFieldErrors("passwordForm", "password"))
				.andExpect(content().string(containsString("This password is too easy to guess")));
		}
		mvc.perform(post("/admin/staff/{id}/password", member.id()).with(as("admin"))
			.with(csrf())
			.param("password", "my name is " + member.username())
			.param("confirmation", "my name is " + member.username()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The password must not contain the username")));
		mvc.perform(formLogin("/login").user(member.username()).password(PASSWORD)).andExpect(authenticated());

		var username = uniqueUsername();
		mvc.perform(post("/admin/staff/new").with(as("admin"))
			.with(csrf())
			.param("username", username)
			.param("displayName", "Casey Common")
			.param("email", username + "@treatment.example")
			.param("agency", "BHM-TREAT")
			.param("roles", "FRONTLINE_WORKER")
			.param("initialPassword", "passwordpassword"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("staffForm", "initialPassword"))
			.andExpect(content().string(containsString("This password is too easy to guess")));
		assertThat(agencies.staffPage(username, null, null, 1).rows()).isEmpty();
		assertThatThrownBy(() -> agencies.setPassword(member.id(), "passwordpassword")).isInstanceOfSatisfying(
				InputRejectedException.class, ex -> assertThat(ex.problems()).extracting(FieldProblem::code)
					.containsExactly("admin.password.error.common"));
	}

	@Test
	void setsAPasswordOnlyWhenLongEnoughAndTypedTwice() throws Exception {
		var member = staffAt("WM-CHECK", "DRUG_CHECKING_ANALYST");
		mvc.perform(post("/admin/staff/{id}/password", member.id()).with(as("admin"))
			.with(csrf())
			.param("password", "too short")
			.param("confirmation", "too short"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("passwordForm", "password"))
			.andExpect(content().string(not(containsString("too short\""))));
		mvc.perform(post("/admin/staff/{id}/password", member.id()).with(as("admin"))
			.with(csrf())
			.param("password", "a long new passphrase")
			.param("confirmation", "a long new passphrasf"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrors("passwordForm", "confirmation"))
			.andExpect(content().string(containsString("The two passwords are not the same")));
		mvc.perform(formLogin("/login").user(member.username()).password(PASSWORD)).andExpect(authenticated());

		mvc.perform(post("/admin/staff/{id}/password", member.id()).with(as("admin"))
			.with(csrf())
			.param("password", "a long new passphrase")
			.param("confirmation", "a long new passphrase")).andExpect(status().is3xxRedirection());
		mvc.perform(formLogin("/login").user(member.username()).password(PASSWORD)).andExpect(unauthenticated());
		mvc.perform(formLogin("/login").user(member.username()).password("a long new passphrase"))
			.andExpect(authenticated());
	}

	@Test
	void findsStaffByTextAgencyAndRole() throws Exception {
		var member = staffAt("HMP-BHM", "DIVERSION_NAVIGATOR");
		mvc.perform(get("/admin/staff").param("text", member.username()).with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(member.displayName())))
			.andExpect(content().string(containsString("1 staff")));
		mvc.perform(
				get("/admin/staff").param("agency", "HMP-BHM").param("role", "DIVERSION_NAVIGATOR").with(as("admin")))
			.andExpect(content().string(containsString(member.displayName())));
		mvc.perform(get("/admin/staff").param("agency", "WMP").param("text", member.username()).with(as("admin")))
			.andExpect(content().string(containsString("0 staff")));
	}

	@Test
	void theAuditorMayLookButNotUnlock() throws Exception {
		var member = staffAt("BHM-OPC", "CLINIC_STAFF");
		mvc.perform(get("/admin/staff").with(as("auditor"))).andExpect(status().isOk());
		mvc.perform(get("/admin/staff/{id}", member.id()).with(as("auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Clinic staff")))
			.andExpect(content().string(not(containsString("/password"))));
		mvc.perform(post("/admin/staff/{id}/unlock", member.id()).with(as("auditor")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/staff/{id}/edit", member.id()).with(as("auditor"))).andExpect(status().isForbidden());
	}

	@Test
	void anUnknownOrMalformedIdIsAClientError() throws Exception {
		mvc.perform(get("/admin/staff/{id}", UUID.randomUUID()).with(as("admin"))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/staff/{id}", "not-a-uuid").with(as("admin"))).andExpect(status().isBadRequest());
		mvc.perform(post("/admin/staff/{id}/edit", UUID.randomUUID()).with(as("admin")).with(csrf()))
			.andExpect(status().isNotFound());
	}

}
