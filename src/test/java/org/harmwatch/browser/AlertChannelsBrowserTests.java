package org.harmwatch.browser;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.TestMessaging;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.dissemination.DeliveryChannel;
import org.harmwatch.dissemination.DisseminationManagement;
import org.harmwatch.dissemination.internal.DeliverySender;
import org.harmwatch.earlywarning.AlertDraft;
import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertTestSignals;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.PanelManagement;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An alert reaches the people it is for through each channel: a frontline worker opens
 * the link in the e-mail of a professionals-only alert, signs in and reads it in their
 * inbox; the coordinator sees the text message's room while writing it; Swagger UI loads
 * without a content security policy error.
 */
@HarmwatchIntegrationTest
class AlertChannelsBrowserTests extends BrowserTestSupport {

	static final Pattern INBOX_LINK = Pattern.compile("http://harmwatch\\.test(/inbox/alerts/[A-Z0-9-]+)");

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PanelManagement panel;

	@Autowired
	AlertManagement alerts;

	@Autowired
	DisseminationManagement dissemination;

	@Autowired
	AgencyManagement agencies;

	@Autowired
	DeliverySender sender;

	@Autowired
	UserDetailsService users;

	static String text(MimeMessage message) throws Exception {
		var content = message.getContent();
		if (content instanceof String s) {
			return s;
		}
		var all = new StringBuilder();
		var multipart = (MimeMultipart) content;
		for (int i = 0; i < multipart.getCount(); i++) {
			var part = multipart.getBodyPart(i).getContent();
			all.append(part instanceof MimeMultipart nested ? nested.getBodyPart(0).getContent() : part).append('\n');
		}
		return all.toString();
	}

	@Test
	void aFrontlineWorkerOpensTheLinkInTheEmailOfAProfessionalsOnlyAlertAndReadsIt() throws Exception {
		// A subscriber to "Opioid" gets the alert about a nitazene (a kind of opioid).
		var subscription = dissemination.addProfessional("BHM-TREAT", "FRONTLINE_WORKER", DeliveryChannel.EMAIL, null,
				List.of("E08000025"), List.of("OPIOID"), clock.instant());
		try {
			var now = clock.instant();
			var signal = AlertTestSignals.signal(jdbc, "E08000025", "Birmingham", "isotonitazene", "NITAZENE",
					SignalStatus.VALIDATED, now.minus(Duration.ofHours(2)));
			AlertTestSignals.grade(panel, signal, PanelOutcome.ALERT_PROFESSIONALS, now.minus(Duration.ofHours(1)));
			var headline = "Isotonitazene in fake oxycodone " + UUID.randomUUID().toString().substring(0, 8);
			var id = alerts.draft(signal,
					new AlertDraft(AlertLevel.CRITICAL, Set.of(Audience.PROFESSIONALS), List.of("E08000025"),
							List.of("isotonitazene"), headline, "Blue tablets sold as oxycodone.", null,
							"Give naloxone early and repeat it; observe for at least four hours.",
							now.plus(Duration.ofDays(14)), now.plus(Duration.ofDays(7)), false, null),
					"coordinator", now);
			alerts.approve(id, (HarmwatchUser) users.loadUserByUsername("panel"), false, now);
			var frontline = (HarmwatchUser) users.loadUserByUsername("frontline");
			var address = agencies.staffContacts()
				.stream()
				.filter(c -> c.id().equals(frontline.id()))
				.findFirst()
				.orElseThrow()
				.email();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("SELECT count(*) FROM dissemination.delivery WHERE alert_id = ?")
					.param(id)
					.query(Long.class)
					.single() > 0);
			sender.sendDue(clock.instant().plusSeconds(1), id, -1);
			var mail = new ArrayList<MimeMessage>();
			for (var message : TestMessaging.mailTo(address)) {
				var key = message.getHeader("X-Harmwatch-Delivery");
				if (key != null && key[0].startsWith(id.toString())) {
					mail.add(message);
				}
			}
			assertThat(mail).hasSize(1);
			var matcher = INBOX_LINK.matcher(text(mail.getFirst()));
			assertThat(matcher.find()).isTrue();
			var path = matcher.group(1);

			// The link, opened signed out: the sign-in page, then the alert.
			page.navigate(path);
			page.waitForURL("**/login*");
			page.getByLabel("Username").fill("frontline");
			page.getByLabel("Password").fill(PASSWORD);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
			page.waitForURL("**" + path + "*");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(headline);
			assertThat(page.locator("main")).containsText("observe for at least four hours");
			assertThat(page.locator("main")).containsText("do not pass it on to the public");
			assertAccessible();

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your alerts").setExact(true))
				.first()
				.click();
			page.waitForURL("**/inbox");
			assertThat(page.getByRole(AriaRole.LINK,
					new Page.GetByRoleOptions().setName(path.substring(path.lastIndexOf('/') + 1))))
				.isVisible();
			assertAccessible();
		}
		finally {
			dissemination.removeSubscription(subscription);
		}
	}

	@Test
	void theTextMessageCounterShowsTheRoomLeftInOneMessage() {
		var now = clock.instant();
		var signal = AlertTestSignals.signal(jdbc, "E08000025", "Birmingham", "fentanyl",
				"HIGH_POTENCY_SYNTHETIC_OPIOID", SignalStatus.VALIDATED, now.minus(Duration.ofHours(2)));
		AlertTestSignals.grade(panel, signal, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC,
				now.minus(Duration.ofHours(1)));
		signIn("coordinator");
		page.navigate("/early-warning/signals/" + signal + "/alerts/new");
		var count = page.locator("#shortText-count");
		var room = 160 - " More: http://harmwatch.test/inbox/alerts/HW-2026-0000".length();
		assertThat(count).hasText(room + " characters left in one text message");
		page.getByLabel("Text message").fill("Drug alert: fentanyl in heroin.");
		assertThat(count).hasText((room - 31) + " characters left in one text message");
		page.getByLabel("The public", new Page.GetByLabelOptions().setExact(true)).check();
		var publicRoom = 160 - " More: http://harmwatch.test/alerts/HW-2026-0000".length();
		assertThat(count).hasText((publicRoom - 31) + " characters left in one text message");
		page.getByLabel("Text message").fill("Drug alert: fentanyl in heroin. Don’t use alone.");
		assertThat(count).containsText("special characters");
		page.getByLabel("Text message").fill("x".repeat(publicRoom + 5));
		assertThat(count).hasText("5 characters too many for one text message");
		assertAccessible();
	}

	@Test
	void swaggerUiLoadsWithoutAContentSecurityPolicyError() {
		var errors = new ArrayList<String>();
		page.onConsoleMessage(message -> {
			if (message.type().equals("error")) {
				errors.add(message.text());
			}
		});
		page.navigate("/swagger-ui/index.html");
		// The first request for the document builds it: on a busy machine, that takes a
		// while.
		assertThat(page.locator(".swagger-ui .info .title")).containsText("Harmwatch API",
				new LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
		assertThat(page.locator(".opblock-summary-path").first()).isVisible();
		assertThat(errors).as(String.join("\n", errors)).noneMatch(e -> e.contains("Content Security Policy"));
	}

}
