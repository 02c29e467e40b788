package org.harmwatch.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.regex.Pattern;

import org.harmwatch.consumptionrooms.RoomEvaluation;
import org.harmwatch.consumptionrooms.RoomManagement;
import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.hatclinic.HatReferralManagement;
import org.harmwatch.overdose.IncidentFilter;
import org.harmwatch.overdose.OverdoseManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The one-command demo as a newcomer meets it: the application started with the
 * {@code demo} profile (as {@code ./harmwatch run} starts it) on its own throw-away
 * embedded PostgreSQL. The seeded scenario's exercise alert is on the alert list and has
 * reached its subscribers through the demo outbox; a subscription made on
 * {@code /subscribe} is confirmed from the outbox; every page carries the demo banner.
 *
 * <p>
 * Not {@code @HarmwatchIntegrationTest}: its own context, closed after the class, so the
 * shared test context never sees the scenario.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "harmwatch.embedded-db.data-directory=", "harmwatch.embedded-db.durable=false",
				"harmwatch.audit.key-file=", "harmwatch.audit.checkpoint-file=" })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DemoIntegrationTests {

	static final String HEADLINE = "Nitazene (protonitazene) in heroin in Birmingham";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AlertManagement alerts;

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Autowired
	ApplicationContext context;

	@Autowired
	OverdoseManagement overdoses;

	@Autowired
	HatReferralManagement hatReferrals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoomManagement rooms;

	@Autowired
	RoomEvaluation evaluation;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String page(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** Whether a home page's work-queue line counts something waiting. */
	static boolean waiting(String home, String item) {
		var line = Pattern.compile("data-queue-item=\"" + Pattern.quote(item) + "\">(.*?)</div>", Pattern.DOTALL)
			.matcher(home);
		assertThat(line.find()).as("work-queue line %s", item).isTrue();
		return line.group(1).contains("hw-queue__count");
	}

	AlertView seededAlert() {
		return alerts.alerts(null, 1, Instant.now())
			.alerts()
			.stream()
			.filter(a -> a.headline().contains(HEADLINE))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no seeded alert"));
	}

	@Test
	void aFreshRunShowsOverdosesAndRunningTheSeedAgainAddsNone() throws Exception {
		var paramedic = (HarmwatchUser) users.loadUserByUsername("paramedic");
		assertThat(overdoses.incidents(IncidentFilter.none(), 1, paramedic).total()).isEqualTo(122);
		assertThat(page("/overdose/incidents", as("paramedic"))).contains("Birmingham").contains("Coventry");
		// The seed's call-outs reach the analytics engine tagged as the ambulance
		// service's, so the demo room's evaluation counts them (and says so); the
		// overdose the room managed is tagged as the room's and is not among them.
		assertThat(jdbc.sql("SELECT DISTINCT coalesce(tag, '-') FROM analytics.observation WHERE source = 'overdose'")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("AMBULANCE", "CONSUMPTION_ROOM");
		assertThat(page("/rooms/evaluation", as("clinic"))).contains("Digbeth overdose prevention centre (demo)")
			.contains("Ambulance call-outs before");
		// Call-outs in every ring on both sides of the opening, enough to be shown, fewer
		// since it opened.
		var clinic = (HarmwatchUser) users.loadUserByUsername("clinic");
		var evaluated = evaluation.evaluate(rooms.sites(clinic).getFirst().id(), RoomEvaluation.DEFAULT_MONTHS, clinic);
		assertThat(evaluated.rings()).hasSize(RoomEvaluation.RINGS.size()).allSatisfy(ring -> {
			assertThat(ring.overdoses().before().suppressed()).isFalse();
			assertThat(ring.overdoses().after().suppressed()).isFalse();
			assertThat(ring.overdoses().after().count()).isLessThan(ring.overdoses().before().count());
		});
		for (var runner : context.getBeansOfType(ApplicationRunner.class).values()) {
			if (runner.getClass().getSimpleName().startsWith("DemoOverdoses")) {
				runner.run(null);
			}
		}
		assertThat(overdoses.incidents(IncidentFilter.none(), 1, paramedic).total()).isEqualTo(122);
	}

	@Test
	void aFreshRunShowsCustodyTestingAndRunningTheSeedAgainAddsNone() throws Exception {
		var count = "SELECT count(*) FROM custodytesting.arrest";
		assertThat(jdbc.sql(count).query(Long.class).single()).isEqualTo(13);
		assertThat(page("/custody-testing/arrests", as("custody"))).contains("DEMO-CR-").contains("Perry Barr");
		assertThat(page("/custody-testing/referrals", as("cjit"))).contains("CJ-").doesNotContain("DEMO-CR-");
		assertThat(page("/custody-testing/funnel", as("custody"))).contains("Perry Barr custody suite");
		for (var runner : context.getBeansOfType(ApplicationRunner.class).values()) {
			if (runner.getClass().getSimpleName().startsWith("DemoCustodyTesting")) {
				runner.run(null);
			}
		}
		assertThat(jdbc.sql(count).query(Long.class).single()).isEqualTo(13);
	}

	@Test
	void aFreshRunShowsTheSeededExerciseAlertIssuedToItsSubscribers() throws Exception {
		var alert = seededAlert();
		assertThat(alert.reference()).matches("HW-\\d{4}-\\d{4,}");
		assertThat(alert.exercise()).isTrue();

		assertThat(page("/early-warning/alerts", as("coordinator"))).contains(alert.reference()).contains(HEADLINE);
		var cap = page("/early-warning/alerts/" + alert.id() + "/cap", as("coordinator"));
		assertThat(cap).contains("<status>Exercise</status>");

		// The public alerts page shows it too, marked as an exercise, to anyone.
		var publicAlerts = mvc.perform(get("/alerts"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(publicAlerts).contains(HEADLINE).contains("EXERCISE");
		var publicPage = mvc.perform(get("/alerts/" + alert.reference()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(publicPage).contains(HEADLINE).contains("This is an exercise").contains("Do not use alone");

		// The distribution lists got it: the drug service's staff by e-mail, its on-call
		// phone by text, all in the outbox.
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			var outbox = page("/demo/outbox", as("frontline"));
			assertThat(outbox).contains("frontline@demo.harmwatch.test")
				.contains("naloxone@demo.harmwatch.test")
				.contains(alert.reference())
				.contains("+447700900123");
		});
	}

	@Test
	void eachRoleFindsWorkOrIsToldWhatIsComing() throws Exception {
		assertThat(waiting(page("/", as("panel")), "earlywarning.home.queue.gradesDue")).as("a signal to grade")
			.isTrue();
		assertThat(waiting(page("/", as("coordinator")), "earlywarning.home.queue.urgentSignals"))
			.as("a signal to validate")
			.isTrue();
		assertThat(waiting(page("/", as("analyst")), "drugchecking.home.queue.noResult")).as("a sample to analyse")
			.isTrue();
		assertThat(page("/early-warning/signals", as("coordinator"))).contains("Protonitazene")
			.contains("Xylazine")
			.contains("Ketamine");
		assertThat(page("/drug-checking/sessions", as("analyst"))).contains("Friday night, Digbeth");
		// The coordinator's question about the merged Solihull report waits for the drug
		// service; the duplicate itself left the list.
		assertThat(waiting(page("/", as("frontline")), "earlywarning.home.queue.questions"))
			.as("a question from the coordinator")
			.isTrue();
		assertThat(page("/early-warning/questions", as("frontline"))).contains("where in Coventry");
		assertThat(earlyWarning.signals(null, null, 1).signals()).noneMatch(s -> "E08000029".equals(s.ladCode()));
		for (var role : new String[][] { { "investigator", "FINANCIAL_INVESTIGATOR" } }) {
			assertThat(page("/", as(role[0]))).as(role[0]).contains("data-coming=\"" + role[1] + "\"");
		}
		for (var built : new String[] { "custody", "navigator", "commissioner", "clinic" }) {
			assertThat(page("/", as(built))).as(built).doesNotContain("data-coming=");
		}
		assertThat(page("/", as("coordinator"))).doesNotContain("data-coming=");
		assertThat(page("/", as("naloxone"))).doesNotContain("data-coming=").contains("Naloxone kits to reissue");
	}

	@Test
	void theHeroinAssistedTreatmentClinicHasADosingSessionAReviewWaitingAndPublishedOutcomes() throws Exception {
		var clinicPage = page("/hat", as("clinic"));
		assertThat(clinicPage).contains("HAT-0001").contains("HAT-0012").contains("/hat/reviews/");
		assertThat(waiting(page("/", as("clinic")), "hatclinic.home.queue.reviews")).as("a review after missed doses")
			.isTrue();
		assertThat(page("/hat/session", as("clinic"))).contains("HAT-0012");
		var outcomes = mvc.perform(get("/hat/outcomes"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(outcomes).contains("6 months").doesNotContain("HAT-00");
		var staff = (HarmwatchUser) users.loadUserByUsername("clinic");
		long referrals = hatReferrals.referralCount(staff);
		assertThat(referrals).isEqualTo(14);
		for (var runner : context.getBeansOfType(ApplicationRunner.class).values()) {
			if (runner.getClass().getSimpleName().startsWith("DemoHatClinic")) {
				runner.run(null);
			}
		}
		assertThat(hatReferrals.referralCount(staff)).isEqualTo(referrals);
	}

	@Test
	void aSubscriptionIsConfirmedFromTheDemoOutbox() throws Exception {
		var address = "newcomer-" + System.nanoTime() + "@example.org";
		mvc.perform(post("/subscribe").with(csrf())
			.param("channel", "EMAIL")
			.param("address", address)
			.param("ladCodes", "E08000025")).andExpect(status().isOk());

		var outbox = page("/demo/outbox", as("custody"));
		var row = Pattern
			.compile("<td[^>]*>" + Pattern.quote(address)
					+ "</td>\\s*<td[^>]*><a class=\"govuk-link\" href=\"(/demo/outbox/emails/[0-9a-f]+)\">([^<]*)</a>")
			.matcher(outbox);
		assertThat(row.find()).as("the confirmation in the outbox:\n%s", outbox).isTrue();
		assertThat(row.group(2)).contains("Confirm your subscription");

		var email = page(row.group(1), as("custody"));
		var link = Pattern.compile("href=\"https?://[^/\"]+(/subscribe/confirm/[A-Za-z0-9_-]+)\"").matcher(email);
		assertThat(link.find()).as("the confirmation link:\n%s", email).isTrue();
		mvc.perform(get(link.group(1))).andExpect(status().isOk());
		mvc.perform(post(link.group(1)).with(csrf())).andExpect(status().is2xxSuccessful());
	}

	@Test
	void theOutboxIsForSignedInPeopleOnly() throws Exception {
		mvc.perform(get("/demo/outbox")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/demo/outbox/emails/0000000000000000").with(as("admin"))).andExpect(status().isNotFound());
	}

	@Test
	void everyPageSaysItIsADemo() throws Exception {
		assertThat(mvc.perform(get("/")).andReturn().getResponse().getContentAsString()).contains("id=\"demo-banner\"");
		assertThat(page("/early-warning/signals", as("coordinator"))).contains("id=\"demo-banner\"")
			.contains("href=\"/demo/outbox\"");
	}

	@Test
	void naloxoneIsAliveInTheFinderTheLedgerAndThePointsOfRisk() throws Exception {
		var finder = mvc.perform(get("/naloxone/finder"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(finder).contains("Digbeth Recovery Hub (demo)")
			.contains("Moor Street Pharmacy (demo)")
			.contains("Coventry Outreach Point (demo)")
			.contains("id=\"finder-map\"")
			.doesNotContain("move-on hostel")
			.doesNotContain("release team");
		var json = mvc.perform(get("/naloxone/finder.json"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).contains("\"latitude\":52.479").contains("\"openingHours\":\"Monday to Friday");
		// 120 received, 70 passed on, 9 supplied by the hub itself: 41 left
		var ledgerPage = page("/naloxone", as("naloxone"));
		assertThat(ledgerPage).contains("Digbeth Recovery Hub (demo)").contains("DEMO-NYX-0001").contains(">41<");
		var points = page("/naloxone/points?from=" + YearMonth.now().minusMonths(2) + "&to=" + YearMonth.now(),
				as("naloxone"));
		// 7 of the 18 people released last month left with a kit
		assertThat(points).contains("HMP Birmingham release team (demo)").contains("38.9%");
		assertThat(page("/naloxone/figures", as("naloxone"))).contains("id=\"peopleTrained\">26<");
	}

	@Test
	void aRestartSeedsNothingTwice() throws Exception {
		long holders = jdbc.sql("SELECT count(*) FROM naloxone.holder").query(Long.class).single();
		long movements = jdbc.sql("SELECT count(*) FROM naloxone.movement").query(Long.class).single();
		long allocations = jdbc.sql("SELECT count(*) FROM programme.allocation").query(Long.class).single();
		long signals = earlyWarning.signals(null, null, 1).total();
		long alertCount = alerts.alerts(null, 1, Instant.now()).alerts().size();
		ApplicationArguments none = new DefaultApplicationArguments();
		for (var runner : context.getBeansOfType(ApplicationRunner.class).values()) {
			runner.run(none);
		}
		assertThat(earlyWarning.signals(null, null, 1).total()).isEqualTo(signals);
		assertThat(alerts.alerts(null, 1, Instant.now()).alerts()).hasSize((int) alertCount);
		assertThat(jdbc.sql("SELECT count(*) FROM naloxone.holder").query(Long.class).single()).isEqualTo(holders)
			.isEqualTo(5);
		assertThat(jdbc.sql("SELECT count(*) FROM naloxone.movement").query(Long.class).single()).isEqualTo(movements);
		assertThat(jdbc.sql("SELECT count(*) FROM programme.allocation").query(Long.class).single())
			.isEqualTo(allocations)
			.isEqualTo(9);
		// Every loader released its lock on the connection that took it: none is left
		// held by a pooled connection, where the next loader to ask would wait for ever.
		assertThat(jdbc.sql("""
				SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1
				  AND objid::text::bigint IN (SELECT hashtext(n)::bigint & 4294967295 FROM unnest(ARRAY[
				    'harmwatch-demo-scenario', 'harmwatch-demo-diversion', 'harmwatch-demo-naloxone',
				    'harmwatch-demo-funding', 'harmwatch-demo-custody', 'harmwatch-demo-hatclinic']) n)""")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theCommissionersOfficeFindsTheFundingLedgerWithItsGapsAndOverlap() throws Exception {
		var ledger = page("/programme/funding", as("commissioner"));
		assertThat(ledger).contains("Drug strategy grant (demo)").contains("£1,800,000");
		var audit = page("/programme/funding/audit", as("commissioner"));
		var birmingham = audit.substring(audit.indexOf("id=\"district-E08000025\""));
		birmingham = birmingham.substring(0, birmingham.indexOf("</section>"));
		assertThat(birmingham).contains("Overlaps").contains("Criminal-justice liaison and assessment");
		var dudley = audit.substring(audit.indexOf("id=\"district-E08000027\""));
		dudley = dudley.substring(0, dudley.indexOf("</section>"));
		assertThat(dudley).contains("Gaps").contains("Drug testing on arrest");
	}

}
