package org.harmwatch.diversion;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The purpose line of issue 15 item 8: every page and API of diversion, called as every
 * health and non-police role (and police roles without diversion), with real records in
 * the paths, is refused; the only thing treatment staff reach is the attendance report,
 * which shows nothing about the person, the offence or the contract.
 */
@HarmwatchIntegrationTest
class DiversionPurposeLineIntegrationTests {

	/**
	 * Health, council, commissioner and administration accounts, and police without
	 * diversion.
	 */
	static final List<String> OTHER_SIDE = List.of("clinic", "paramedic", "analyst", "naloxone", "coordinator", "panel",
			"frontline", "commissioner", "admin", "auditor", "custody", "constable", "investigator");

	/**
	 * What treatment staff may call: reporting attendance and referring on to
	 * heroin-assisted treatment, which read nothing back.
	 */
	static final Set<String> ATTENDANCE = Set.of("GET /diversion/attendance", "POST /diversion/attendance",
			"POST /api/diversion/attendance", "GET /diversion/hat-referral", "POST /diversion/hat-referral");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Autowired
	DiversionManagement diversion;

	@Autowired
	DiversionSchemeManagement schemes;

	Referral referral;

	Scheme scheme;

	UUID breach;

	UUID condition;

	String reference;

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	@BeforeEach
	void aCaseWithAContractALinkAndABreach() {
		var navigator = staff("navigator");
		var today = LocalDate.now(ZoneId.of("Europe/London"));
		scheme = schemes.createScheme(new SchemeDraft("Purpose line " + UUID.randomUUID(), "E08000025",
				SchemeRules.checkpointLike(), false, null, null, 350, 1350), navigator);
		referral = diversion
			.refer(new ReferralDraft(scheme.id(), "SECRET-" + UUID.randomUUID().toString().substring(0, 8),
					OffenceGroup.DRUG_POSSESSION, today.minusDays(10), today.minusDays(5), 2, 0, Set.of(), true,
					AgeBand.AGE_25_TO_34, Sex.FEMALE, Ethnicity.BLACK), navigator);
		diversion.allocate(referral.id(), Arm.DIVERSION, "Intelligence says vulnerable", navigator);
		diversion.startContract(referral.id(), today.minusDays(4), 4,
				List.of(ConditionKind.NO_REOFFENDING, ConditionKind.DRUG_ASSESSMENT_AND_TREATMENT), navigator);
		var contract = diversion.caseFile(referral.id(), navigator).contract();
		condition = contract.conditions().get(1).id();
		reference = diversion.createLink(referral.id(), condition, LegalBasis.CONSENT, navigator);
		breach = diversion.recordBreach(referral.id(), contract.conditions().get(0).id(), today.minusDays(1),
				"Seen dealing outside the station", navigator);
	}

	record Call(String key, HttpMethod method, String path) {
	}

	List<Call> calls() {
		var calls = new ArrayList<Call>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			for (var pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/diversion") && !pattern.startsWith("/api/diversion")) {
					continue;
				}
				var methods = info.getMethodsCondition().getMethods();
				for (var method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
					var path = pattern.replace("{id}", pattern.startsWith("/diversion/schemes") ? scheme.id().toString()
							: referral.id().toString());
					calls.add(new Call(method.name() + " " + pattern, HttpMethod.valueOf(method.name()), path));
				}
			}
		});
		return calls;
	}

	@Test
	void everyPageAndApiOfDiversionRefusesTheOtherSide() throws Exception {
		var calls = calls();
		assertThat(calls).as("diversion's endpoints").hasSizeGreaterThanOrEqualTo(20);
		var failures = new ArrayList<String>();
		for (var username : OTHER_SIDE) {
			var account = staff(username);
			for (var call : calls) {
				var request = MockMvcRequestBuilders.request(call.method(), call.path())
					.with(user(account))
					.with(csrf());
				if (call.path().startsWith("/api/")) {
					request.contentType(MediaType.APPLICATION_JSON).content("{}");
				}
				else if (call.method() == HttpMethod.POST) {
					request.param("breachId", breach.toString())
						.param("linkConditionId", condition.toString())
						.param("conditionId", condition.toString())
						.param("decision", "CONTINUE")
						.param("decisionReason", "crossing the line")
						.param("reference", reference)
						.param("allocationArm", "DIVERSION");
				}
				var response = mvc.perform(request).andReturn().getResponse();
				var body = response.getContentAsString();
				int status = response.getStatus();
				boolean attendance = ATTENDANCE.contains(call.key()) && username.equals("clinic");
				if (attendance) {
					if (status >= 500) {
						failures.add(username + " " + call.key() + " -> " + status);
					}
				}
				else if (status != 403 && status != 404) {
					failures.add(username + " " + call.key() + " -> " + status);
				}
				for (var secret : List.of(referral.custodyReference(), scheme.name(), "Seen dealing",
						"Intelligence says", reference + "\"", "BLACK", "Black, Black British")) {
					if (body.contains(secret) && !(attendance && secret.equals(reference + "\""))) {
						failures.add(username + " " + call.key() + " shows " + secret);
					}
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void treatmentStaffReportAttendanceAndSeeNothingBack() throws Exception {
		var clinic = user(staff("clinic"));
		var page = mvc
			.perform(MockMvcRequestBuilders.post("/diversion/attendance")
				.with(clinic)
				.with(csrf())
				.param("reference", reference)
				.param("appointmentOn", LocalDate.now(ZoneId.of("Europe/London")).minusDays(1).toString())
				.param("attended", "true"))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(302);
		assertThat(page.getRedirectedUrl()).isEqualTo("/diversion/attendance?reported=true");
		var after = mvc.perform(MockMvcRequestBuilders.get("/diversion/attendance?reported=true").with(clinic))
			.andReturn()
			.getResponse();
		assertThat(after.getStatus()).isEqualTo(200);
		assertThat(after.getContentAsString()).contains("Attendance reported")
			.doesNotContain(referral.custodyReference())
			.doesNotContain(reference)
			.doesNotContain(scheme.name());
		// The navigator sees the yes/no and the date.
		var navigator = staff("navigator");
		assertThat(diversion.caseFile(referral.id(), navigator).contract().conditions().get(1).link().attendances())
			.extracting(Contract.Attendance::attended)
			.containsExactly(true);
		// The navigator may not use the provider's page.
		assertThat(mvc.perform(MockMvcRequestBuilders.get("/diversion/attendance").with(user(navigator)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

}
