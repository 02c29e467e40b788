package org.harmwatch.consumptionrooms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.PublicEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * No policing role reaches any consumption-room record about a person: every page and API
 * of the module, called by every demo user of a law-enforcement agency with real ids in
 * the path, is refused; the public ones (needle reports and Open311) give away no client
 * code, no reporter's words and no exact point.
 */
@HarmwatchIntegrationTest
class ConsumptionRoomsPolicingIntegrationTests {

	static final List<String> DEMO_USERS = List.of("admin", "auditor", "coordinator", "panel", "panel2", "frontline",
			"analyst", "custody", "navigator", "clinic", "naloxone", "investigator", "commissioner", "paramedic",
			"constable", "sweeper");

	static final String CLIENT = "OPC-POLICING-7731";

	static final String WORDS = "Behind the garages of number 14";

	static final AtomicInteger CLIENTS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Autowired
	RoomManagement rooms;

	@Autowired
	NeedleManagement needles;

	@Test
	void noLawEnforcementUserReachesAnyRecordAboutAPerson() throws Exception {
		var clinic = (HarmwatchUser) users.loadUserByUsername("clinic");
		var site = rooms.setSite("BHM-OPC", "Digbeth overdose prevention centre", 52.4751, -1.8857, 8, "test");
		var visit = rooms.recordVisit(
				new VisitDraft(site, CLIENT, Instant.now().minus(2, ChronoUnit.HOURS), null, List.of("heroin"),
						ConsumptionRoute.INJECTED, null, OtherwisePlace.HOME, HousingStatus.SETTLED, null, false),
				clinic);
		var referral = rooms.recordReferral(visit, ReferralKind.TREATMENT, LocalDate.now().minusDays(1), clinic);
		needles.setCouncil("E08000026", "COV-ENV", 48, "test");
		var report = needles.report(new NeedleReportDraft(52.40812, -1.51053, WORDS, null, null, NeedleChannel.WEB));
		var ids = Map.of("/rooms/visits/{id}", visit.toString(), "/rooms/referrals/{id}", referral.toString(),
				"/needles/reports/{id}", report.id().toString(), "/open311/v2/requests/{id}",
				String.valueOf(report.reference()));

		var police = DEMO_USERS.stream()
			.map(name -> (HarmwatchUser) users.loadUserByUsername(name))
			.filter(HarmwatchUser::lawEnforcement)
			.toList();
		assertThat(police).extracting(HarmwatchUser::getUsername)
			.contains("custody", "navigator", "investigator", "constable");

		var failures = new ArrayList<String>();
		int endpoints = 0;
		for (var entry : mappings.getHandlerMethods().entrySet()) {
			var handler = entry.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("org.harmwatch.consumptionrooms")) {
				continue;
			}
			boolean isPublic = handler.getMethod().isAnnotationPresent(PublicEndpoint.class);
			for (var pattern : entry.getKey().getPatternValues()) {
				var path = pattern;
				for (var id : ids.entrySet()) {
					var prefix = id.getKey();
					if (pattern.startsWith(prefix)) {
						path = prefix.replace("{id}", id.getValue()) + pattern.substring(prefix.length());
					}
				}
				for (var method : entry.getKey().getMethodsCondition().getMethods()) {
					endpoints++;
					for (var officer : police) {
						var address = "203.0.113." + (CLIENTS.incrementAndGet() % 250 + 1);
						var response = mvc.perform(request(HttpMethod.valueOf(method.name()), path).with(csrf())
							.with(user(officer))
							.with(r -> {
								r.setRemoteAddr(address);
								return r;
							})).andReturn().getResponse();
						var who = officer.getUsername() + " " + method + " " + path;
						if (!isPublic && response.getStatus() != 403) {
							failures.add(who + " was not refused (" + response.getStatus() + ")");
						}
						var body = response.getContentAsString();
						if (response.getStatus() >= 500) {
							failures.add(who + " broke (" + response.getStatus() + ")");
						}
						if (body.contains(CLIENT) || body.contains(WORDS) || body.contains("52.40812")
								|| body.contains(visit.toString())) {
							failures.add(who + " saw a record about a person or an exact point");
						}
					}
				}
			}
		}
		assertThat(endpoints).as("the module's endpoints").isGreaterThanOrEqualTo(20);
		assertThat(failures).isEmpty();
	}

}
