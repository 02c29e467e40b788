package org.harmwatch.custodytesting;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harmwatch.custodytesting.CustodyTestingFixtures.staff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The purpose line (issue 15, item 8) for custody testing: every page and API of the
 * module, called by every demo user of an agency that is not law enforcement (health,
 * councils, the commissioner's office) and by no one signed in, is refused or answers
 * with withheld aggregates only; the treatment worker reads the referral sent to their
 * team and nothing of the arrest behind it.
 */
@HarmwatchIntegrationTest
class CustodyTestingPurposeLineIntegrationTests {

	/** Every demo user; those of law-enforcement agencies are left out below. */
	static final List<String> DEMO_USERS = List.of("admin", "auditor", "coordinator", "panel", "panel2", "frontline",
			"analyst", "custody", "navigator", "clinic", "naloxone", "investigator", "commissioner", "paramedic",
			"constable", "cjit");

	/** Pages that show only aggregates, withheld under 5 for the other side. */
	static final List<String> AGGREGATES = List.of("/custody-testing/funnel", "/api/custody-testing/funnel");

	/**
	 * The treatment team's own pages: the referral's fields only, and the onward referral
	 * to heroin-assisted treatment.
	 */
	static final List<String> TEAM_PAGES = List.of("/custody-testing", "/custody-testing/referrals",
			"/custody-testing/referrals/{id}", "/custody-testing/referrals/{id}/hat");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Autowired
	CustodyTestingManagement custody;

	@Autowired
	TeamReferralManagement referrals;

	@Autowired
	SharingManagement sharing;

	record Endpoint(HttpMethod method, String pattern) {
	}

	List<Endpoint> endpoints() {
		var result = new ArrayList<Endpoint>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.harmwatch.custodytesting")) {
				return;
			}
			for (var method : info.getMethodsCondition().getMethods()) {
				for (var pattern : info.getPatternValues()) {
					result.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern));
				}
			}
		});
		return result;
	}

	@Test
	void theOtherSideIsRefusedEverywhereOrSeesWithheldAggregatesAndTheTeamSeesOnlyItsReferral() throws Exception {
		var officer = staff(users, "custody");
		CustodyTestingFixtures.shareWithTeam(custody, sharing, officer);
		var person = "CR-LINE-" + UUID.randomUUID();
		var arrestId = CustodyTestingFixtures.referredArrest(custody, officer, person);
		var arrest = custody.arrest(arrestId, officer);
		var referralId = arrest.referral().id();
		var assessmentId = arrest.assessments().get(0).id();
		// What the other side must never see: the custody record's code, the offence,
		// the suite and the results.
		var secrets = List.of(person, "Theft", arrest.suite().name(), "DrugWipe", arrestId.toString());

		var endpoints = endpoints();
		assertThat(endpoints).as("the module's endpoints").hasSizeGreaterThanOrEqualTo(18);
		var callers = new ArrayList<String>();
		callers.add(null);
		for (var username : DEMO_USERS) {
			if (!staff(users, username).lawEnforcement()) {
				callers.add(username);
			}
		}
		assertThat(callers).contains("cjit", "clinic", "paramedic", "frontline", "coordinator", "commissioner");

		var failures = new ArrayList<String>();
		for (var endpoint : endpoints) {
			var path = endpoint.pattern()
				.replace("{assessmentId}", assessmentId.toString())
				.replace("{id}", endpoint.pattern().startsWith("/custody-testing/referrals/") ? referralId.toString()
						: arrestId.toString());
			for (var username : callers) {
				MockHttpServletRequestBuilder call = request(endpoint.method(), path).with(csrf());
				HarmwatchUser caller = null;
				if (username != null) {
					caller = staff(users, username);
					call = call.with(user(caller));
				}
				if (endpoint.method() == HttpMethod.POST) {
					// What a caller would send to move the record on.
					call = call.param("status", "ATTENDED")
						.param("attendedOn", custody.today().toString())
						.param("team", CustodyTestingFixtures.TEAM)
						.param("referredOn", custody.today().toString())
						.param("outcome", "RESULT")
						.param("cocaine", "NEGATIVE")
						.param("opiates", "NEGATIVE");
				}
				var response = mvc.perform(call).andReturn().getResponse();
				int status = response.getStatus();
				var body = response.getContentAsString();
				var who = (username == null ? "anonymous" : username) + " " + endpoint.method() + " " + path;
				for (var secret : secrets) {
					// The aggregates name the suites as row labels, never a person.
					boolean label = AGGREGATES.contains(endpoint.pattern()) && secret.equals(arrest.suite().name());
					if (!label && body.contains(secret)) {
						failures.add(who + " saw " + secret);
					}
				}
				boolean refused = username == null
						? status == 401
								|| (status == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login"))
						: status == 403 || status == 404;
				if (AGGREGATES.contains(endpoint.pattern())) {
					if (status != 200 || !(body.contains("\"suppressed\":true") || body.contains("are withheld"))) {
						failures.add(who + " did not get withheld aggregates (" + status + ")");
					}
				}
				else if ("cjit".equals(username) && TEAM_PAGES.contains(endpoint.pattern())) {
					// 422: the answer form redrawn (the call sends no answer).
					if (status >= 400 && status != 422) {
						failures.add(who + " was refused its own referral (" + status + ")");
					}
				}
				else if (!refused) {
					failures.add(who + " was let through (" + status + ")");
				}
			}
		}
		assertThat(failures).isEmpty();
		// The treatment team did not change anything: the answer is still open, and the
		// arrest is as it was.
		assertThat(custody.arrest(arrestId, officer)).isEqualTo(arrest);
	}

	@Test
	void theTreatmentWorkerSeesTheReferralCodeAndDayOnly() throws Exception {
		var officer = staff(users, "custody");
		CustodyTestingFixtures.shareWithTeam(custody, sharing, officer);
		var person = "CR-TEAM-" + UUID.randomUUID();
		var arrestId = CustodyTestingFixtures.referredArrest(custody, officer, person);
		var referral = custody.arrest(arrestId, officer).referral();
		var cjit = staff(users, "cjit");
		var seen = referrals.teamReferral(referral.id(), cjit);
		var page = mvc.perform(request(HttpMethod.GET, "/custody-testing/referrals/" + referral.id()).with(user(cjit)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(seen.personCode())
			.contains("West Midlands Police, Birmingham")
			.doesNotContain(person)
			.doesNotContain("Theft")
			.doesNotContain("Positive")
			.doesNotContain("Perry Barr")
			.doesNotContain("Cocaine");
		// The same person referred again to the same team keeps the team's code.
		var again = CustodyTestingFixtures.referredArrest(custody, officer, person);
		assertThat(referrals.teamReferral(custody.arrest(again, officer).referral().id(), cjit).personCode())
			.isEqualTo(seen.personCode());
	}

}
