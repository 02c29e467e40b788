package org.harmwatch.dissemination;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.harmwatch.EventPublications;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.TestMessaging;
import org.harmwatch.dissemination.internal.DeliveryCounts;
import org.harmwatch.dissemination.internal.DeliverySender;
import org.harmwatch.dissemination.internal.DisseminationProperties;
import org.harmwatch.dissemination.internal.EmailSender;
import org.harmwatch.dissemination.internal.Escalation;
import org.harmwatch.dissemination.internal.Fanout;
import org.harmwatch.dissemination.internal.MessageRenderer;
import org.harmwatch.dissemination.internal.SmsSender;
import org.harmwatch.dissemination.internal.WebhookSender;
import org.harmwatch.earlywarning.AlertIssued;
import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Alert dissemination end to end on the real database, a real SMTP server (GreenMail), a
 * fake Notify API and a real HTTP receiver: subscriptions and double opt-in, recipients
 * and filters, message content, idempotency, crash recovery, concurrent senders, retries,
 * acknowledgements, escalation, feedback, and bad input.
 *
 * <p>
 * The context (and GreenMail) is shared with every other test, so each test makes its own
 * recipients and alerts and counts only messages of its own alert.
 */
@HarmwatchIntegrationTest
@EnableScenarios
class DisseminationIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	static final String COVENTRY = "E08000026";

	static final Pattern LINK = Pattern.compile("http://harmwatch\\.test(/[a-z/]+/)([A-Za-z0-9_-]{43})");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DisseminationManagement dissemination;

	@Autowired
	DeliveryLogManagement deliveryLogs;

	@Autowired
	Fanout fanout;

	@Autowired
	DeliverySender sender;

	@Autowired
	Escalation escalation;

	@Autowired
	DisseminationProperties properties;

	@Autowired
	RegionSettings region;

	@Autowired
	MessageRenderer renderer;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	DeliveryCounts counts;

	@Autowired
	EventPublicationRegistry publications;

	@Autowired
	CompletedEventPublications completedPublications;

	static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

	// ---- Helpers

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
	}

	static AlertIssued alert(Set<Audience> audiences, boolean exercise, List<String> lads, List<String> classes) {
		return alert(UUID.randomUUID(), 1, AlertMessageType.ALERT, AlertLevel.WARNING, audiences, exercise, lads,
				classes);
	}

	static AlertIssued alert(UUID id, int version, AlertMessageType type, AlertLevel level, Set<Audience> audiences,
			boolean exercise, List<String> lads, List<String> classes) {
		var reference = "HW-T-" + id.toString().substring(0, 6);
		return new AlertIssued(id, version, reference, type, level, audiences, exercise,
				"Heroin contaminated with fentanyl in Birmingham",
				"Pinpoint pupils, rapid loss of consciousness after a small amount",
				"Do not use alone. Carry naloxone. Call 999 if someone will not wake up.",
				"Expect repeated naloxone doses; observe for at least two hours after reversal.",
				"Drug alert: heroin with fentanyl in Birmingham. Do not use alone, carry naloxone.", lads, classes,
				List.of("Heroin", "Fentanyl"), "/alerts/" + reference, T0, T0.plus(Duration.ofDays(14)), null, null);
	}

	RequestPostProcessor from(String ip) {
		return request -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

	static String randomIp() {
		var r = new java.util.Random();
		return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(250));
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	static String text(MimeMessage message) throws Exception {
		var content = message.getContent();
		if (content instanceof String s) {
			return s;
		}
		var all = new StringBuilder();
		collect((MimeMultipart) content, all);
		return all.toString();
	}

	private static void collect(MimeMultipart multipart, StringBuilder all) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			var part = multipart.getBodyPart(i).getContent();
			if (part instanceof MimeMultipart nested) {
				collect(nested, all);
			}
			else {
				all.append(part).append('\n');
			}
		}
	}

	/** Emails to an address about one alert (by the delivery header). */
	static List<MimeMessage> mailAbout(String address, UUID alertId) throws Exception {
		var result = new ArrayList<MimeMessage>();
		for (var message : TestMessaging.mailTo(address)) {
			var key = message.getHeader("X-Harmwatch-Delivery");
			if (key != null && key[0].startsWith(alertId.toString())) {
				result.add(message);
			}
		}
		return result;
	}

	static String token(String body, String path) {
		var matcher = LINK.matcher(body);
		while (matcher.find()) {
			if (matcher.group(1).equals(path)) {
				return matcher.group(2);
			}
		}
		throw new AssertionError("No " + path + " link in " + body);
	}

	/**
	 * A confirmed public email subscriber, through the real double opt-in (the link from
	 * the email).
	 */
	String confirmedEmailSubscriber(List<String> lads, List<String> classes) throws Exception {
		var address = unique("public");
		dissemination.subscribe(DeliveryChannel.EMAIL, address, lads, classes, T0);
		var mail = TestMessaging.mailTo(address);
		assertThat(mail).hasSize(1);
		dissemination.confirm(token(text(mail.getFirst()), "/subscribe/confirm/"), T0);
		return address;
	}

	/**
	 * Many confirmed public subscribers at once, straight into the table (the opt-in is
	 * tested elsewhere).
	 */
	List<String> confirmedSubscribers(int count, String substanceClass) {
		var addresses = new ArrayList<String>();
		for (int i = 0; i < count; i++) {
			var address = unique("bulk" + i);
			addresses.add(address);
			jdbc.sql("""
					INSERT INTO dissemination.subscription (id, kind, channel, address, substance_classes, confirmed_at,
					  unsubscribe_token, created_at)
					VALUES (?, 'PUBLIC', 'EMAIL', ?, ?, now(), ?, now())""")
				.params(UUID.randomUUID(), address, new String[] { substanceClass },
						org.harmwatch.dissemination.internal.Tokens.newToken())
				.update();
		}
		return addresses;
	}

	long deliveries(UUID alertId) {
		return jdbc.sql("SELECT count(*) FROM dissemination.delivery WHERE alert_id = ?")
			.param(alertId)
			.query(Long.class)
			.single();
	}

	List<String> recipients(UUID alertId) {
		return jdbc.sql("SELECT recipient FROM dissemination.delivery WHERE alert_id = ?")
			.param(alertId)
			.query(String.class)
			.list();
	}

	// ---- Double opt-in and unsubscribe

	@Test
	void nothingIsSentBeforeConfirmationTheLinkWorksOnceAndUnsubscribeStopsMessages() throws Exception {
		var address = unique("optin");
		var ip = randomIp();
		mvc.perform(post("/subscribe").with(csrf())
			.with(from(ip))
			.param("channel", "EMAIL")
			.param("address", address)
			.param("ladCodes", BIRMINGHAM))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Check your email")));
		var confirmation = TestMessaging.mailTo(address);
		assertThat(confirmation).hasSize(1);
		var confirmToken = token(text(confirmation.getFirst()), "/subscribe/confirm/");

		// Before confirmation: an alert for everyone reaches no one at this address.
		var before = alert(Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false, List.of(BIRMINGHAM),
				List.of("OPIOID"));
		fanout.fanOut(before, T0);
		assertThat(recipients(before.alertId())).doesNotContain(address);

		// The confirmation page changes nothing on GET; POST confirms, once.
		mvc.perform(get("/subscribe/confirm/" + confirmToken).with(from(ip))).andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT confirmed_at IS NULL FROM dissemination.subscription WHERE address = ?")
			.param(address)
			.query(Boolean.class)
			.single()).isTrue();
		mvc.perform(post("/subscribe/confirm/" + confirmToken).with(csrf())).andExpect(status().isOk());
		mvc.perform(post("/subscribe/confirm/" + confirmToken).with(csrf())).andExpect(status().isNotFound());

		// Subscribing again answers the same and sends nothing: it does not tell whether
		// the address is known.
		mvc.perform(post("/subscribe").with(csrf()).with(from(ip)).param("channel", "EMAIL").param("address", address))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Check your email")));
		assertThat(TestMessaging.mailTo(address)).hasSize(1);

		var after = alert(Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false, List.of(BIRMINGHAM),
				List.of("OPIOID"));
		fanout.fanOut(after, T0);
		sender.sendDue(T0, after.alertId(), -1);
		var received = mailAbout(address, after.alertId());
		assertThat(received).hasSize(1);
		var unsubscribe = received.getFirst().getHeader("List-Unsubscribe")[0];
		assertThat(received.getFirst().getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		var unsubscribeToken = token(unsubscribe, "/unsubscribe/");
		assertThat(text(received.getFirst())).contains("/unsubscribe/" + unsubscribeToken);

		// One-click: a mail client's POST, without a CSRF token or session.
		mvc.perform(post("/unsubscribe/" + unsubscribeToken).param("List-Unsubscribe", "One-Click"))
			.andExpect(status().isOk());
		var later = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM), List.of("OPIOID"));
		fanout.fanOut(later, T0);
		sender.sendDue(T0, later.alertId(), -1);
		assertThat(recipients(later.alertId())).doesNotContain(address);
		assertThat(mailAbout(address, later.alertId())).isEmpty();
	}

	@Test
	void aConfirmationLinkExpires() throws Exception {
		var address = unique("expiry");
		dissemination.subscribe(DeliveryChannel.EMAIL, address, List.of(), List.of(), T0);
		var token = token(text(TestMessaging.mailTo(address).getFirst()), "/subscribe/confirm/");
		assertThatThrownBy(() -> dissemination.confirm(token, T0.plus(Duration.ofHours(49))))
			.isInstanceOf(NotFoundException.class);
		assertThat(dissemination.confirmable(token, T0.plus(Duration.ofHours(47)))).isTrue();
	}

	@Test
	void aQueuedDeliveryIsNotSentAfterTheSubscriberLeaves() throws Exception {
		var address = confirmedEmailSubscriber(List.of(), List.of("NITAZENE"));
		var alert = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM), List.of("NITAZENE"));
		fanout.fanOut(alert, T0);
		var unsubscribeToken = jdbc.sql("SELECT unsubscribe_token FROM dissemination.subscription WHERE address = ?")
			.param(address)
			.query(String.class)
			.single();
		dissemination.unsubscribe(unsubscribeToken);
		sender.sendDue(T0, alert.alertId(), -1);
		assertThat(mailAbout(address, alert.alertId())).isEmpty();
		assertThat(jdbc.sql("SELECT state FROM dissemination.delivery WHERE alert_id = ? AND recipient = ?")
			.params(alert.alertId(), address)
			.query(String.class)
			.single()).isEqualTo("DEAD");
	}

	// ---- Recipients and filters

	@Test
	void filtersByAreaAndSubstanceClassAndAnExerciseNeverReachesThePublic() throws Exception {
		var birmingham = confirmedEmailSubscriber(List.of(BIRMINGHAM), List.of());
		var coventry = confirmedEmailSubscriber(List.of(COVENTRY), List.of());
		var nitazenes = confirmedEmailSubscriber(List.of(), List.of("NITAZENE"));
		var opioidsInBirmingham = confirmedEmailSubscriber(List.of(BIRMINGHAM),
				List.of("HIGH_POTENCY_SYNTHETIC_OPIOID"));
		var everything = confirmedEmailSubscriber(List.of(), List.of());

		var alert = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM),
				List.of("OPIOID", "HIGH_POTENCY_SYNTHETIC_OPIOID"));
		fanout.fanOut(alert, T0);
		assertThat(recipients(alert.alertId())).contains(birmingham, opioidsInBirmingham, everything)
			.doesNotContain(coventry, nitazenes);

		// Classes form a tree: an alert about a nitazene reaches subscribers to
		// nitazenes,
		// to high-potency synthetic opioids and to opioids.
		var opioids = confirmedEmailSubscriber(List.of(), List.of("OPIOID"));
		var stimulants = confirmedEmailSubscriber(List.of(), List.of("STIMULANT"));
		var nitazeneAlert = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM), List.of("NITAZENE"));
		fanout.fanOut(nitazeneAlert, T0);
		assertThat(recipients(nitazeneAlert.alertId())).contains(opioids, nitazenes, opioidsInBirmingham, everything)
			.doesNotContain(coventry, stimulants);

		var exercise = alert(Set.of(Audience.PUBLIC, Audience.PROFESSIONALS), true, List.of(BIRMINGHAM),
				List.of("OPIOID"));
		fanout.fanOut(exercise, T0);
		assertThat(jdbc.sql("SELECT count(*) FROM dissemination.delivery WHERE alert_id = ? AND audience = 'PUBLIC'")
			.param(exercise.alertId())
			.query(Long.class)
			.single()).isZero();

		var professionalsOnly = alert(Set.of(Audience.PROFESSIONALS), false, List.of(BIRMINGHAM), List.of("OPIOID"));
		fanout.fanOut(professionalsOnly, T0);
		assertThat(recipients(professionalsOnly.alertId())).doesNotContain(birmingham, everything);
	}

	@Test
	void anUpdateAndACancellationReachEveryoneWhoHadTheAlert() throws Exception {
		var birmingham = confirmedEmailSubscriber(List.of(BIRMINGHAM), List.of());
		var id = UUID.randomUUID();
		var first = alert(id, 1, AlertMessageType.ALERT, AlertLevel.WARNING, Set.of(Audience.PUBLIC), false,
				List.of(BIRMINGHAM), List.of("OPIOID"));
		fanout.fanOut(first, T0);
		// The update moves the alert to Coventry: the Birmingham subscriber still hears
		// of it.
		var update = alert(id, 2, AlertMessageType.UPDATE, AlertLevel.CRITICAL, Set.of(Audience.PUBLIC), false,
				List.of(COVENTRY), List.of("OPIOID"));
		fanout.fanOut(update, T0);
		var cancel = alert(id, 3, AlertMessageType.CANCEL, AlertLevel.CRITICAL, Set.of(Audience.PUBLIC), false,
				List.of(COVENTRY), List.of("OPIOID"));
		fanout.fanOut(cancel, T0);
		sender.sendDue(T0, id, -1);
		var mail = mailAbout(birmingham, id);
		assertThat(mail).hasSize(3);
		assertThat(mail.stream().map(m -> {
			try {
				return m.getSubject();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).anyMatch(s -> s.startsWith("Update: ")).anyMatch(s -> s.startsWith("Cancelled: "));
	}

	// ---- Channels

	@Test
	void anAlertEmailArrivesWithItsContentLinksAndHeaders() throws Exception {
		var duty = unique("duty");
		dissemination.addProfessional(null, null, DeliveryChannel.EMAIL, duty, List.of(), List.of(), T0);
		var publicAddress = confirmedEmailSubscriber(List.of(), List.of());
		var alert = alert(Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false, List.of(BIRMINGHAM),
				List.of("OPIOID"));
		fanout.fanOut(alert, T0);
		sender.sendDue(T0, alert.alertId(), -1);

		var professional = mailAbout(duty, alert.alertId());
		assertThat(professional).hasSize(1);
		var message = professional.getFirst();
		assertThat(message.getSubject())
			.isEqualTo("Warning – Heroin contaminated with fentanyl in Birmingham (" + alert.reference() + ")");
		var key = alert.deliveryKey(duty) + ":EMAIL";
		assertThat(message.getHeader("Message-ID")[0]).isEqualTo(EmailSender.messageId(key));
		assertThat(message.getHeader("X-Harmwatch-Delivery")[0]).isEqualTo(key);
		assertThat(message.getContentType()).startsWith("multipart/alternative");
		assertThat(message.getSentDate()).isNotNull();
		var parts = (MimeMultipart) message.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
		var body = text(message);
		assertThat(body).contains("observe for at least two hours", "Pinpoint pupils",
				"http://harmwatch.test/alerts/" + alert.reference(), "/acknowledge/", "/feedback/", "<html");
		assertThat(body).doesNotContain("Do not use alone");
		// Each recipient's own links, whole (they are filled into a body encoded once for
		// everyone).
		var token = jdbc.sql("SELECT token FROM dissemination.delivery WHERE idempotency_key = ?")
			.param(key)
			.query(String.class)
			.single();
		assertThat(body).contains(region.url("/acknowledge/" + token), region.url("/feedback/" + token));

		var publicMail = mailAbout(publicAddress, alert.alertId());
		assertThat(publicMail).hasSize(1);
		var publicBody = text(publicMail.getFirst());
		assertThat(publicBody).contains("Do not use alone", "/feedback/", "/unsubscribe/")
			.doesNotContain("/acknowledge/", "observe for at least two hours");

		var exercise = alert(Set.of(Audience.PROFESSIONALS), true, List.of(BIRMINGHAM), List.of("OPIOID"));
		fanout.fanOut(exercise, T0);
		sender.sendDue(T0, exercise.alertId(), -1);
		var drill = mailAbout(duty, exercise.alertId()).getFirst();
		assertThat(drill.getSubject()).startsWith("[EXERCISE] ");
		assertThat(text(drill)).contains("EXERCISE");
	}

	@Test
	void theReachShownBeforeApprovalIsWhatTheFanoutThenCreates() throws Exception {
		dissemination.addProfessional(null, "PANEL_MEMBER", DeliveryChannel.EMAIL, null, List.of(), List.of("OPIOID"),
				T0);
		var opioids = confirmedEmailSubscriber(List.of(BIRMINGHAM), List.of("OPIOID"));
		confirmedEmailSubscriber(List.of(COVENTRY), List.of());
		var lads = List.of(BIRMINGHAM);
		var classes = List.of("NITAZENE");
		var reach = dissemination.reach(Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false, lads, classes);
		var exerciseReach = dissemination.reach(Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), true, lads, classes);
		var alert = alert(Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), false, lads, classes);
		fanout.fanOut(alert, T0);
		var created = jdbc
			.sql("SELECT audience || ':' || channel AS k, count(*) AS n FROM dissemination.delivery WHERE alert_id = ?"
					+ " GROUP BY audience, channel")
			.param(alert.alertId())
			.query((rs, n) -> Map.entry(rs.getString("k"), rs.getInt("n")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(reach).isEqualTo(created);
		assertThat(reach.get("PROFESSIONALS:EMAIL")).isGreaterThanOrEqualTo(2);
		assertThat(reach.get("PUBLIC:EMAIL")).isPositive();
		assertThat(recipients(alert.alertId())).contains(opioids, "panel@demo.harmwatch.test");
		assertThat(exerciseReach).doesNotContainKeys("PUBLIC:EMAIL", "PUBLIC:SMS")
			.containsEntry("PROFESSIONALS:EMAIL", reach.get("PROFESSIONALS:EMAIL"));
		assertThat(dissemination.reach(Set.of(), false, lads, classes)).doesNotContainKeys("PROFESSIONALS:EMAIL",
				"PUBLIC:EMAIL");
	}

	@Test
	void professionalsByRoleAreResolvedToStaffEmails() throws Exception {
		dissemination.addProfessional(null, "PANEL_MEMBER", DeliveryChannel.EMAIL, null, List.of(), List.of(), T0);
		// The list names the role and says "every agency", not "* / PANEL_MEMBER".
		assertThat(mvc.perform(get("/dissemination/subscriptions").with(as("coordinator")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Every agency: Early-warning panel member").doesNotContain("PANEL_MEMBER<");
		var alert = alert(Set.of(Audience.PROFESSIONALS), false, List.of(BIRMINGHAM), List.of("OPIOID"));
		fanout.fanOut(alert, T0);
		assertThat(recipients(alert.alertId())).contains("panel@demo.harmwatch.test", "panel2@demo.harmwatch.test");
		sender.sendDue(T0, alert.alertId(), -1);
		assertThat(mailAbout("panel@demo.harmwatch.test", alert.alertId())).hasSize(1);
	}

	@Test
	void aProfessionalSubscriptionFilteredToOneDistrictGetsThatDistrictsAlertsAndNoOthers() throws Exception {
		var birminghamDuty = unique("bham-duty");
		var coventryDuty = unique("cov-duty");
		mvc.perform(post("/dissemination/subscriptions/professional").with(csrf())
			.with(as("coordinator"))
			.param("channel", "EMAIL")
			.param("address", birminghamDuty)
			.param("ladCodes", BIRMINGHAM)).andExpect(status().is3xxRedirection());
		mvc.perform(post("/dissemination/subscriptions/professional").with(csrf())
			.with(as("coordinator"))
			.param("channel", "EMAIL")
			.param("address", coventryDuty)
			.param("ladCodes", COVENTRY)
			.param("substanceClasses", "OPIOID")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT lad_codes FROM dissemination.subscription WHERE address = ?")
			.param(birminghamDuty)
			.query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
			.single()).containsExactly(BIRMINGHAM);

		// The list shows each subscription's filters by name.
		var page = mvc.perform(get("/dissemination/subscriptions").with(as("coordinator")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(row(page, birminghamDuty)).contains("Birmingham", "All kinds of drug").doesNotContain("Coventry");
		assertThat(row(page, coventryDuty)).contains("Coventry", "Opioid").doesNotContain("Birmingham", "All areas");

		// Published as the early-warning module does: the fan-out runs after the commit,
		// on its own thread.
		var inBirmingham = alert(Set.of(Audience.PROFESSIONALS), false, List.of(BIRMINGHAM), List.of("OPIOID"));
		var inCoventry = alert(Set.of(Audience.PROFESSIONALS), false, List.of(COVENTRY), List.of("OPIOID"));
		transactions.executeWithoutResult(status -> events.publishEvent(inBirmingham));
		transactions.executeWithoutResult(status -> events.publishEvent(inCoventry));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> recipients(inBirmingham.alertId()).contains(birminghamDuty)
					&& recipients(inCoventry.alertId()).contains(coventryDuty));
		assertThat(recipients(inBirmingham.alertId())).doesNotContain(coventryDuty);
		assertThat(recipients(inCoventry.alertId())).doesNotContain(birminghamDuty);

		var later = Instant.now().plusSeconds(60);
		sender.sendDue(later, inBirmingham.alertId(), -1);
		sender.sendDue(later, inCoventry.alertId(), -1);
		assertThat(mailAbout(birminghamDuty, inBirmingham.alertId())).hasSize(1);
		assertThat(mailAbout(birminghamDuty, inCoventry.alertId())).isEmpty();
		assertThat(mailAbout(coventryDuty, inCoventry.alertId())).hasSize(1);
		assertThat(mailAbout(coventryDuty, inBirmingham.alertId())).isEmpty();

		// A filter for another kind of drug keeps the district's alert away too.
		var cannabisInCoventry = alert(Set.of(Audience.PROFESSIONALS), false, List.of(COVENTRY), List.of("CANNABIS"));
		fanout.fanOut(cannabisInCoventry, T0);
		assertThat(recipients(cannabisInCoventry.alertId())).doesNotContain(coventryDuty, birminghamDuty);
	}

	@Test
	void aProfessionalSubscriptionWithAnUnknownFilterIsRefusedAndNothingIsStored() throws Exception {
		var duty = unique("bad-filter");
		mvc.perform(post("/dissemination/subscriptions/professional").with(csrf())
			.with(as("coordinator"))
			.param("channel", "EMAIL")
			.param("address", duty)
			.param("ladCodes", BIRMINGHAM, "E99999999")
			.param("substanceClasses", "OPIOID"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("href=\"#ladCodes\">Choose areas from the list.")))
			// What was entered is shown again.
			.andExpect(content().string(containsString("value=\"" + duty + "\"")))
			.andExpect(content().string(containsString("value=\"OPIOID\" name=\"substanceClasses\" checked")));
		mvc.perform(post("/dissemination/subscriptions/professional").with(csrf())
			.with(as("admin"))
			.param("channel", "EMAIL")
			.param("address", duty)
			.param("substanceClasses", "NOT_A_DRUG"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(
					content().string(containsString("href=\"#substanceClasses\">Choose kinds of drug from the list.")));
		assertThat(jdbc.sql("SELECT count(*) FROM dissemination.subscription WHERE address = ?")
			.param(duty)
			.query(Long.class)
			.single()).isZero();
	}

	/** The table row of the subscriptions page that names an address. */
	static String row(String page, String address) {
		int at = page.indexOf(address);
		assertThat(at).as("a row for " + address).isNotNegative();
		return page.substring(at, page.indexOf("</tr>", at));
	}

	@Test
	void aTextMessageReachesNotifyWithTheIdempotencyKeyAsReference() throws Exception {
		var ip = randomIp();
		var number = "07700 9" + String.format("%05d", new java.util.Random().nextInt(100000));
		mvc.perform(post("/subscribe").with(csrf()).with(from(ip)).param("channel", "SMS").param("address", number))
			.andExpect(status().isOk());
		var normalised = "+44" + number.replace(" ", "").substring(1);
		var confirmation = TestMessaging.notifyApi().requestsMentioning(normalised);
		assertThat(confirmation).hasSize(1);
		dissemination.confirm(token(confirmation.getFirst().body(), "/subscribe/confirm/"), T0);

		var alert = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM), List.of("OPIOID"));
		fanout.fanOut(alert, T0);
		sender.sendDue(T0, alert.alertId(), -1);
		var key = alert.deliveryKey(normalised) + ":SMS";
		var sent = TestMessaging.notifyApi().requestsMentioning(key);
		assertThat(sent).hasSize(1);
		assertThat(sent.getFirst().body()).contains("\"phone_number\":\"" + normalised + "\"",
				"\"template_id\":\"" + TestMessaging.FakeNotify.TEMPLATE_ID + "\"", "\"reference\":\"" + key + "\"",
				"Drug alert: heroin with fentanyl", "/unsubscribe/");
		assertThat(sent.getFirst().authorization()).startsWith("Bearer ");
		assertThat(jdbc.sql("SELECT state FROM dissemination.delivery WHERE idempotency_key = ?")
			.param(key)
			.query(String.class)
			.single()).isEqualTo("SENT");
	}

	@Test
	void aWebhookIsSignedWithTheSharedSecret() throws Exception {
		var received = new CopyOnWriteArrayList<Map<String, String>>();
		var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hooks/harmwatch", exchange -> {
			var request = new HashMap<String, String>();
			request.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			request.put("signature", exchange.getRequestHeaders().getFirst("X-Harmwatch-Signature"));
			request.put("timestamp", exchange.getRequestHeaders().getFirst("X-Harmwatch-Timestamp"));
			request.put("delivery", exchange.getRequestHeaders().getFirst("X-Harmwatch-Delivery"));
			received.add(request);
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		try {
			var secret = "a-shared-secret-of-at-least-32-characters-" + UUID.randomUUID();
			var id = dissemination.addWebhook("Neighbouring region",
					"http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/harmwatch", secret, List.of(),
					List.of(), T0);
			var alert = alert(Set.of(Audience.PROFESSIONALS), false, List.of(BIRMINGHAM), List.of("OPIOID"));
			fanout.fanOut(alert, T0);
			sender.sendDue(T0, alert.alertId(), -1);
			assertThat(received).hasSize(1);
			var request = received.getFirst();
			var body = request.get("body");
			// The partner's check: HMAC-SHA256 of the raw body with the shared secret.
			var mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			var expected = "sha256="
					+ java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
			assertThat(request.get("signature")).isEqualTo(expected);
			assertThat(WebhookSender.signature("another secret", body.getBytes(StandardCharsets.UTF_8)))
				.isNotEqualTo(request.get("signature"));
			assertThat(request.get("delivery")).isEqualTo(alert.deliveryKey("webhook:" + id) + ":WEBHOOK");
			assertThat(request.get("timestamp")).matches("\\d+");
			assertThat(body).contains("\"reference\":\"" + alert.reference() + "\"", "\"level\":\"WARNING\"",
					"\"timestamp\":" + request.get("timestamp"));
			dissemination.removeSubscription(id);
		}
		finally {
			server.stop(0);
		}
	}

	// ---- Idempotency, crashes, concurrency, retries

	@Test
	void anIssuedAlertIsFannedOutSentAndCountedForTheMeasures(Scenario scenario) throws Exception {
		confirmedEmailSubscriber(List.of(), List.of());
		var alert = alert(Set.of(Audience.PUBLIC, Audience.PROFESSIONALS), false, List.of(BIRMINGHAM),
				List.of("OPIOID"));
		// AlertIssued, published as early warning does, is fanned out and the issue's
		// deliveries are counted.
		scenario.publish(alert)
			.andWaitForEventOfType(AlertDeliveriesCounted.class)
			.matching(counted -> counted.alertId().equals(alert.alertId()))
			.toArriveAndVerify(counted -> {
				assertThat(counted.version()).isEqualTo(1);
				assertThat(counted.deliveries()).isPositive().isEqualTo(deliveries(alert.alertId()));
				assertThat(counted.sent()).isZero();
				assertThat(counted.queuedAt())
					.isEqualTo(jdbc.sql("SELECT min(created_at) FROM dissemination.delivery WHERE alert_id = ?")
						.param(alert.alertId())
						.query(Timestamp.class)
						.single()
						.toInstant());
			});
		// A sender's run counts again what it settled.
		// The listener queued them at the real time; send them as the scheduled job
		// would, a moment later, outside any
		// transaction (a sender claims and marks in transactions of its own).
		BiFunction<TransactionOperations, ApplicationEventPublisher, Integer> send = (tx, publisher) -> sender
			.sendDue(Instant.now().plusSeconds(5), alert.alertId(), -1);
		scenario.stimulate(send)
			.andWaitForEventOfType(AlertDeliveriesCounted.class)
			.matching(counted -> counted.alertId().equals(alert.alertId()) && counted.sent() > 0)
			.toArriveAndVerify((counted, sent) -> {
				assertThat(counted.sent()).isEqualTo((long) sent).isEqualTo(counted.deliveries());
				assertThat(counted.dead()).isZero();
			});
	}

	@Test
	void handlingTheSameIssueTwiceAddsNoDeliveries() throws Exception {
		confirmedEmailSubscriber(List.of(), List.of());
		var alert = alert(Set.of(Audience.PUBLIC, Audience.PROFESSIONALS), false, List.of(BIRMINGHAM),
				List.of("OPIOID"));
		assertThat(fanout.fanOut(alert, T0)).isPositive();
		var count = deliveries(alert.alertId());
		assertThat(fanout.fanOut(alert, T0)).isZero();
		assertThat(deliveries(alert.alertId())).isEqualTo(count);

		// Published as the early-warning module does, twice: the listener runs after each
		// commit, and adds nothing.
		var published = alert(Set.of(Audience.PUBLIC, Audience.PROFESSIONALS), false, List.of(BIRMINGHAM),
				List.of("OPIOID"));
		transactions.executeWithoutResult(status -> events.publishEvent(published));
		EventPublications.awaitCompleted(publications, completedPublications, published);
		long first = deliveries(published.alertId());
		assertThat(first).isPositive();
		transactions.executeWithoutResult(status -> events.publishEvent(published));
		// Both publications handled by every listener (the fan-out among them): whatever
		// the second one did is done.
		EventPublications.awaitCompleted(publications, completedPublications, published);
		assertThat(completedPublications.findAll().stream().filter(p -> published.equals(p.getEvent())))
			.as("the issue was handled twice")
			.hasSizeGreaterThanOrEqualTo(2);
		assertThat(deliveries(published.alertId())).isEqualTo(first);
	}

	@Test
	void aSenderKilledHalfwaySendsNoDuplicatesAndMissesNoOneWhenRestarted() throws Exception {
		var addresses = confirmedSubscribers(30, "PSYCHEDELIC");
		var alert = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM), List.of("PSYCHEDELIC"));
		fanout.fanOut(alert, T0);
		assertThatThrownBy(() -> sender.sendDue(T0, alert.alertId(), 12))
			.isInstanceOf(DeliverySender.SimulatedCrash.class);
		var beforeRestart = addresses.stream().mapToInt(a -> count(a, alert.alertId())).sum();
		assertThat(beforeRestart).isLessThanOrEqualTo(12);

		// Another sender straight away leaves the dead sender's claims alone (their lease
		// has not run out)...
		assertThat(sender.sendDue(T0.plusSeconds(1), alert.alertId(), -1)).isZero();
		assertThat(addresses.stream().mapToInt(a -> count(a, alert.alertId())).sum()).isEqualTo(beforeRestart);
		// ...and takes them over once it has.
		sender.sendDue(T0.plus(properties.lease()).plusSeconds(1), alert.alertId(), -1);
		for (var address : addresses) {
			assertThat(count(address, alert.alertId())).as(address).isEqualTo(1);
		}
		// Everyone else who takes every alert (other tests' subscribers) had it too, and
		// nothing is left unsent.
		var measures = deliveryLogs.measures(alert.alertId());
		assertThat(measures.sent()).isEqualTo(measures.deliveries()).isGreaterThanOrEqualTo(30);
	}

	int count(String address, UUID alertId) {
		try {
			return mailAbout(address, alertId).size();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void publicSubscribersAreFannedOutInChunksThatEachCommitAndAreNotWrittenTwice() {
		int count = Fanout.PUBLIC_CHUNK * 2 + 7;
		var marker = UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("""
				INSERT INTO dissemination.subscription (id, kind, channel, address, substance_classes, confirmed_at,
				  unsubscribe_token, created_at)
				SELECT gen_random_uuid(), 'PUBLIC', 'EMAIL', 'chunk' || n || '-' || :marker || '@fanout.test',
				  ARRAY['PRECURSOR_OR_BYPRODUCT'], now(), md5(random()::text) || md5(random()::text), now()
				FROM generate_series(1, :count) AS n""").param("marker", marker).param("count", count).update();
		var alert = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM), List.of("PRECURSOR_OR_BYPRODUCT"));
		try {
			fanout.fanOut(alert, T0);
			var ours = "SELECT count(*) FROM dissemination.delivery WHERE alert_id = ? AND recipient LIKE ?";
			assertThat(
					jdbc.sql(ours).params(alert.alertId(), "%-" + marker + "@fanout.test").query(Long.class).single())
				.isEqualTo(count);
			assertThat(jdbc
				.sql("SELECT count(DISTINCT recipient) = count(*) FROM dissemination.delivery " + "WHERE alert_id = ?")
				.param(alert.alertId())
				.query(Boolean.class)
				.single()).isTrue();
			// Handled again (a redelivered event, or a restart between chunks): nothing
			// new.
			assertThat(fanout.fanOut(alert, T0)).isZero();
		}
		finally {
			jdbc.sql("DELETE FROM dissemination.delivery WHERE alert_id = ?").param(alert.alertId()).update();
			jdbc.sql("DELETE FROM dissemination.subscription WHERE address LIKE ?")
				.param("%-" + marker + "@fanout.test")
				.update();
		}
	}

	@Test
	void theScheduledSendersTogetherSendEachMessageOnce() throws Exception {
		assertThat(properties.senders()).isGreaterThan(1);
		var addresses = confirmedSubscribers(120, "ADULTERANT");
		var alert = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM), List.of("ADULTERANT"));
		fanout.fanOut(alert, T0);
		assertThat(sender.sendDueTogether(T0, alert.alertId())).isEqualTo(deliveries(alert.alertId()));
		for (var address : addresses) {
			assertThat(count(address, alert.alertId())).as(address).isEqualTo(1);
		}
		var measures = deliveryLogs.measures(alert.alertId());
		assertThat(measures.sent()).isEqualTo(measures.deliveries());
	}

	@Test
	void twoSendersAtOnceSendEachMessageOnce() throws Exception {
		var addresses = confirmedSubscribers(150, "SEDATIVE");
		var alert = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM), List.of("SEDATIVE"));
		fanout.fanOut(alert, T0);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(() -> sender.sendDue(T0, alert.alertId(), -1));
			var second = pool.submit(() -> sender.sendDue(T0, alert.alertId(), -1));
			assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS))
				.isEqualTo(deliveries(alert.alertId()));
		}
		finally {
			pool.shutdown();
		}
		for (var address : addresses) {
			assertThat(count(address, alert.alertId())).as(address).isEqualTo(1);
		}
	}

	@Test
	void aFailedDeliveryIsRetriedWithBackoffAndDiesAfterTheMaximumAttempts() throws Exception {
		var address = confirmedEmailSubscriber(List.of(), List.of("DISSOCIATIVE"));
		var alert = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM), List.of("DISSOCIATIVE"));
		fanout.fanOut(alert, T0);
		// A sender whose SMTP server is down (a port nothing listens on); the shared
		// GreenMail stays up.
		var down = new JavaMailSenderImpl();
		down.setHost("127.0.0.1");
		down.setPort(closedPort());
		var broken = new DeliverySender(jdbc, dataSource, List.of(new EmailSender(down, renderer, properties)),
				properties, java.time.Clock.systemUTC(), counts);
		broken.sendDue(T0, alert.alertId(), -1);
		var row = jdbc
			.sql("SELECT state, attempts, last_error, next_attempt_at FROM dissemination.delivery "
					+ "WHERE alert_id = ? AND recipient = ?")
			.params(alert.alertId(), address)
			.query()
			.singleRow();
		assertThat(row.get("state")).isEqualTo("FAILED");
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat((String) row.get("last_error")).isNotBlank();
		assertThat(((Timestamp) row.get("next_attempt_at")).toInstant()).isCloseTo(T0.plus(properties.backoff()),
				within(5, ChronoUnit.SECONDS));

		// Not before its time; then twice the wait after the second failure.
		sender.sendDue(T0.plusSeconds(30), alert.alertId(), -1);
		assertThat(mailAbout(address, alert.alertId())).isEmpty();
		var second = T0.plus(properties.backoff()).plusSeconds(1);
		broken.sendDue(second, alert.alertId(), -1);
		assertThat(jdbc.sql("SELECT next_attempt_at FROM dissemination.delivery WHERE alert_id = ? AND recipient = ?")
			.params(alert.alertId(), address)
			.query(Timestamp.class)
			.single()
			.toInstant()).isCloseTo(second.plus(properties.backoff().multipliedBy(2)), within(5, ChronoUnit.SECONDS));

		// The server is back: the next attempt delivers it, once.
		sender.sendDue(second.plus(Duration.ofHours(1)), alert.alertId(), -1);
		assertThat(mailAbout(address, alert.alertId())).hasSize(1);

		// Another alert with the server down for good: dead after the maximum attempts.
		var doomed = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM), List.of("DISSOCIATIVE"));
		fanout.fanOut(doomed, T0);
		var at = T0;
		for (int i = 0; i < properties.maxAttempts(); i++) {
			broken.sendDue(at, doomed.alertId(), -1);
			at = at.plus(Duration.ofDays(1));
		}
		assertThat(jdbc.sql("SELECT state FROM dissemination.delivery WHERE alert_id = ? AND recipient = ?")
			.params(doomed.alertId(), address)
			.query(String.class)
			.single()).isEqualTo("DEAD");
		var log = deliveryLogs.deliveryLog(doomed.alertId()).orElseThrow();
		assertThat(log.failures()).anyMatch(f -> f.state() == DeliveryState.DEAD && f.error() != null);
		assertThat(log.failures()).noneMatch(f -> f.recipient().equals(address));
		// The page says what happened in words and when the next attempt is, in local
		// time.
		var page = mvc.perform(get("/dissemination/alerts/" + doomed.alertId()).with(as("coordinator")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Given up", ">Email<").doesNotContain(">DEAD<", ">EMAIL<");
		assertThat(page).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");

		// The coordinator retries: it goes out now.
		mvc.perform(post("/dissemination/alerts/" + doomed.alertId() + "/retry").with(csrf()).with(as("coordinator")))
			.andExpect(status().is3xxRedirection());
		sender.sendDue(Instant.now(), doomed.alertId(), -1);
		assertThat(mailAbout(address, doomed.alertId())).hasSize(1);
	}

	static int closedPort() throws Exception {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	// ---- Acknowledgement, escalation, feedback

	@Test
	void unacknowledgedAlertsToKeyRolesEscalateOnceAndAcknowledgedOnesDoNot() throws Exception {
		dissemination.addProfessional(null, "EARLY_WARNING_COORDINATOR", DeliveryChannel.EMAIL, null, List.of(),
				List.of(), T0);
		var coordinator = "coordinator@demo.harmwatch.test";
		var base = Instant.parse("2031-01-01T00:00:00Z")
			.plus(new java.util.Random().nextInt(100_000), ChronoUnit.MINUTES);
		var ignored = alert(Set.of(Audience.PROFESSIONALS), false, List.of(BIRMINGHAM), List.of("OPIOID"));
		var acknowledged = alert(Set.of(Audience.PROFESSIONALS), false, List.of(BIRMINGHAM), List.of("OPIOID"));
		var advisory = alert(UUID.randomUUID(), 1, AlertMessageType.ALERT, AlertLevel.ADVISORY,
				Set.of(Audience.PROFESSIONALS), false, List.of(BIRMINGHAM), List.of("OPIOID"));
		for (var alert : List.of(ignored, acknowledged, advisory)) {
			fanout.fanOut(alert, base);
			sender.sendDue(base, alert.alertId(), -1);
		}
		var ackToken = token(text(mailAbout(coordinator, acknowledged.alertId()).getFirst()), "/acknowledge/");
		mvc.perform(get("/acknowledge/" + ackToken))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(acknowledged.reference())));
		mvc.perform(post("/acknowledge/" + ackToken).with(csrf())).andExpect(status().isOk());
		var first = dissemination.acknowledge(ackToken, base.plus(Duration.ofDays(3)));
		assertThat(first).isBefore(base.plus(Duration.ofDays(3)));

		escalation.run(base.plus(Duration.ofMinutes(59)));
		assertThat(escalated(ignored.alertId())).isFalse();
		escalation.run(base.plus(Duration.ofMinutes(61)));
		assertThat(escalated(ignored.alertId())).isTrue();
		assertThat(escalated(acknowledged.alertId())).isFalse();
		assertThat(escalated(advisory.alertId())).isFalse();
		var escalations = TestMessaging.mailTo("ooh-lead@harmwatch.test").stream().filter(m -> {
			try {
				return text(m).contains(ignored.reference());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(escalations).hasSize(1);
		assertThat(text(escalations.getFirst())).contains(coordinator).doesNotContain(acknowledged.reference());
		escalation.run(base.plus(Duration.ofHours(5)));
		assertThat(TestMessaging.mailTo("ooh-lead@harmwatch.test").stream().filter(m -> {
			try {
				return text(m).contains(ignored.reference());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).hasSize(1);
	}

	boolean escalated(UUID alertId) {
		return jdbc
			.sql("SELECT bool_or(escalated_at IS NOT NULL) FROM dissemination.delivery WHERE alert_id = ? "
					+ "AND recipient = 'coordinator@demo.harmwatch.test'")
			.param(alertId)
			.query(Boolean.class)
			.single();
	}

	@Test
	void feedbackIsStoredOncePerDelivery() throws Exception {
		var address = confirmedEmailSubscriber(List.of(), List.of("CANNABIS"));
		var alert = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM), List.of("CANNABIS"));
		fanout.fanOut(alert, T0);
		sender.sendDue(T0, alert.alertId(), -1);
		var token = token(text(mailAbout(address, alert.alertId()).getFirst()), "/feedback/");
		mvc.perform(get("/feedback/" + token)).andExpect(status().isOk());
		mvc.perform(post("/feedback/" + token).with(csrf()).param("useful", "maybe").param("changedAction", "no"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/feedback/" + token).with(csrf())
			.param("useful", "yes")
			.param("changedAction", "no")
			.param("comment", "Shared it with my friends")).andExpect(status().isOk());
		mvc.perform(post("/feedback/" + token).with(csrf()).param("useful", "no").param("changedAction", "yes"))
			.andExpect(status().isOk());
		var measures = deliveryLogs.measures(alert.alertId());
		assertThat(measures.feedback()).isEqualTo(1);
		assertThat(measures.useful()).isEqualTo(1);
		assertThat(measures.changedAction()).isZero();
		// The public cannot acknowledge: that is for professionals.
		mvc.perform(post("/acknowledge/" + token).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void feedbackWithoutItsAnswersIsRedrawnWith422NamingEachAndStoresNothing() throws Exception {
		var address = confirmedEmailSubscriber(List.of(), List.of("CANNABIS"));
		var alert = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM), List.of("CANNABIS"));
		fanout.fanOut(alert, T0);
		sender.sendDue(T0, alert.alertId(), -1);
		var token = token(text(mailAbout(address, alert.alertId()).getFirst()), "/feedback/");
		mvc.perform(post("/feedback/" + token).with(csrf()).param("comment", "x".repeat(2001)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<title>Error: ")))
			.andExpect(content().string(containsString("href=\"#useful\">Say whether the alert was useful.")))
			.andExpect(content().string(containsString("href=\"#changedAction\">Say whether it changed what you did.")))
			.andExpect(
					content().string(containsString("href=\"#comment\">Comments must be 2000 characters or fewer.")));
		assertThat(deliveryLogs.measures(alert.alertId()).feedback()).isZero();
	}

	@Test
	void aPublicSubscriptionWithoutAnAddressIsRedrawnWith422AndStoresNothing() throws Exception {
		long subscriptions = jdbc.sql("SELECT count(*) FROM dissemination.subscription").query(Long.class).single();
		mvc.perform(post("/subscribe").with(csrf()).with(from(randomIp())).param("channel", "EMAIL"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#address\">Enter your email address.")));
		mvc.perform(post("/subscribe").with(csrf())
			.with(from(randomIp()))
			.param("channel", "SMS")
			.param("address", " ")
			.param("substanceClasses", "OPIOID"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#address\">Enter your mobile number.")))
			// What was chosen is shown again.
			.andExpect(content().string(containsString("value=\"OPIOID\" name=\"substanceClasses\" checked")));
		mvc.perform(post("/subscribe").with(csrf()).with(from(randomIp())).param("address", unique("no-channel")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#channel\">Choose email or text message.")));
		assertThat(jdbc.sql("SELECT count(*) FROM dissemination.subscription").query(Long.class).single())
			.isEqualTo(subscriptions);
	}

	@Test
	void aWebhookMayNotReachAnInternalAddressThatIsNotAllowListed() throws Exception {
		var received = new CopyOnWriteArrayList<String>();
		var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			received.add(exchange.getRequestURI().getPath());
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		try {
			int port = server.getAddress().getPort();
			var secret = "a-shared-secret-of-at-least-32-characters-" + UUID.randomUUID();
			// Refused as they are entered: the administrator hears why at once.
			for (var url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/hooks",
					"http://[::1]:" + port + "/hooks", "http://localhost:" + port + "/hooks")) {
				mvc.perform(post("/dissemination/subscriptions/webhook").with(csrf())
					.with(as("admin"))
					.param("name", "Inside")
					.param("url", url)
					.param("secret", secret))
					.andExpect(status().isUnprocessableContent())
					.andExpect(content().string(containsString("Harmwatch does not send to this address")));
			}
			// A name that resolved to a public address when it was entered and to an
			// internal one now (DNS
			// rebinding) is refused as the delivery connects: stored here as if it had
			// passed the first check.
			var id = dissemination.addWebhook("Rebinding partner", "http://127.0.0.1:" + port + "/hooks", secret,
					List.of(), List.of(), T0);
			jdbc.sql("UPDATE dissemination.subscription SET address = ? WHERE id = ?")
				.params("http://localhost:" + port + "/hooks", id)
				.update();
			var alert = alert(Set.of(Audience.PROFESSIONALS), false, List.of(BIRMINGHAM), List.of("OPIOID"));
			fanout.fanOut(alert, T0);
			sender.sendDue(T0, alert.alertId(), -1);

			assertThat(received).isEmpty();
			var delivery = jdbc.sql("SELECT state, last_error FROM dissemination.delivery WHERE recipient = ?")
				.param("webhook:" + id)
				.query((rs, n) -> rs.getString("state") + " " + rs.getString("last_error"))
				.single();
			assertThat(delivery).startsWith("FAILED").contains("refused: localhost").contains("loopback");
			dissemination.removeSubscription(id);
		}
		finally {
			server.stop(0);
		}
	}

	// ---- Pages and bad input

	@Test
	void badInputIsAClear4xxAndChangesNothing() throws Exception {
		var ip = randomIp();
		long subscriptions = jdbc.sql("SELECT count(*) FROM dissemination.subscription").query(Long.class).single();
		mvc.perform(post("/subscribe").with(csrf())
			.with(from(ip))
			.param("channel", "EMAIL")
			.param("address", "not-an-email"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter an email address in the correct format")));
		mvc.perform(post("/subscribe").with(csrf())
			.with(from(ip))
			.param("channel", "WEBHOOK")
			.param("address", unique("x"))).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/subscribe").with(csrf())
			.with(from(ip))
			.param("channel", "EMAIL")
			.param("address", unique("x"))
			.param("ladCodes", "E99999999")).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/subscribe").with(csrf())
			.with(from(randomIp()))
			.param("channel", "SMS")
			.param("address", "12345")).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/dissemination/subscriptions/webhook").with(csrf())
			.with(as("admin"))
			.param("name", "P")
			.param("url", "ftp://nowhere")
			.param("secret", "short")).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/dissemination/subscriptions/professional").with(csrf())
			.with(as("coordinator"))
			.param("roleName", "NO_SUCH_ROLE")).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/dissemination/subscriptions/professional").with(csrf())
			.with(as("coordinator"))
			.param("channel", "SMS")
			.param("agencyCode", "WM-CHECK")).andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("SELECT count(*) FROM dissemination.subscription").query(Long.class).single())
			.isEqualTo(subscriptions);

		var nonsense = "x".repeat(43);
		mvc.perform(get("/subscribe/confirm/" + nonsense)).andExpect(status().isNotFound());
		mvc.perform(post("/subscribe/confirm/" + nonsense).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/unsubscribe/" + nonsense)).andExpect(status().isNotFound());
		mvc.perform(get("/acknowledge/short")).andExpect(status().isNotFound());
		mvc.perform(post("/feedback/" + nonsense).with(csrf()).param("useful", "yes")).andExpect(status().isNotFound());
		mvc.perform(get("/dissemination/alerts/" + UUID.randomUUID()).with(as("coordinator")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/dissemination/alerts/not-a-uuid").with(as("coordinator")))
			.andExpect(status().is4xxClientError());
		mvc.perform(
				post("/dissemination/subscriptions/" + UUID.randomUUID() + "/remove").with(csrf()).with(as("admin")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theSubscribeFormIsRateLimited() throws Exception {
		var ip = randomIp();
		int limited = 0;
		for (int i = 0; i < properties.publicForm().capacity() + 1; i++) {
			var status = mvc.perform(
					post("/subscribe").with(csrf()).with(from(ip)).param("channel", "EMAIL").param("address", "bad"))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status == 429) {
				limited++;
			}
		}
		assertThat(limited).isEqualTo(1);
	}

	@Test
	void theCoordinatorSeesTheDeliveryLogAndAdminsManageSubscriptions() throws Exception {
		var address = confirmedEmailSubscriber(List.of(), List.of("MDMA_TYPE"));
		var alert = alert(Set.of(Audience.PUBLIC), false, List.of(BIRMINGHAM), List.of("MDMA_TYPE"));
		fanout.fanOut(alert, T0);
		sender.sendDue(T0, alert.alertId(), -1);
		mvc.perform(get("/dissemination").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(alert.reference())));
		mvc.perform(get("/dissemination/alerts/" + alert.alertId()).with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Deliveries of " + alert.reference())))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(address))));
		var duty = unique("oncall");
		mvc.perform(post("/dissemination/subscriptions/professional").with(csrf())
			.with(as("admin"))
			.param("channel", "EMAIL")
			.param("address", duty)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/dissemination/subscriptions").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(duty)));
		mvc.perform(get("/subscribe")).andExpect(status().isOk());
	}

}
