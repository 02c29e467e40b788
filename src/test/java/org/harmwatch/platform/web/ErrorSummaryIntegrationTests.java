package org.harmwatch.platform.web;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The platform's pages show their problems with the shared GOV.UK error summary
 * ({@code fragments/errorSummary}): the sign-in page after a refused sign-in, and the
 * audit log check when the chain is broken.
 */
@HarmwatchIntegrationTest
class ErrorSummaryIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSignInPageSaysWhySignInWasRefusedAndLinksToTheUsername() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("govuk-error-summary"))));
		mvc.perform(get("/login").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"govuk-error-summary\"")))
			.andExpect(content()
				.string(containsString("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>")))
			.andExpect(content().string(containsString("<a href=\"#username\">The username or password is not right.")))
			.andExpect(content().string(not(containsString("too many failed sign-ins"))));
		mvc.perform(get("/login").param("throttled", "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"<a href=\"#username\">There have been too many failed sign-ins with this username from here. Wait 3 minutes")))
			.andExpect(content().string(not(containsString("The username or password is not right"))));
		mvc.perform(get("/login").param("throttled", "<script>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Wait a minute and try again")));
		mvc.perform(get("/login").param("disabled", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"#username\">This account is disabled.")));
		mvc.perform(get("/login").param("sso", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"#username\">Your organisation signed you in")));
	}

	@Test
	void theAuditLogCheckShowsWhereTheChainIsBroken() throws Exception {
		audit.recordFor("auditor", "WMPCC", () -> "ERROR_SUMMARY_TEST", "staff", "x", null, Outcome.ALLOWED,
				"original");
		long seq = jdbc.sql("SELECT max(seq) FROM platform.audit_event").query(Long.class).single();
		var auditor = user(users.loadUserByUsername("auditor"));
		// Checking seals what was written first: an entry changed before it is sealed
		// would be sealed as changed.
		mvc.perform(post("/audit/verify").with(auditor).with(csrf())).andExpect(status().isOk());
		try {
			tamper("UPDATE platform.audit_event SET detail = 'forged' WHERE seq = " + seq);
			mvc.perform(post("/audit/verify").with(auditor).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"chain-broken\"")))
				.andExpect(content().string(containsString("class=\"govuk-error-summary\"")))
				.andExpect(content().string(containsString("The audit log has been altered at entry ")))
				.andExpect(content().string(containsString("changed")));
		}
		finally {
			tamper("UPDATE platform.audit_event SET detail = 'original' WHERE seq = " + seq);
		}
		mvc.perform(post("/audit/verify").with(auditor).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The audit log is intact")))
			.andExpect(content().string(not(containsString("govuk-error-summary"))));
	}

	/**
	 * Changes the append-only audit table behind its triggers' back, as an attacker with
	 * database access could.
	 */
	private void tamper(String sql) {
		jdbc.sql("ALTER TABLE platform.audit_event DISABLE TRIGGER USER").update();
		try {
			jdbc.sql(sql).update();
		}
		finally {
			jdbc.sql("ALTER TABLE platform.audit_event ENABLE TRIGGER USER").update();
		}
	}

}
