package org.harmwatch.earlywarning;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.rometools.rome.io.SyndFeedInput;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.earlywarning.internal.alerts.AlertTexts;
import org.harmwatch.earlywarning.internal.alerts.CapValidator;
import org.harmwatch.platform.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Alerts: who may draft from which signal, the approvals (two named, distinct approvers
 * on the urgent path), issuing and its event, updates and cancellations, exercises, CAP,
 * feeds, PDFs and what the public sees.
 */
@HarmwatchIntegrationTest
@RecordApplicationEvents
class AlertIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	static final String COVENTRY = "E08000026";

	@Autowired
	AlertManagement alerts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PanelManagement panel;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEvents events;

	@Autowired
	PlatformTransactionManager transactionManager;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	Instant now() {
		return clock.instant();
	}

	UUID graded(PanelOutcome outcome) {
		var id = AlertTestSignals.signal(jdbc, BIRMINGHAM, "Birmingham", "fentanyl", "HIGH_POTENCY_SYNTHETIC_OPIOID",
				SignalStatus.VALIDATED, now().minus(Duration.ofHours(3)));
		AlertTestSignals.grade(panel, id, outcome, now().minus(Duration.ofHours(1)));
		return id;
	}

	UUID validated() {
		return AlertTestSignals.signal(jdbc, BIRMINGHAM, "Birmingham", "fentanyl", "HIGH_POTENCY_SYNTHETIC_OPIOID",
				SignalStatus.VALIDATED, now().minus(Duration.ofHours(3)));
	}

	static String unique(String text) {
		return text + " " + Long.toString(System.nanoTime(), 36);
	}

	AlertDraft draft(String headline, Set<Audience> audiences, boolean exercise) {
		return new AlertDraft(AlertLevel.WARNING, audiences, List.of(BIRMINGHAM, COVENTRY),
				List.of("heroin", "fentanyl"), headline,
				"Grey-brown powder sold as heroin; people found unresponsive within minutes.",
				"Do not use alone. Start with a small amount.",
				"Expect profound respiratory depression; consider fentanyl in any heroin overdose.",
				now().plus(Duration.ofDays(14)), now().plus(Duration.ofDays(7)), exercise, null);
	}

	/** A time as the form's date-and-time fields take it. */
	static String local(Instant instant) {
		return java.time.LocalDateTime.ofInstant(instant, java.time.ZoneId.of("Europe/London"))
			.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
			.toString();
	}

	long alertsOf(UUID signalId) {
		return jdbc.sql("SELECT count(*) FROM earlywarning.alert WHERE signal_id = ?")
			.param(signalId)
			.query(Long.class)
			.single();
	}

	AlertView issue(UUID signalId, String headline, Set<Audience> audiences, boolean exercise) {
		var id = alerts.draft(signalId, draft(headline, audiences, exercise), "coordinator", now());
		return alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("panel"), true, now());
	}

	@Test
	void nothingIsDraftedFromAMonitorOutcomeOrAnOpenSignal() {
		var monitor = graded(PanelOutcome.MONITOR);
		assertThatThrownBy(() -> alerts.draft(monitor, draft(unique("Monitor"), Set.of(Audience.PROFESSIONALS), false),
				"coordinator", now()))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(EarlyWarningMessages.texts(ex)).anyMatch(t -> t.contains("monitor")));
		var open = AlertTestSignals.signal(jdbc, BIRMINGHAM, "Birmingham", "fentanyl", "HIGH_POTENCY_SYNTHETIC_OPIOID",
				SignalStatus.OPEN, now());
		assertThatThrownBy(() -> alerts.draft(open, draft(unique("Open"), Set.of(Audience.PROFESSIONALS), false),
				"coordinator", now()))
			.isInstanceOf(InputRejectedException.class);
		assertThat(alertsOf(monitor)).isZero();
		assertThat(alertsOf(open)).isZero();
	}

	@Test
	void theOutcomeLimitsTheAudienceAndBadInputSavesNothing() {
		var signal = graded(PanelOutcome.ALERT_PROFESSIONALS);
		assertThatThrownBy(() -> alerts.draft(signal,
				draft(unique("Too wide"), Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false), "coordinator",
				now()))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("audiences"));
		var empty = new AlertDraft(null, Set.of(), List.of("E99999999"), List.of("no-such-drug"), " ", null, null, null,
				now().minus(Duration.ofDays(1)), null, false, null);
		assertThatThrownBy(() -> alerts.draft(signal, empty, "coordinator", now())).isInstanceOfSatisfying(
				InputRejectedException.class,
				ex -> assertThat(ex.problems()).extracting(FieldProblem::field)
					.contains("level", "audiences", "areas", "substances", "headline", "lookOutFor", "expiresAt",
							"reviewAt"));
		assertThat(alertsOf(signal)).isZero();
	}

	@Test
	void anAlertThatWouldReachNobodyIsIssuedOnlyWhenItsApproverConfirmsIt() throws Exception {
		var signal = graded(PanelOutcome.ALERT_PROFESSIONALS);
		var id = alerts.draft(signal, draft(unique("Reaches nobody"), Set.of(Audience.PROFESSIONALS), false),
				"coordinator", now());
		var approver = (HarmwatchUser) users.loadUserByUsername("panel");
		// Other tests subscribe people; with every subscription paused (and rolled back
		// afterwards) this alert reaches nobody.
		new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
			jdbc.sql("UPDATE dissemination.subscription SET active = false").update();
			var reach = alerts.reach(id);
			assertThat(reach.known()).isTrue();
			assertThat(reach.total()).isZero();
			assertThat(reach.publishedOnline()).isFalse();
			assertThat(reach.nobody()).isTrue();
			assertThatThrownBy(() -> alerts.approve(id, approver, false, now())).isInstanceOfSatisfying(
					InputRejectedException.class, ex -> assertThat(ex.problems()).extracting(FieldProblem::code)
						.containsExactly("alerts.reach.nobody"));
			try {
				mvc.perform(get("/early-warning/alerts/" + id).with(as("panel")))
					.andExpect(status().isOk())
					.andExpect(content().string(containsString("would reach nobody")))
					.andExpect(content().string(containsString("name=\"reachesNobodyConfirmed\"")));
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
			tx.setRollbackOnly();
		});
		// The refused sign-off saved nothing.
		assertThat(alerts.alert(id).pending().approvals()).isEmpty();
		assertThat(events.stream(AlertIssued.class).filter(e -> e.alertId().equals(id))).isEmpty();

		// With subscribers back, the page shows whom it reaches; a confirmed sign-off
		// issues it whatever the reach.
		var reach = alerts.reach(id);
		assertThat(reach.byChannel()).allSatisfy((channel, count) -> assertThat(count).isPositive());
		var issued = alerts.approve(id, approver, true, now());
		assertThat(issued.state()).isEqualTo(AlertState.ISSUED);
		assertThat(alerts.reach(id).known()).as("nothing waits any more").isFalse();
	}

	@Test
	void aPublicAlertIsNeverSaidToReachNobodyAndAnExerciseNeverReachesThePublic() {
		var signal = graded(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC);
		var id = alerts.draft(signal,
				draft(unique("Public reach"), Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false), "coordinator",
				now());
		var reach = alerts.reach(id);
		assertThat(reach.publishedOnline()).isTrue();
		assertThat(reach.nobody()).isFalse();
		var exercise = alerts.draft(graded(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC),
				draft(unique("Exercise reach"), Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), true), "coordinator",
				now());
		assertThat(alerts.reach(exercise).publishedOnline()).as("an exercise is never published").isFalse();
		assertThat(alerts.reach(exercise).byChannel()).doesNotContainKeys("PUBLIC:EMAIL", "PUBLIC:SMS");
	}

	@Test
	void theUrgentPathNeedsTwoNamedDistinctApproversNeitherOfThemTheDrafter() {
		var signal = validated();
		var headline = unique("Urgent: fentanyl in heroin");
		var id = alerts.draft(signal, draft(headline, Set.of(Audience.PROFESSIONALS), false), "coordinator", now());
		assertThat(alerts.alert(id).urgent()).isTrue();
		assertThat(alerts.alert(id).pending().approvalsNeeded()).isEqualTo(2);

		assertThatThrownBy(
				() -> alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("coordinator"), true, now()))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(EarlyWarningMessages.texts(ex)).anyMatch(t -> t.contains("drafter")));
		assertThatThrownBy(() -> alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("frontline"), true, now()))
			.isInstanceOf(InputRejectedException.class);

		var once = alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("panel"), true, now());
		assertThat(once.state()).isEqualTo(AlertState.AWAITING_APPROVAL);
		assertThat(once.reference()).isNull();
		assertThat(events.stream(AlertIssued.class).filter(e -> e.alertId().equals(id))).isEmpty();
		assertThatThrownBy(() -> alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("panel"), true, now()))
			.isInstanceOfSatisfying(InputRejectedException.class, ex -> assertThat(EarlyWarningMessages.texts(ex))
				.anyMatch(t -> t.contains("second, different approver")));

		var issued = alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("panel2"), true, now());
		assertThat(issued.state()).isEqualTo(AlertState.ISSUED);
		assertThat(issued.reference()).matches("HW-\\d{4}-\\d{4,}");
		assertThat(issued.current().approvals()).extracting(AlertView.Approval::approver)
			.containsExactly("panel", "panel2");
		assertThat(events.stream(AlertIssued.class).filter(e -> e.alertId().equals(id))).hasSize(1);
	}

	@Test
	void twoApproversSigningOffAtTheSameMomentTakeTurnsAndTheAlertIsIssuedOnce() throws Exception {
		var signal = validated();
		var pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				var id = alerts.draft(signal, draft(unique("Urgent: fentanyl in heroin, round " + round),
						Set.of(Audience.PROFESSIONALS), false), "coordinator", now());
				var start = new CountDownLatch(1);
				var signOffs = List.of("panel", "panel2").stream().map(name -> pool.submit(() -> {
					var approver = (HarmwatchUser) users.loadUserByUsername(name);
					start.await();
					return alerts.approve(id, approver, true, now());
				})).toList();
				start.countDown();
				for (var signOff : signOffs) {
					signOff.get(60, TimeUnit.SECONDS);
				}
				var alert = alerts.alert(id);
				assertThat(alert.state()).isEqualTo(AlertState.ISSUED);
				assertThat(alert.current().approvals()).extracting(AlertView.Approval::approver)
					.containsExactlyInAnyOrder("panel", "panel2");
				assertThat(jdbc.sql("SELECT count(*) FROM earlywarning.alert_message WHERE alert_id = ? AND issued")
					.param(id)
					.query(Long.class)
					.single()).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void issuingPublishesAlertIssuedWithEverythingDeliveryNeeds() throws Exception {
		var signal = graded(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC);
		var headline = unique("Heroin contaminated with fentanyl");
		var alert = issue(signal, headline, Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false);
		assertThat(alert.urgent()).isFalse();
		var event = events.stream(AlertIssued.class)
			.filter(e -> e.alertId().equals(alert.id()))
			.findFirst()
			.orElseThrow();
		assertThat(event.version()).isEqualTo(1);
		assertThat(event.reference()).isEqualTo(alert.reference());
		assertThat(event.messageType()).isEqualTo(AlertMessageType.ALERT);
		assertThat(event.level()).isEqualTo(AlertLevel.WARNING);
		assertThat(event.audiences()).containsExactlyInAnyOrder(Audience.PROFESSIONALS, Audience.PUBLIC);
		assertThat(event.exercise()).isFalse();
		assertThat(event.headline()).isEqualTo(headline);
		assertThat(event.ladCodes()).containsExactly(BIRMINGHAM, COVENTRY);
		assertThat(event.substances()).containsExactly("Heroin", "Fentanyl");
		assertThat(event.substanceClasses()).contains("OPIOID", "HIGH_POTENCY_SYNTHETIC_OPIOID");
		assertThat(event.publicAdvice()).startsWith("Do not use alone.")
			.contains("naloxone")
			.contains("More than one dose");
		assertThat(event.professionalAdvice()).contains("Naloxone reverses");
		assertThat(AlertTexts.segments(event.smsText())).isOne();
		assertThat(event.smsText()).endsWith(" More: http://harmwatch.test/alerts/" + alert.reference());
		assertThat(event.webPath()).isEqualTo("/alerts/" + alert.reference());
		assertThat(event.expiresAt()).isAfter(event.issuedAt());
		// A real alert is not marked as an exercise anywhere.
		mvc.perform(get("/early-warning/alerts/" + alert.id()).with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(headline)))
			.andExpect(content().string(not(containsString("EXERCISE"))));
		assertThat(alerts.cap(alert)).contains("<status>Actual</status>").doesNotContain("EXERCISE");
	}

	@Test
	void updatesAndCancellationsReferenceTheOriginal() throws Exception {
		var signal = graded(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC);
		var alert = issue(signal, unique("Fentanyl in heroin"), Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false);
		var changed = new AlertDraft(AlertLevel.CRITICAL, Set.of(Audience.PROFESSIONALS, Audience.PUBLIC),
				List.of(BIRMINGHAM), List.of("fentanyl"), alert.headline() + " - two deaths", "Same batch.",
				"Call 999.", "Escalate.", now().plus(Duration.ofDays(10)), now().plus(Duration.ofDays(3)), false,
				"Two deaths linked to the batch.");
		assertThatThrownBy(() -> alerts.update(alert.id(),
				new AlertDraft(AlertLevel.CRITICAL, changed.audiences(), changed.ladCodes(), changed.substanceCodes(),
						"h", "l", "p", "q", changed.expiresAt(), changed.reviewAt(), false, null),
				"coordinator", now()))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(EarlyWarningMessages.texts(ex)).anyMatch(t -> t.contains("changed")));
		alerts.update(alert.id(), changed, "coordinator", now());
		var updated = alerts.approve(alert.id(), (HarmwatchUser) users.loadUserByUsername("panel"), true,
				now().plusSeconds(2));
		assertThat(updated.version()).isEqualTo(2);
		assertThat(updated.level()).isEqualTo(AlertLevel.CRITICAL);
		var update = events.stream(AlertIssued.class)
			.filter(e -> e.alertId().equals(alert.id()) && e.version() == 2)
			.findFirst()
			.orElseThrow();
		assertThat(update.messageType()).isEqualTo(AlertMessageType.UPDATE);
		assertThat(update.reference()).isEqualTo(alert.reference());
		var capV2 = alerts.cap(alert.id(), 2);
		assertThat(capV2).contains("<msgType>Update</msgType>")
			.contains("<references>early-warning@harmwatch.example," + alert.reference() + "-1,");

		alerts.cancel(alert.id(), "The batch has been seized.", "coordinator", now().plusSeconds(3));
		var cancelled = alerts.approve(alert.id(), (HarmwatchUser) users.loadUserByUsername("panel2"), true,
				now().plusSeconds(4));
		assertThat(cancelled.state()).isEqualTo(AlertState.CANCELLED);
		assertThat(cancelled.version()).isEqualTo(3);
		var cancel = events.stream(AlertIssued.class)
			.filter(e -> e.alertId().equals(alert.id()) && e.version() == 3)
			.findFirst()
			.orElseThrow();
		assertThat(cancel.messageType()).isEqualTo(AlertMessageType.CANCEL);
		var capV3 = alerts.cap(alert.id(), 3);
		assertThat(capV3).contains("<msgType>Cancel</msgType>")
			.contains(alert.reference() + "-1,")
			.contains(alert.reference() + "-2,");
		assertThat(CapValidator.problems(capV3)).isEmpty();
		assertThat(alerts.currentPublic(now())).extracting(AlertView::id).doesNotContain(alert.id());
		assertThatThrownBy(() -> alerts.cancel(alert.id(), "again", "coordinator", now()))
			.isInstanceOf(InputRejectedException.class);
		// The public page stays, marked cancelled.
		mvc.perform(get("/alerts/" + alert.reference()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This alert has been cancelled.")));
	}

	/** Text of the first element with this name in a CAP document. */
	static String element(String xml, String name) {
		int start = xml.indexOf("<" + name + ">");
		assertThat(start).as("<%s> in %s", name, xml).isNotNegative();
		return xml.substring(start + name.length() + 2, xml.indexOf("</" + name + ">", start));
	}

	String publicCap(String reference, @org.jspecify.annotations.Nullable Integer version) throws Exception {
		return mvc.perform(get("/alerts/" + reference + ".cap" + (version == null ? "" : "?version=" + version)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String feed() throws Exception {
		return mvc.perform(get("/alerts/feed.atom")).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theCapOfAnUpdateAndACancelReferencesFetchableEarlierVersionsInUtcMinusZeroAndTheCancelSaysWhy()
			throws Exception {
		var signal = graded(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC);
		var alert = issue(signal, unique("Nitazene in heroin"), Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false);
		var reference = alert.reference();
		var feedBefore = new SyndFeedInput().build(new StringReader(feed()));
		var entryBefore = feedBefore.getEntries()
			.stream()
			.filter(e -> e.getTitle().contains(reference))
			.findFirst()
			.orElseThrow();

		alerts.update(alert.id(),
				new AlertDraft(AlertLevel.CRITICAL, Set.of(Audience.PROFESSIONALS, Audience.PUBLIC),
						List.of(BIRMINGHAM), List.of("fentanyl"), alert.headline() + " - two deaths", "Same batch.",
						"Call 999.", "Escalate.", now().plus(Duration.ofDays(10)), now().plus(Duration.ofDays(3)),
						false, "Two deaths linked to the batch."),
				"coordinator", now());
		alerts.approve(alert.id(), (HarmwatchUser) users.loadUserByUsername("panel"), true, now().plusSeconds(2));
		var reason = "The batch has been seized by the police and tested: it is gone.";
		alerts.cancel(alert.id(), reason, "coordinator", now().plusSeconds(3));
		alerts.approve(alert.id(), (HarmwatchUser) users.loadUserByUsername("panel2"), true, now().plusSeconds(4));

		var update = publicCap(reference, 2);
		var cancel = publicCap(reference, null);
		assertThat(publicCap(reference, 3)).isEqualTo(cancel);
		var utc = now().atZone(java.time.ZoneId.of("Europe/London")).getOffset().getTotalSeconds() == 0;
		for (var cap : List.of(update, cancel)) {
			assertThat(CapValidator.problems(cap)).isEmpty();
			assertThat(cap).doesNotContain("+00:00");
			if (utc) {
				assertThat(element(cap, "sent")).endsWith("-00:00");
			}
		}
		assertThat(element(update, "msgType")).isEqualTo("Update");
		assertThat(element(cancel, "msgType")).isEqualTo("Cancel");
		// Every reference (sender,identifier,sent) is a document fetched with ?version=N,
		// with that identifier and that sent time.
		var references = element(cancel, "references").split(" ");
		assertThat(references).hasSize(2);
		for (int version = 1; version <= 2; version++) {
			var parts = references[version - 1].split(",");
			assertThat(parts[1]).isEqualTo(reference + "-" + version);
			var earlier = publicCap(reference, version);
			assertThat(element(earlier, "sender")).isEqualTo(parts[0]);
			assertThat(element(earlier, "identifier")).isEqualTo(parts[1]);
			assertThat(element(earlier, "sent")).isEqualTo(parts[2]);
		}
		assertThat(element(update, "references")).isEqualTo(references[0]);
		assertThat(element(publicCap(reference, 1), "msgType")).isEqualTo("Alert");
		// The cancellation says why, not the old advice, and is past and minor.
		assertThat(element(cancel, "urgency")).isEqualTo("Past");
		assertThat(element(cancel, "severity")).isEqualTo("Minor");
		assertThat(element(cancel, "responseType")).isEqualTo("AllClear");
		assertThat(element(cancel, "description")).contains(reason);
		assertThat(element(cancel, "instruction")).contains(reason);
		assertThat(cancel).doesNotContain("Call 999.").doesNotContain("Do not use alone");
		assertThat(element(update, "urgency")).isEqualTo("Immediate");
		// Receivers can filter on vocabulary codes and classes; certainty follows the
		// grade
		// (both panel members graded the evidence B: corroborated).
		assertThat(update).contains("<valueName>harmwatch:substance</valueName>", "<value>fentanyl</value>",
				"<valueName>harmwatch:substance-class</valueName>");
		assertThat(element(update, "certainty")).isEqualTo("Likely");
		// No such version: 404, not the latest.
		mvc.perform(get("/alerts/" + reference + ".cap?version=4")).andExpect(status().isNotFound());
		mvc.perform(get("/alerts/" + reference + ".cap?version=0")).andExpect(status().isNotFound());
		mvc.perform(get("/alerts/" + reference + ".cap?version=one")).andExpect(status().isNotFound());
		mvc.perform(get("/early-warning/alerts/" + alert.id() + "/cap?version=1").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<identifier>" + reference + "-1</identifier>")));

		// The Atom entry keeps its id across versions: one entry, updated, with an
		// author.
		var feedAfter = new SyndFeedInput().build(new StringReader(feed()));
		var entries = feedAfter.getEntries().stream().filter(e -> e.getTitle().contains(reference)).toList();
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.getUri()).isEqualTo(entryBefore.getUri());
			assertThat(e.getTitle()).startsWith("Cancelled: ");
			assertThat(e.getUpdatedDate()).isAfter(entryBefore.getUpdatedDate());
			assertThat(e.getPublishedDate()).isEqualTo(entryBefore.getPublishedDate());
			assertThat(e.getAuthors()).isNotEmpty();
			assertThat(e.getAuthors().getFirst().getName()).contains("Harmwatch");
		});
		assertThat(entryBefore.getAuthors()).isNotEmpty();
	}

	@Test
	void publicFeedsAndCapAreCacheableAndRevalidate() throws Exception {
		var alert = issue(graded(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC), unique("Cacheable"),
				Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false);
		for (var path : List.of("/alerts/feed.atom", "/alerts/cap.atom", "/alerts/" + alert.reference() + ".cap")) {
			var first = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
			var etag = first.getHeader("ETag");
			assertThat(etag).as(path).isNotBlank();
			assertThat(first.getHeader("Last-Modified")).as(path).isNotBlank();
			assertThat(first.getHeader("Cache-Control")).as(path).contains("public").doesNotContain("no-store");
			mvc.perform(get(path).header("If-None-Match", etag))
				.andExpect(status().isNotModified())
				.andExpect(content().string(""));
			mvc.perform(get(path).header("If-Modified-Since", first.getHeader("Last-Modified")))
				.andExpect(status().isNotModified());
			mvc.perform(get(path).header("If-None-Match", "\"something-else\"")).andExpect(status().isOk());
		}
	}

	@Test
	void anExerciseIsMarkedAndNeverPublic() throws Exception {
		var signal = graded(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC);
		var headline = unique("Exercise Falcon");
		var alert = issue(signal, headline, Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), true);
		assertThat(alert.exercise()).isTrue();
		assertThat(alert.isPublic()).isFalse();
		var event = events.stream(AlertIssued.class)
			.filter(e -> e.alertId().equals(alert.id()))
			.findFirst()
			.orElseThrow();
		assertThat(event.exercise()).isTrue();
		assertThat(event.audiences()).doesNotContain(Audience.PUBLIC);
		assertThat(event.headline()).startsWith("EXERCISE");
		assertThat(event.smsText()).startsWith("EXERCISE");
		var cap = alerts.cap(alert);
		assertThat(cap).contains("<status>Exercise</status>");
		assertThat(CapValidator.problems(cap)).isEmpty();

		mvc.perform(get("/alerts/" + alert.reference())).andExpect(status().isNotFound());
		mvc.perform(get("/alerts/" + alert.reference() + ".cap")).andExpect(status().isNotFound());
		mvc.perform(get("/alerts")).andExpect(content().string(not(containsString(headline))));
		mvc.perform(get("/alerts/feed.atom")).andExpect(content().string(not(containsString(alert.reference()))));
		mvc.perform(get("/alerts/cap.atom")).andExpect(content().string(not(containsString(alert.reference()))));
		mvc.perform(get("/early-warning/alerts/" + alert.id()).with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("EXERCISE")));
		mvc.perform(get("/early-warning/alerts/" + alert.id() + "/cap").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/cap+xml"))
			.andExpect(content().string(containsString("<status>Exercise</status>")));
	}

	@Test
	void theGeneratedCapIsValidWithAreasPolygonsAndScopePerAudience() {
		var publicAlert = issue(graded(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC), unique("Public CAP"),
				Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false);
		var cap = alerts.cap(publicAlert);
		assertThat(CapValidator.problems(cap)).isEmpty();
		assertThat(cap).contains("<identifier>" + publicAlert.reference() + "-1</identifier>")
			.contains("<status>Actual</status>")
			.contains("<msgType>Alert</msgType>")
			.contains("<scope>Public</scope>")
			.contains("<category>Health</category>")
			.contains("<severity>Severe</severity>")
			.contains("<valueName>ONS-GSS</valueName>")
			.contains("<value>" + BIRMINGHAM + "</value>")
			.contains("<polygon>")
			.doesNotContain("<references>");
		assertThat(cap).containsPattern("<sent>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d</sent>");
		var professional = issue(graded(PanelOutcome.ALERT_PROFESSIONALS), unique("Restricted CAP"),
				Set.of(Audience.PROFESSIONALS), false);
		var restricted = alerts.cap(professional);
		assertThat(CapValidator.problems(restricted)).isEmpty();
		assertThat(restricted).contains("<scope>Restricted</scope>").contains("<restriction>");
	}

	@Test
	void anAnonymousUserSeesOnlyPublicAlerts() throws Exception {
		var publicHeadline = unique("Public: nitazene in heroin");
		var forPublic = issue(graded(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC), publicHeadline,
				Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false);
		var professionalHeadline = unique("Professionals only");
		var forProfessionals = issue(graded(PanelOutcome.ALERT_PROFESSIONALS), professionalHeadline,
				Set.of(Audience.PROFESSIONALS), false);
		var draftHeadline = unique("Still a draft");
		alerts.draft(graded(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC),
				draft(draftHeadline, Set.of(Audience.PUBLIC, Audience.PROFESSIONALS), false), "coordinator", now());

		mvc.perform(get("/alerts"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(publicHeadline)))
			.andExpect(content().string(not(containsString(professionalHeadline))))
			.andExpect(content().string(not(containsString(draftHeadline))))
			.andExpect(content().string(containsString("rel=\"alternate\" type=\"application/atom+xml\"")));
		mvc.perform(get("/alerts/" + forPublic.reference()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(publicHeadline)));
		mvc.perform(get("/alerts/" + forPublic.reference() + ".cap"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/cap+xml"));
		mvc.perform(get("/alerts/" + forProfessionals.reference())).andExpect(status().isNotFound());
		mvc.perform(get("/alerts/" + forProfessionals.reference() + ".cap")).andExpect(status().isNotFound());
		mvc.perform(get("/alerts/HW-1999-9999")).andExpect(status().isNotFound());
		mvc.perform(get("/api/early-warning/alerts/" + forProfessionals.reference()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theAtomFeedsParseWithRome() throws Exception {
		var alert = issue(graded(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC), unique("Feed entry"),
				Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false);
		var feedXml = mvc.perform(get("/alerts/feed.atom"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var feed = new SyndFeedInput().build(new StringReader(feedXml));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getEntries()).anySatisfy(e -> {
			assertThat(e.getTitle()).contains(alert.reference());
			assertThat(e.getLink()).endsWith("/alerts/" + alert.reference());
		});
		var capXml = mvc.perform(get("/alerts/cap.atom"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var capFeed = new SyndFeedInput().build(new StringReader(capXml));
		var entry = capFeed.getEntries()
			.stream()
			.filter(e -> e.getTitle().contains(alert.reference()))
			.findFirst()
			.orElseThrow();
		assertThat(entry.getLinks()).anySatisfy(l -> {
			assertThat(l.getType()).isEqualTo("application/cap+xml");
			assertThat(l.getHref()).endsWith("/alerts/" + alert.reference() + ".cap");
		});
	}

	@Test
	void thePosterAndBriefingAreRealPdfsWithTheHeadline() throws Exception {
		var headline = unique("Poster headline");
		var alert = issue(graded(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC), headline,
				Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false);
		for (var kind : List.of("poster", "briefing")) {
			var bytes = mvc
				.perform(get("/early-warning/alerts/" + alert.id() + "/" + kind + ".pdf").with(as("coordinator")))
				.andExpect(status().isOk())
				.andExpect(content().contentType(MediaType.APPLICATION_PDF))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			try (var pdf = Loader.loadPDF(bytes)) {
				assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1);
				var text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
				assertThat(text).contains(headline);
				if (kind.equals("briefing")) {
					assertThat(text).contains("Naloxone reverses");
				}
			}
		}
	}

	@Test
	void theFormRefusesBadInputWithAnErrorSummaryAndSavesNothing() throws Exception {
		var signal = graded(PanelOutcome.ALERT_PROFESSIONALS);
		mvc.perform(get("/early-warning/signals/" + signal + "/alerts/new").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Draft an alert")))
			// a title of its own, so that two drafts open in two tabs are told apart
			.andExpect(content().string(containsString("<title>Draft an alert about ")))
			.andExpect(content().string(containsString(" in Birmingham – ")));
		mvc.perform(post("/early-warning/signals/" + signal + "/alerts").with(as("coordinator"))
			.with(csrf())
			.param("level", "LOUD")
			.param("audiences", "PUBLIC")
			.param("areas", BIRMINGHAM)
			.param("substances[0]", "not-a-drug-at-all")
			.param("expiresAt", "tomorrow"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("Choose one of the alert levels.")))
			.andExpect(content().string(containsString("professionals only")))
			.andExpect(content().string(containsString("not in the substance vocabulary")))
			.andExpect(content().string(containsString("Enter a real date and time")))
			// each group of choices is described by its error, not only the summary
			.andExpect(content().string(containsString("aria-describedby=\"level-error\"")))
			.andExpect(content().string(containsString("aria-describedby=\"audiences-hint audiences-error\"")))
			.andExpect(content().string(containsString("aria-describedby=\"substances-hint substances-error\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		assertThat(alertsOf(signal)).isZero();
		mvc.perform(post("/early-warning/signals/" + signal + "/alerts").with(as("panel")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(alertsOf(signal)).isZero();
	}

	@Test
	void theCoordinatorWritesTheTextMessageWhichMustFitOneMessageWithItsLink() throws Exception {
		var signal = graded(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC);
		mvc.perform(get("/early-warning/signals/" + signal + "/alerts/new").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"shortText\"")))
			.andExpect(content().string(containsString("id=\"shortText-count\"")))
			.andExpect(
					content().string(containsString("data-link-public=\"http://harmwatch.test/alerts/HW-2026-0000\"")))
			.andExpect(content().string(containsString("/js/alert-sms.js")));
		var headline = unique("Fentanyl in heroin");
		var tooLong = "Drug alert: fentanyl found in heroin in Birmingham. " + "Do not use alone. ".repeat(6);
		mvc.perform(post("/early-warning/signals/" + signal + "/alerts").with(as("coordinator"))
			.with(csrf())
			.param("level", "WARNING")
			.param("audiences", "PUBLIC", "PROFESSIONALS")
			.param("areas", BIRMINGHAM)
			.param("substances[0]", "fentanyl")
			.param("headline", headline)
			.param("lookOutFor", "Grey-brown powder.")
			.param("publicAdvice", "Do not use alone.")
			.param("professionalAdvice", "Consider fentanyl.")
			.param("expiresAt", local(now().plus(Duration.ofDays(14))))
			.param("reviewAt", local(now().plus(Duration.ofDays(7))))
			.param("shortText", tooLong))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("too long for one message with its link")));
		assertThat(alertsOf(signal)).isZero();
		var curly = "Drug alert: fentanyl in heroin in Birmingham. Don’t use alone.";
		mvc.perform(post("/early-warning/signals/" + signal + "/alerts").with(as("coordinator"))
			.with(csrf())
			.param("level", "WARNING")
			.param("audiences", "PUBLIC", "PROFESSIONALS")
			.param("areas", BIRMINGHAM)
			.param("substances[0]", "fentanyl")
			.param("headline", headline)
			.param("lookOutFor", "Grey-brown powder.")
			.param("publicAdvice", "Do not use alone.")
			.param("professionalAdvice", "Consider fentanyl.")
			.param("expiresAt", local(now().plus(Duration.ofDays(14))))
			.param("reviewAt", local(now().plus(Duration.ofDays(7))))
			.param("shortText", curly))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("special character")));
		var text = "Drug alert: fentanyl in heroin in Birmingham. Do not use alone; carry naloxone.";
		mvc.perform(post("/early-warning/signals/" + signal + "/alerts").with(as("coordinator"))
			.with(csrf())
			.param("level", "WARNING")
			.param("audiences", "PUBLIC", "PROFESSIONALS")
			.param("areas", BIRMINGHAM)
			.param("substances[0]", "fentanyl")
			.param("headline", headline)
			.param("lookOutFor", "Grey-brown powder.")
			.param("publicAdvice", "Do not use alone. Carry naloxone and give it if someone will not wake.")
			.param("professionalAdvice", "Consider fentanyl.")
			.param("expiresAt", local(now().plus(Duration.ofDays(14))))
			.param("reviewAt", local(now().plus(Duration.ofDays(7))))
			.param("shortText", text)).andExpect(status().is3xxRedirection());
		var id = jdbc.sql("SELECT id FROM earlywarning.alert WHERE signal_id = ?")
			.param(signal)
			.query(UUID.class)
			.single();
		var issued = alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("panel"), true, now());
		var event = events.stream(AlertIssued.class).filter(e -> e.alertId().equals(id)).findFirst().orElseThrow();
		assertThat(event.smsText()).isEqualTo(text + " More: http://harmwatch.test/alerts/" + issued.reference());
		assertThat(AlertTexts.segments(event.smsText())).isOne();
		// The coordinator wrote their own naloxone advice: it is not repeated.
		assertThat(event.publicAdvice())
			.isEqualTo("Do not use alone. Carry naloxone and give it if someone will not wake.");
		mvc.perform(get("/early-warning/alerts/" + id + "/update").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(text)));
	}

	@Test
	void theApiListsAlertsAndRefusesBadInputAsProblemJson() throws Exception {
		var alert = issue(graded(PanelOutcome.ALERT_PROFESSIONALS), unique("API alert"), Set.of(Audience.PROFESSIONALS),
				false);
		mvc.perform(get("/api/early-warning/alerts/" + alert.reference()).with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reference").value(alert.reference()))
			.andExpect(jsonPath("$.messages[0].version").value(1));
		mvc.perform(get("/api/early-warning/alerts").param("state", "ISSUED").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.alerts").isArray());
		mvc.perform(get("/api/early-warning/alerts").param("state", "LOUD").with(as("panel")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("state"));
		mvc.perform(get("/api/early-warning/alerts").param("page", "0").with(as("panel")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/early-warning/alerts/not-a-reference").with(as("panel")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/early-warning/alerts/HW-1999-9999").with(as("panel")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/early-warning/alerts").with(as("frontline"))).andExpect(status().isForbidden());
	}

	@Test
	void theUpdateAndCancelFormsRefuseBadInputAndSaveNothing() throws Exception {
		var alert = issue(graded(PanelOutcome.ALERT_PROFESSIONALS), unique("Web changes"),
				Set.of(Audience.PROFESSIONALS), false);
		mvc.perform(get("/early-warning/alerts/" + alert.id() + "/update").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(alert.headline())));
		mvc.perform(post("/early-warning/alerts/" + alert.id() + "/update").with(as("coordinator"))
			.with(csrf())
			.param("level", "WARNING")
			.param("audiences", "PROFESSIONALS", "PUBLIC")
			.param("areas", BIRMINGHAM)
			.param("headline", "Changed")
			.param("lookOutFor", "Same")
			.param("professionalAdvice", "Same")
			.param("expiresAt", "2020-01-01T10:00")
			.param("reviewAt", "2020-01-01T09:00"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("professionals only")))
			.andExpect(content().string(containsString("must be in the future")))
			.andExpect(content().string(containsString("Say what changed and why.")));
		mvc.perform(post("/early-warning/alerts/" + alert.id() + "/cancel").with(as("coordinator"))
			.with(csrf())
			.param("note", " "))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("Say why the alert is cancelled.")));
		mvc.perform(post("/early-warning/alerts/" + alert.id() + "/approve").with(as("panel")).with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("Nothing on this alert is waiting for approval.")));
		var after = alerts.alert(alert.id());
		assertThat(after.messages()).hasSize(1);
		assertThat(after.version()).isEqualTo(1);

		mvc.perform(post("/early-warning/alerts/" + alert.id() + "/cancel").with(as("coordinator"))
			.with(csrf())
			.param("note", "Lab result: no fentanyl.")).andExpect(status().is3xxRedirection());
		assertThat(alerts.alert(alert.id()).pending().messageType()).isEqualTo(AlertMessageType.CANCEL);
		mvc.perform(post("/early-warning/alerts/" + alert.id() + "/approve").with(as("panel")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(alerts.alert(alert.id()).state()).isEqualTo(AlertState.CANCELLED);
	}

	@Test
	void theStaffListFiltersByState() throws Exception {
		var headline = unique("Listed draft");
		alerts.draft(graded(PanelOutcome.ALERT_PROFESSIONALS), draft(headline, Set.of(Audience.PROFESSIONALS), false),
				"coordinator", now());
		mvc.perform(get("/early-warning/alerts").param("state", "DRAFT").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(headline)));
		mvc.perform(get("/early-warning/alerts").param("state", "CANCELLED").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(headline))));
	}

	List<String> audited(UUID alertId) {
		return jdbc
			.sql("SELECT action || ' ' || actor FROM platform.audit_event WHERE record_id = ? AND action IN "
					+ "('ALERT_DRAFT_EDITED', 'ALERT_DRAFT_WITHDRAWN', 'ALERT_DRAFT_RETURNED')" + " ORDER BY seq")
			.param(alertId.toString())
			.query(String.class)
			.list();
	}

	@Test
	void anApproverReturnsADraftWithAReasonItsDrafterEditsItAndTheCoordinatorWithdrawsIt() throws Exception {
		var headline = unique("Returned draft");
		var id = alerts.draft(validated(), draft(headline, Set.of(Audience.PROFESSIONALS), false), "coordinator",
				now());
		alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("panel"), true, now());
		mvc.perform(get("/early-warning/alerts/" + id).with(as("panel2")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Return it to its drafter")))
			.andExpect(content().string(not(containsString("Edit the draft"))));

		// Returning needs a reason, and only an approver may return.
		mvc.perform(post("/early-warning/alerts/" + id + "/return").with(as("panel2")).with(csrf()).param("note", " "))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("say why the draft is withdrawn or returned")));
		mvc.perform(
				post("/early-warning/alerts/" + id + "/return").with(as("frontline")).with(csrf()).param("note", "No"))
			.andExpect(status().isForbidden());
		assertThat(alerts.alert(id).state()).isEqualTo(AlertState.AWAITING_APPROVAL);
		assertThat(alerts.alert(id).pending().approvals()).hasSize(1);

		mvc.perform(post("/early-warning/alerts/" + id + "/return").with(as("panel2"))
			.with(csrf())
			.param("note", "Name the batch: the press will ask.")).andExpect(status().is3xxRedirection());
		var returned = alerts.alert(id);
		assertThat(returned.state()).isEqualTo(AlertState.DRAFT);
		assertThat(returned.pending().approvals()).isEmpty();
		assertThat(returned.pending().returnedReason()).isEqualTo("Name the batch: the press will ask.");
		mvc.perform(get("/early-warning/alerts/" + id).with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Name the batch: the press will ask.")))
			.andExpect(content().string(containsString("Edit the draft")));

		// The drafter edits it: bad input changes nothing, good input replaces the
		// content.
		mvc.perform(get("/early-warning/alerts/" + id + "/edit").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<title>Edit the draft: " + headline)));
		mvc.perform(post("/early-warning/alerts/" + id + "/edit").with(as("coordinator"))
			.with(csrf())
			.param("level", "CRITICAL")
			.param("audiences", "PROFESSIONALS")
			.param("areas", BIRMINGHAM)
			.param("substances[0]", "fentanyl")
			.param("headline", "Changed")
			.param("lookOutFor", "Blue pills")
			.param("professionalAdvice", "Give naloxone.")
			.param("expiresAt", "2020-01-01T10:00")
			.param("reviewAt", "2020-01-01T09:00"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("must be in the future")));
		assertThat(alerts.alert(id).headline()).isEqualTo(headline);
		var edited = unique("Batch 7 blue pills");
		mvc.perform(post("/early-warning/alerts/" + id + "/edit").with(as("coordinator"))
			.with(csrf())
			.param("level", "CRITICAL")
			.param("audiences", "PROFESSIONALS")
			.param("areas", BIRMINGHAM)
			.param("substances[0]", "fentanyl")
			.param("headline", edited)
			.param("lookOutFor", "Blue pills stamped 7")
			.param("professionalAdvice", "Give naloxone.")
			.param("expiresAt", local(now().plus(Duration.ofDays(5))))
			.param("reviewAt", local(now().plus(Duration.ofDays(2))))).andExpect(status().is3xxRedirection());
		var after = alerts.alert(id);
		assertThat(after.headline()).isEqualTo(edited);
		assertThat(after.level()).isEqualTo(AlertLevel.CRITICAL);
		assertThat(after.pending().lookOutFor()).isEqualTo("Blue pills stamped 7");
		assertThat(after.pending().draftedBy()).isEqualTo("coordinator");
		assertThat(after.messages()).hasSize(1);

		// Once signed off again it can no longer be edited; the coordinator withdraws it.
		alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("panel"), true, now());
		assertThatThrownBy(() -> alerts.edit(id, draft(unique("Late"), Set.of(Audience.PROFESSIONALS), false),
				(HarmwatchUser) users.loadUserByUsername("coordinator"), now()))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(EarlyWarningMessages.texts(ex)).anyMatch(t -> t.contains("approved this draft")));
		mvc.perform(post("/early-warning/alerts/" + id + "/withdraw").with(as("panel2"))
			.with(csrf())
			.param("note", "Not mine")).andExpect(status().isForbidden());
		mvc.perform(post("/early-warning/alerts/" + id + "/withdraw").with(as("coordinator"))
			.with(csrf())
			.param("note", "Lab found no fentanyl in batch 7.")).andExpect(status().is3xxRedirection());
		var withdrawn = alerts.alert(id);
		assertThat(withdrawn.state()).isEqualTo(AlertState.WITHDRAWN);
		assertThat(withdrawn.pending()).isNull();
		assertThat(withdrawn.reference()).isNull();
		assertThat(withdrawn.withdrawnMessages()).singleElement()
			.satisfies(m -> assertThat(m.withdrawnReason()).isEqualTo("Lab found no fentanyl in batch 7."));
		assertThat(events.stream(AlertIssued.class).filter(e -> e.alertId().equals(id))).isEmpty();
		mvc.perform(get("/early-warning/alerts/" + id).with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Withdrawn before issue")))
			.andExpect(content().string(containsString("Lab found no fentanyl in batch 7.")))
			.andExpect(content().string(not(containsString("Return it to its drafter"))));
		mvc.perform(get("/early-warning/alerts").param("state", "WITHDRAWN").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(edited)));
		mvc.perform(post("/early-warning/alerts/" + id + "/approve").with(as("panel2")).with(csrf()))
			.andExpect(status().is(422));
		assertThat(audited(id)).containsExactly("ALERT_DRAFT_RETURNED panel2", "ALERT_DRAFT_EDITED coordinator",
				"ALERT_DRAFT_WITHDRAWN coordinator");
	}

	@Test
	void aWithdrawnUpdateLeavesTheIssuedAlertAsItWasAndAnotherUpdateCanFollow() {
		var alert = issue(graded(PanelOutcome.ALERT_PROFESSIONALS), unique("Withdrawn update"),
				Set.of(Audience.PROFESSIONALS), false);
		var coordinator = (HarmwatchUser) users.loadUserByUsername("coordinator");
		var update = new AlertDraft(AlertLevel.CRITICAL, Set.of(Audience.PROFESSIONALS), List.of(BIRMINGHAM),
				List.of("fentanyl"), unique("Second thoughts"), "Same batch.", null, "Escalate.",
				now().plus(Duration.ofDays(10)), now().plus(Duration.ofDays(3)), false, "More cases.");
		alerts.update(alert.id(), update, "coordinator", now());
		alerts.withdraw(alert.id(), "Premature", coordinator, now());
		var after = alerts.alert(alert.id());
		assertThat(after.state()).isEqualTo(AlertState.ISSUED);
		assertThat(after.version()).isEqualTo(1);
		assertThat(after.headline()).isEqualTo(alert.headline());
		assertThat(after.pending()).isNull();
		alerts.update(alert.id(), update, "coordinator", now());
		var issued = alerts.approve(alert.id(), (HarmwatchUser) users.loadUserByUsername("panel"), true, now());
		assertThat(issued.version()).isEqualTo(2);
		assertThat(issued.withdrawnMessages()).hasSize(1);
	}

}
