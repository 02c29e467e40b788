package org.harmwatch.platform;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.internal.Staff;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rights change on the next request: an administrator's change to an account, its roles
 * or its agency reaches open sessions and API tokens at once (DESIGN.md, "Data
 * protection").
 *
 * <p>
 * Every case signs a fresh member of staff in through the real sign-in form, so the
 * session lives in the real session store, and changes the account through
 * {@link AgencyManagement} as the admin pages do. Roles are the programme's standard
 * ones, assigned to fresh staff of a fresh agency; no demo account is changed.
 */
@HarmwatchIntegrationTest
class SessionRightsIntegrationTests {

	static final String PASSWORD = "session-rights-" + UUID.randomUUID();

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	/** A page that needs AUDIT:READ (the AUDITOR role). */
	static final String AUDIT_PAGE = "/audit";

	/** An API that needs EARLY_WARNING:READ (the PANEL_MEMBER role). */
	static final String ALERTS_API = "/api/early-warning/alerts";

	@Autowired
	MockMvc mvc;

	@Autowired
	AgencyManagement agencies;

	@Autowired
	JdbcClient jdbc;

	/**
	 * A new agency of the same type as the demo public health team, which may hold
	 * auditor and panel roles.
	 */
	String freshAgency() {
		var code = "RIGHTS-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
		agencies.createAgency(code, "Rights test agency " + code, agencies.agencyByCode("BCC-PH").type());
		return code;
	}

	Staff freshStaff(String agency, String... roles) {
		var username = "t.rights" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
		return agencies.createStaff(username, "Rights " + username, username + "@rights.example", agency,
				List.of(roles), PASSWORD);
	}

	Cookie signIn(Staff member) throws Exception {
		var session = mvc.perform(formLogin("/login").user(member.username()).password(PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("signing in sets the session cookie").isNotNull();
		return session;
	}

	/**
	 * Changes roles and whether the account is enabled, keeping everything else, as the
	 * staff edit page does.
	 */
	void change(Staff member, List<String> roles, boolean enabled) {
		var now = agencies.staffMember(member.id());
		agencies.changeStaff(member.id(), now.displayName(), now.email(), agencyCodeOf(now), roles, enabled,
				now.version());
	}

	String agencyCodeOf(Staff member) {
		return jdbc.sql("SELECT code FROM agency.agency WHERE id = ?")
			.param(member.agencyId())
			.query(String.class)
			.single();
	}

	long sessionsOf(Staff member) {
		return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
			.param(member.username())
			.query(Long.class)
			.single();
	}

	long audited(String action, Staff member) {
		return jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE action = ? AND actor = ? AND record_id = ?")
			.params(action, member.username(), member.id().toString())
			.query(Long.class)
			.single();
	}

	@Test
	void aDisabledAccountIsSignedOutOnItsNextPageRequest() throws Exception {
		var member = freshStaff(freshAgency(), "AUDITOR");
		var session = signIn(member);
		mvc.perform(get(AUDIT_PAGE).cookie(session).accept("text/html")).andExpect(status().isOk());
		assertThat(sessionsOf(member)).isOne();

		change(member, List.of("AUDITOR"), false);

		mvc.perform(get(AUDIT_PAGE).cookie(session).accept("text/html"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", containsString("/login")));
		assertThat(sessionsOf(member)).as("the session is gone from the store").isZero();
		var ended = jdbc.sql("""
				SELECT count(*) FROM platform.audit_event
				WHERE action = 'SESSION_ENDED' AND actor = ? AND outcome = 'DENIED' AND detail = ?
				""").params(member.username(), "account disabled / agency deactivated").query(Long.class).single();
		assertThat(ended).isOne();
		// The old cookie opens nothing any more, and asks for no second ending.
		mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
		assertThat(audited("SESSION_ENDED", member)).isOne();
	}

	@Test
	void aDisabledAccountsApiCallFromItsSessionIsAskedToSignIn() throws Exception {
		var member = freshStaff(freshAgency(), "PANEL_MEMBER");
		var session = signIn(member);
		mvc.perform(get(ALERTS_API).cookie(session)).andExpect(status().isOk());

		change(member, List.of("PANEL_MEMBER"), false);

		mvc.perform(get(ALERTS_API).cookie(session))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Sign-in required"));
		assertThat(sessionsOf(member)).isZero();
		assertThat(audited("SESSION_ENDED", member)).isOne();
	}

	@Test
	void aRemovedRoleIsLostOnTheNextRequestWhileTheOthersStay() throws Exception {
		var member = freshStaff(freshAgency(), "AUDITOR", "PANEL_MEMBER");
		var session = signIn(member);
		mvc.perform(get(AUDIT_PAGE).cookie(session).accept("text/html")).andExpect(status().isOk());
		mvc.perform(get(ALERTS_API).cookie(session)).andExpect(status().isOk());

		change(member, List.of("PANEL_MEMBER"), true);

		mvc.perform(get(AUDIT_PAGE).cookie(session).accept("text/html")).andExpect(status().isForbidden());
		mvc.perform(get(ALERTS_API).cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/api/me").cookie(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles", contains("PANEL_MEMBER")));
		assertThat(sessionsOf(member)).as("the session itself goes on").isOne();
		assertThat(audited("SESSION_REFRESHED", member)).as("once, when the change was first seen").isOne();
		assertThat(audited("SESSION_ENDED", member)).isZero();
	}

	@Test
	void aNewRoleIsGainedWithoutSigningInAgain() throws Exception {
		var member = freshStaff(freshAgency(), "PANEL_MEMBER");
		var session = signIn(member);
		mvc.perform(get(AUDIT_PAGE).cookie(session).accept("text/html")).andExpect(status().isForbidden());

		change(member, List.of("AUDITOR", "PANEL_MEMBER"), true);

		mvc.perform(get(AUDIT_PAGE).cookie(session).accept("text/html")).andExpect(status().isOk());
		mvc.perform(get("/api/me").cookie(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles", contains("AUDITOR", "PANEL_MEMBER")))
			.andExpect(jsonPath("$.grants", hasItem("AUDIT:READ:ADMINISTRATION")));
	}

	@Test
	void aDeactivatedAgencysStaffAreSignedOutOnTheirNextRequest() throws Exception {
		var agency = freshAgency();
		var member = freshStaff(agency, "PANEL_MEMBER");
		var colleague = freshStaff(agency, "AUDITOR");
		var session = signIn(member);
		var colleagueSession = signIn(colleague);
		mvc.perform(get(ALERTS_API).cookie(session)).andExpect(status().isOk());

		var before = agencies.agencyByCode(agency);
		agencies.changeAgency(agency, before.name(), before.type(), false, before.version());

		mvc.perform(get(ALERTS_API).cookie(session)).andExpect(status().isUnauthorized());
		mvc.perform(get(AUDIT_PAGE).cookie(colleagueSession).accept("text/html"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", containsString("/login")));
		assertThat(sessionsOf(member)).isZero();
		assertThat(sessionsOf(colleague)).isZero();
		assertThat(audited("SESSION_ENDED", member)).isOne();
		assertThat(audited("SESSION_ENDED", colleague)).isOne();
	}

	@Test
	void anotherPersonsChangeLeavesASessionAlone() throws Exception {
		var agency = freshAgency();
		var member = freshStaff(agency, "PANEL_MEMBER");
		var other = freshStaff(agency, "PANEL_MEMBER");
		var session = signIn(member);

		change(other, List.of("PANEL_MEMBER"), false);

		mvc.perform(get(ALERTS_API).cookie(session)).andExpect(status().isOk());
		assertThat(sessionsOf(member)).isOne();
		assertThat(audited("SESSION_REFRESHED", member)).isZero();
	}

	// ---- API clients: the token is looked up on every call, so the same holds without a
	// session

	String token(String agency, Grant... grants) {
		return agencies.issueApiClient("Rights client " + UUID.randomUUID(), agency, List.of(grants), "test").token();
	}

	static Grant earlyWarning(Action action) {
		return new Grant(Capability.EARLY_WARNING, action, Purpose.PUBLIC_HEALTH_INTELLIGENCE);
	}

	UUID clientOf(String token) {
		return jdbc.sql("SELECT id FROM agency.api_client WHERE token_prefix = ?")
			.param(token.substring(0, 10))
			.query(UUID.class)
			.single();
	}

	@Test
	void aRevokedTokenIsRefusedOnTheNextCall() throws Exception {
		var token = token(freshAgency(), earlyWarning(Action.READ));
		mvc.perform(get(ALERTS_API).header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		agencies.revokeApiClient(clientOf(token));

		mvc.perform(get(ALERTS_API).header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void aDeactivatedAgencysTokenIsRefusedOnTheNextCall() throws Exception {
		var agency = freshAgency();
		var token = token(agency, earlyWarning(Action.READ));
		mvc.perform(get(ALERTS_API).header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		var before = agencies.agencyByCode(agency);
		agencies.changeAgency(agency, before.name(), before.type(), false, before.version());

		mvc.perform(get(ALERTS_API).header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void aGrantTakenFromATokenIsRefusedOnTheNextCallWhileTheOthersStay() throws Exception {
		var token = token(freshAgency(), earlyWarning(Action.READ), earlyWarning(Action.WRITE));
		mvc.perform(get(ALERTS_API).header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		// The admin pages cannot change a client's grants (only issue and revoke), so the
		// change is made in the table.
		jdbc.sql("DELETE FROM agency.api_client_grant WHERE api_client = ? AND capability = 'EARLY_WARNING' "
				+ "AND action = 'READ'")
			.param(clientOf(token))
			.update();

		mvc.perform(get(ALERTS_API).header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.grants", contains("EARLY_WARNING:WRITE:PUBLIC_HEALTH_INTELLIGENCE")));
	}

}
