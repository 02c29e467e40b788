package org.harmwatch.hatclinic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * No policing role reaches any heroin-assisted treatment record about a person: every
 * page and API of the module, called by every police account with the ids of real
 * records, is refused, except the published outcomes, which are aggregates without a
 * client code. A police account given clinic grants by mistake is refused by the module
 * itself.
 */
@HarmwatchIntegrationTest
class HatPolicingRefusalIntegrationTests {

	/** The demo accounts of law-enforcement agencies, one per policing role. */
	static final List<String> POLICE = List.of("custody", "navigator", "investigator", "constable", "crimedata");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	HatClinicManagement clinic;

	@Autowired
	HatReferralManagement intake;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyPageAndApiOfTheModuleRefusesEveryPoliceAccountButThePublishedAggregates() throws Exception {
		var nurse = (HarmwatchUser) users.loadUserByUsername("clinic");
		var code = "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		var today = clinic.today();
		var referral = intake.refer(new ReferralDraft(code, ReferralSource.CUSTODY_TESTING, today, today), nurse);
		intake.assess(referral, new AssessmentDraft(10, 2, 30, true, Decision.SUITABLE, "Meets the criteria"), nurse);
		var enrolment = intake.enrol(referral, nurse);
		for (var name : POLICE) {
			assertThat(((HarmwatchUser) users.loadUserByUsername(name)).lawEnforcement()).as(name).isTrue();
		}

		var calls = new ArrayList<String>();
		var failures = new ArrayList<String>();
		for (var entry : mappings.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("org.harmwatch.hatclinic")) {
				continue;
			}
			var declared = entry.getKey().getMethodsCondition().getMethods();
			var methods = declared.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : declared;
			for (var pattern : entry.getKey().getPatternValues()) {
				var id = pattern.startsWith("/hat/referrals/") ? referral : enrolment;
				var path = pattern.replace("{id}", id.toString()).replace("{code}", "PRISON_PLACE");
				for (var method : methods) {
					calls.add(method + " " + pattern);
					for (var police : POLICE) {
						var response = mvc
							.perform(request(HttpMethod.valueOf(method.name()), path).with(csrf())
								.with(user(users.loadUserByUsername(police))))
							.andReturn()
							.getResponse();
						if (pattern.equals("/hat/outcomes")) {
							var body = response.getContentAsString();
							if (response.getStatus() != 200 || body.contains(code)) {
								failures.add(police + " " + method + " " + path + ": not aggregates only");
							}
						}
						else if (pattern.equals("/api/hat/recorded-crime") && police.equals("crimedata")) {
							// The force's sender posts counts (an empty body here:
							// refused as bad
							// input) and reads nothing back.
							if (response.getStatus() != 422 || response.getContentAsString().contains(code)) {
								failures.add(police + " " + method + " " + path + " answered " + response.getStatus());
							}
						}
						else if (response.getStatus() != 403) {
							failures.add(police + " " + method + " " + path + " answered " + response.getStatus());
						}
					}
				}
			}
		}
		assertThat(calls).as("the module's endpoints were found")
			.contains("GET /hat", "GET /hat/patients/{id}", "GET /hat/session", "POST /hat/session/doses",
					"GET /hat/outcomes");
		assertThat(failures).isEmpty();
	}

	@Test
	void aPoliceAccountWithClinicGrantsByMistakeIsStillRefusedByTheModule() {
		var nurse = (HarmwatchUser) users.loadUserByUsername("clinic");
		var today = clinic.today();
		var referral = intake.refer(
				new ReferralDraft("P-MISTAKE-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT),
						ReferralSource.DIVERSION, today, today),
				nurse);
		intake.assess(referral, new AssessmentDraft(10, 2, 30, true, Decision.SUITABLE, "Meets the criteria"), nurse);
		var enrolment = intake.enrol(referral, nurse);
		var officer = new HarmwatchUser(UUID.randomUUID(), "officer-" + UUID.randomUUID(), null, "Officer", "BHM-OPC",
				"Clinic", AgencyType.POLICE_FORCE, List.of("MISTAKE"),
				Set.of(new Grant(Capability.HAT_CLINIC, Action.READ, Purpose.HEALTH),
						new Grant(Capability.HAT_CLINIC, Action.WRITE, Purpose.HEALTH)),
				true, false);
		assertThatThrownBy(() -> clinic.patient(enrolment, officer)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> intake.referral(referral, officer)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> clinic.session(today, DoseSlot.MORNING, officer))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> clinic.patients(officer)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> intake.referrals(1, officer)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> clinic
			.recordDose(new DoseDraft(enrolment, today, DoseSlot.MORNING, false, null, null, null), officer))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(clinic.openReviewCount(officer)).isZero();
	}

}
