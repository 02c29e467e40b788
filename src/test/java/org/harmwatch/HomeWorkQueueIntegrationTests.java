package org.harmwatch;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SiteKind;
import org.harmwatch.earlywarning.AlertDraft;
import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertTestSignals;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.EvidenceStrength;
import org.harmwatch.earlywarning.PanelManagement;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.PotentialHarm;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each role's home page is its work queue, and the navigation shows each role its own
 * sections: a coordinator, a panel member, a drug-checking analyst, a police officer and
 * an administrator, with counts that follow the records created here and never include
 * another agency's.
 *
 * <p>
 * Other tests share the database, so counts are compared before and after this test's own
 * records, except for a drug-checking service created here, whose counts are exact.
 */
@HarmwatchIntegrationTest
class HomeWorkQueueIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	static final Pattern ROW = Pattern.compile("data-queue-item=\"([^\"]+)\">(.*?)</div>", Pattern.DOTALL);

	static final Pattern COUNT = Pattern.compile("hw-queue__count\">([\\d,]+)<");

	static final Pattern SECTION = Pattern
		.compile("<a class=\"govuk-service-navigation__link\" href=\"([^\"]+)\"[^>]*>\\s*(?:<strong[^>]*>)?([^<]+)<");

	static final Pattern ENTRY = Pattern
		.compile("<a class=\"hw-subnav__link[^\"]*\" href=\"([^\"]+)\"([^>]*)>([^<]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	AlertManagement alerts;

	@Autowired
	PanelManagement panel;

	@Autowired
	AgencyManagement agencies;

	@Autowired
	SharingManagement sharing;

	@Autowired
	SampleManagement drugChecking;

	@Autowired
	SessionManagement sessions;

	@Autowired
	ResultManagement results;

	String page(String username, String path) throws Exception {
		return mvc.perform(get(path).with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String home(String username) throws Exception {
		return page(username, "/");
	}

	/**
	 * The work queue's lines: message key to count, zero where the page says "Nothing
	 * waiting".
	 */
	static Map<String, Long> queue(String html) {
		var lines = new LinkedHashMap<String, Long>();
		var rows = ROW.matcher(html);
		while (rows.find()) {
			var count = COUNT.matcher(rows.group(2));
			if (count.find()) {
				lines.put(rows.group(1), Long.parseLong(count.group(1).replace(",", "")));
			}
			else {
				assertThat(rows.group(2)).as(rows.group(1)).contains("Nothing waiting");
				lines.put(rows.group(1), 0L);
			}
		}
		return lines;
	}

	/** The labels of the service navigation's sections, in order. */
	static List<String> sections(String html) {
		var list = html.substring(html.indexOf("<ul class=\"govuk-service-navigation__list\""));
		list = list.substring(0, list.indexOf("</ul>"));
		var labels = new ArrayList<String>();
		var matcher = SECTION.matcher(list);
		while (matcher.find()) {
			labels.add(matcher.group(2).strip());
		}
		return labels;
	}

	/**
	 * The sub-navigation's entries as "label -> path", with " (current)" where the link
	 * carries aria-current.
	 */
	static List<String> entries(String html) {
		var labels = new ArrayList<String>();
		var matcher = ENTRY.matcher(html);
		while (matcher.find()) {
			labels.add(matcher.group(3) + " -> " + matcher.group(1)
					+ (matcher.group(2).contains("aria-current") ? " (" + matcher.group(2).strip() + ")" : ""));
		}
		return labels;
	}

	static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
		assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
		var delta = new LinkedHashMap<String, Long>();
		after.forEach((key, count) -> delta.put(key, count - before.get(key)));
		return delta;
	}

	AlertDraft draft(String headline) {
		var now = clock.instant();
		return new AlertDraft(AlertLevel.WARNING, Set.of(Audience.PROFESSIONALS), List.of(BIRMINGHAM),
				List.of("fentanyl"), headline, "Grey-brown powder sold as heroin.", "Do not use alone.",
				"Consider fentanyl in any heroin overdose.", now.plus(Duration.ofDays(14)),
				now.plus(Duration.ofDays(7)), true, null);
	}

	UUID validatedSignal() {
		return AlertTestSignals.signal(jdbc, BIRMINGHAM, "Birmingham", "fentanyl", "HIGH_POTENCY_SYNTHETIC_OPIOID",
				SignalStatus.VALIDATED, clock.instant().minus(Duration.ofHours(1)));
	}

	@Test
	void theCoordinatorAndAPanelMemberSeeTheirSectionsAndWhatWaitsForEachOfThem() throws Exception {
		var coordinatorHome = home("coordinator");
		assertThat(sections(coordinatorHome)).containsExactly("Intelligence", "Drug checking", "Harm reduction",
				"Maps and analysis", "Reference data");
		var coordinatorBefore = queue(coordinatorHome);
		assertThat(coordinatorBefore).containsOnlyKeys("earlywarning.home.queue.urgentSignals",
				"earlywarning.home.queue.withPanel", "earlywarning.home.queue.alertsToUpdate",
				"earlywarning.home.queue.gradesDue", "earlywarning.home.queue.approvals",
				"dissemination.home.queue.givenUp", "overdose.home.queue.surveillanceAlarms");
		var panelHome = home("panel");
		assertThat(sections(panelHome)).containsExactly("Intelligence", "Drug checking", "Harm reduction",
				"Maps and analysis", "Reference data");
		var panelBefore = queue(panelHome);
		assertThat(panelBefore).containsOnlyKeys("earlywarning.home.queue.urgentSignals",
				"earlywarning.home.queue.gradesDue", "earlywarning.home.queue.approvals");

		var now = clock.instant();
		AlertTestSignals.signal(jdbc, BIRMINGHAM, "Birmingham", "fentanyl", "HIGH_POTENCY_SYNTHETIC_OPIOID",
				SignalStatus.OPEN, now);
		var first = validatedSignal();
		var second = validatedSignal();
		// Two drafts on the urgent path, each needing two sign-offs: neither drafter may
		// sign their own.
		var byPanel = alerts.draft(first, draft("Queue test by the panel " + UUID.randomUUID()), "panel", now);
		alerts.draft(second, draft("Queue test by the coordinator " + UUID.randomUUID()), "coordinator", now);
		givenUpDeliveries(now);

		assertThat(delta(coordinatorBefore, queue(home("coordinator"))))
			.containsExactlyInAnyOrderEntriesOf(Map.of("earlywarning.home.queue.urgentSignals", 1L,
					"earlywarning.home.queue.withPanel", 2L, "earlywarning.home.queue.alertsToUpdate", 0L,
					"earlywarning.home.queue.gradesDue", 2L, "earlywarning.home.queue.approvals", 1L,
					"dissemination.home.queue.givenUp", 1L, "overdose.home.queue.surveillanceAlarms", 0L));
		assertThat(delta(panelBefore, queue(home("panel"))))
			.containsExactlyInAnyOrderEntriesOf(Map.of("earlywarning.home.queue.urgentSignals", 1L,
					"earlywarning.home.queue.gradesDue", 2L, "earlywarning.home.queue.approvals", 1L));

		// The panel member grades one signal and the coordinator signs the panel's draft:
		// each count follows its own.
		panel.grade(first, EvidenceStrength.B, PotentialHarm.HIGH, PanelOutcome.ALERT_PROFESSIONALS, "Corroborated.",
				"panel", "Priya Panel", now);
		alerts.approve(byPanel, (HarmwatchUser) users.loadUserByUsername("coordinator"), true, now);
		assertThat(delta(coordinatorBefore, queue(home("coordinator"))))
			.containsEntry("earlywarning.home.queue.gradesDue", 2L)
			.containsEntry("earlywarning.home.queue.approvals", 0L);
		assertThat(delta(panelBefore, queue(home("panel")))).containsEntry("earlywarning.home.queue.gradesDue", 1L)
			.containsEntry("earlywarning.home.queue.approvals", 1L);
	}

	/**
	 * One delivery given up this week (counted), one 40 days ago, one whose subscriber
	 * left, one still retrying.
	 */
	void givenUpDeliveries(Instant now) {
		var alert = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO dissemination.alert_issue (alert_id, version, reference, message_type, level, audiences,
				  exercise, headline, look_out_for, public_advice, professional_advice, sms_text, lad_codes,
				  substance_classes, substances, web_path, issued_at, received_at)
				VALUES (?, 1, ?, 'ALERT', 'WARNING', '{PROFESSIONALS}', true, 'Queue test', 'Powder', '', 'Advice',
				  'SMS', '{E08000025}', '{}', '{}', '/alerts/x', ?, ?)""")
			.param(alert)
			.param("HW-TEST-" + alert.toString().substring(0, 8))
			.param(Timestamp.from(now))
			.param(Timestamp.from(now))
			.update();
		var left = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO dissemination.subscription (id, kind, channel, address, unsubscribe_token, active, created_at)
						VALUES (?, 'PROFESSIONAL', 'EMAIL', 'left@example.test', ?, false, ?)""")
			.param(left)
			.param(UUID.randomUUID().toString())
			.param(Timestamp.from(now))
			.update();
		delivery(alert, "DEAD", null, now.minus(Duration.ofDays(2)));
		delivery(alert, "DEAD", null, now.minus(Duration.ofDays(40)));
		delivery(alert, "DEAD", left, now.minus(Duration.ofDays(1)));
		delivery(alert, "FAILED", null, now.minus(Duration.ofHours(1)));
	}

	void delivery(UUID alert, String state, UUID subscription, Instant createdAt) {
		var key = UUID.randomUUID().toString();
		jdbc.sql("""
				INSERT INTO dissemination.delivery (idempotency_key, alert_id, version, channel, recipient, audience,
				  subscription_id, state, attempts, next_attempt_at, created_at, token)
				VALUES (?, ?, 1, 'EMAIL', 'queue-test@example.test', 'PROFESSIONALS', ?, ?, 6, ?, ?, ?)""")
			.param(key)
			.param(alert)
			.param(subscription)
			.param(state)
			.param(Timestamp.from(createdAt.plus(Duration.ofDays(365))))
			.param(Timestamp.from(createdAt))
			.param(key)
			.update();
	}

	@Test
	void anAnalystCountsOnlyTheSamplesOfSessionsTheirServiceMayChange() throws Exception {
		var mark = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		var service = "DCQ-" + mark;
		agencies.createAgency(service, "Queue test checking service " + mark, AgencyType.DRUG_CHECKING_SERVICE);
		var analyst = "analyst-q-" + mark;
		agencies.createStaff(analyst, "Queue analyst", analyst + "@dcq.test", service, List.of("DRUG_CHECKING_ANALYST"),
				null);
		var home = home(analyst);
		assertThat(sections(home)).containsExactly("Intelligence", "Drug checking", "Harm reduction",
				"Maps and analysis", "Reference data");
		var keys = List.of("drugchecking.home.queue.noResult", "drugchecking.home.queue.unconfirmed",
				"drugchecking.home.queue.importsRunning", "drugchecking.home.queue.importsFailed");
		assertThat(queue(home)).containsOnlyKeys(keys).allSatisfy((key, count) -> assertThat(count).isZero());
		assertThat(home).doesNotContain("earlywarning.home", "dissemination.home", "agency.home");

		// The region's own service takes in a sample: its analyst's count rises, the new
		// service's does not.
		var demoBefore = queue(home("analyst"));
		var now = clock.instant();
		var demoSession = session("WM-CHECK", mark, now);
		sample(demoSession, now, null);
		assertThat(delta(demoBefore, queue(home("analyst")))).containsEntry("drugchecking.home.queue.noResult", 1L);
		assertThat(queue(home(analyst))).allSatisfy((key, count) -> assertThat(count).isZero());

		// Its own session: one sample without a result, one unconfirmed, one confirmed,
		// one from 40 days ago.
		var own = session(service, mark, now);
		sample(own, now, null);
		sample(own, now, false);
		sample(own, now, true);
		sample(own, now.minus(Duration.ofDays(40)), null);
		var failedImport = importJob(own, analyst, "FAILED", now);
		importJob(own, "analyst", "FAILED", now);
		var counts = queue(home(analyst));
		assertThat(counts).containsExactlyInAnyOrderEntriesOf(
				Map.of("drugchecking.home.queue.noResult", 1L, "drugchecking.home.queue.unconfirmed", 1L,
						"drugchecking.home.queue.importsRunning", 0L, "drugchecking.home.queue.importsFailed", 1L));
		assertThat(home(analyst)).contains("href=\"/drug-checking/imports/" + failedImport + "\"");

		// Shared for reading only, the other service's sample still does not count: it is
		// not theirs to record.
		sharing.record(new SharingManagement.Draft("DSA-Q-" + mark, "WM-CHECK", service, Capability.DRUG_CHECKING,
				Action.READ, Purpose.HEALTH, "UK GDPR 6(1)(e), 9(2)(h)", LocalDate.now(), null), "admin");
		assertThat(queue(home(analyst))).containsEntry("drugchecking.home.queue.noResult", 1L);
		sharing.record(new SharingManagement.Draft("DSA-QW-" + mark, "WM-CHECK", service, Capability.DRUG_CHECKING,
				Action.WRITE, Purpose.HEALTH, "UK GDPR 6(1)(e), 9(2)(h)", LocalDate.now(), null), "admin");
		assertThat(queue(home(analyst)).get("drugchecking.home.queue.noResult")).isGreaterThanOrEqualTo(2L);
	}

	UUID session(String owner, String mark, Instant now) {
		return sessions.createSession(
				new SessionDraft("Queue site " + owner + " " + mark, SiteKind.FESTIVAL, BIRMINGHAM,
						"Queue session " + mark, LocalDate.now(), LocalDate.now(), "Chemist", Set.of()),
				"analyst", owner, now);
	}

	void sample(UUID session, Instant takenAt, Boolean confirmed) {
		var sample = drugChecking.takeIn(session, new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE, "MDMA",
				DosageForm.PILL, "blue", "queue", null, null, null, null, null, true, null), "analyst", takenAt);
		if (confirmed != null) {
			results
				.recordResult(sample.id(),
						new ResultDraft(List.of(new ComponentDraft("MDMA", new BigDecimal("90"),
								QuantityUnit.MG_PER_UNIT, Basis.SALT, Confidence.CONFIRMED, AnalysisMethod.FTIR)),
								confirmed, null),
						"Ana", takenAt);
		}
	}

	UUID importJob(UUID session, String uploadedBy, String status, Instant now) {
		var id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO platform.import_job (id, kind, agency_code, scope, uploaded_by, filename, size_bytes, header,
						  total_rows, status, failure_code, failure_arguments, uploaded_at, finished_at)
						VALUES (?, 'drug-checking-samples', 'X', ?, ?, 'queue.csv', 10, '{a}', 1, ?, 'imports.problem.text', '{Test failure}', ?, ?)""")
			.param(id)
			.param(session.toString())
			.param(uploadedBy)
			.param(status)
			.param(Timestamp.from(now))
			.param(Timestamp.from(now))
			.update();
		return id;
	}

	@Test
	void aPoliceOfficerSeesThePublicSectionsAndNoHealthWork() throws Exception {
		var home = home("custody");
		assertThat(sections(home)).containsExactly("Intelligence", "Drug checking", "Harm reduction", "Justice",
				"Maps and analysis", "Reference data");
		assertThat(queue(home)).isEmpty();
		assertThat(home).contains("Nothing in your roles waits on you here")
			.doesNotContain("data-queue-item", "Samples of the last 30 days", "Urgent signals",
					"/drug-checking/sessions");
	}

	@Test
	void anAdministratorSeesAdministrationAndAgreementsAboutToEnd() throws Exception {
		var home = home("admin");
		assertThat(sections(home)).containsExactly("Intelligence", "Drug checking", "Harm reduction",
				"Maps and analysis", "Reference data", "Administration");
		var before = queue(home);
		assertThat(before).containsOnlyKeys("agency.home.queue.agreementsEnding");

		var mark = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		var recipient = "ADQ-" + mark;
		agencies.createAgency(recipient, "Queue test recipient " + mark, AgencyType.DRUG_CHECKING_SERVICE);
		var today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")));
		for (var endsIn : List.of(10, 60)) {
			sharing.record(new SharingManagement.Draft("DSA-E" + endsIn + "-" + mark, "WM-CHECK", recipient,
					Capability.DRUG_CHECKING, Action.READ, Purpose.HEALTH, "UK GDPR 6(1)(e), 9(2)(h)", today,
					today.plusDays(endsIn)), "admin");
		}
		assertThat(delta(before, queue(home("admin"))))
			.containsExactlyEntriesOf(Map.of("agency.home.queue.agreementsEnding", 1L));
	}

	@Test
	void theCurrentSectionOpensItsPagesAndMarksWhereThePersonIs() throws Exception {
		var signals = page("coordinator", "/early-warning/signals");
		assertThat(signals).contains("govuk-service-navigation__item govuk-service-navigation__item--active")
			.containsPattern("href=\"/early-warning/signals\" aria-current=\"page\">\\s*<strong");
		assertThat(entries(signals)).containsExactly("Signals -> /early-warning/signals (aria-current=\"page\")",
				"Grade signals -> /early-warning/panel", "Alerts -> /early-warning/alerts",
				"External alerts -> /early-warning/external-alerts", "Measures -> /early-warning/measures",
				"Alert deliveries -> /dissemination", "Report -> /early-warning/reports/new",
				"My reports -> /early-warning/reports/mine", "Your alerts -> /inbox",
				"Situational awareness -> /awareness", "Overdose incidents -> /overdose/incidents",
				"Live map of overdoses -> /overdose/map", "Drug-related deaths -> /overdose/deaths",
				"Drug alerts -> /alerts", "Get drug alerts -> /subscribe");

		// A page under an entry marks the entry and its section as where the person is,
		// not as the page itself.
		var panelPage = page("coordinator", "/early-warning/panel");
		assertThat(panelPage).containsPattern("href=\"/early-warning/signals\" aria-current=\"true\">");
		assertThat(entries(panelPage)).contains("Grade signals -> /early-warning/panel (aria-current=\"page\")",
				"Signals -> /early-warning/signals");

		// A frontline worker's Intelligence opens on reporting; the public's on the
		// alerts.
		assertThat(home("frontline")).contains("href=\"/early-warning/reports/new\"");
		// Their work queue has the coordinator's questions to their agency; the
		// coordinator, who asks, and the panel have no such line.
		assertThat(queue(home("frontline"))).containsKey("earlywarning.home.queue.questions");
		assertThat(queue(home("coordinator"))).doesNotContainKey("earlywarning.home.queue.questions");
		assertThat(queue(home("panel"))).doesNotContainKey("earlywarning.home.queue.questions");
		var publicHome = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		assertThat(sections(publicHome)).containsExactly("Intelligence", "Drug checking", "Harm reduction",
				"Maps and analysis");
		assertThat(publicHome).doesNotContain("hw-subnav");
		var board = mvc.perform(get("/drug-checking/board")).andReturn().getResponse().getContentAsString();
		assertThat(entries(board)).containsExactly("Check your result -> /drug-checking/results",
				"Results board -> /drug-checking/board (aria-current=\"page\")");
	}

}
