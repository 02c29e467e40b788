package org.harmwatch.browser;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.TestMessaging;
import org.harmwatch.dissemination.DeliveryChannel;
import org.harmwatch.dissemination.DisseminationManagement;
import org.harmwatch.dissemination.internal.DeliverySender;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceKind;
import org.harmwatch.platform.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xml.sax.InputSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole early-warning loop in a real browser, as issue 3 asks: a frontline worker
 * reports a fentanyl-contaminated heroin batch in Birmingham, the coordinator validates
 * it, two panel members grade it, the coordinator records the outcome and drafts an
 * alert, a panel member approves it; the email reaches a subscribed frontline worker
 * through a real SMTP server, the public page shows it, its CAP validates against the
 * OASIS schema and the Atom feed parses.
 */
@HarmwatchIntegrationTest
class EarlyWarningJourneyBrowserTests extends BrowserTestSupport {

	@Autowired
	Clock clock;

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DisseminationManagement dissemination;

	@Autowired
	DeliverySender sender;

	static String subject(MimeMessage message) {
		try {
			return String.valueOf(message.getSubject());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void button(String name) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)).click();
	}

	void exactLabel(String label) {
		page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).check();
	}

	@Test
	void aFrontlineReportBecomesAGradedAlertThePublicAndOtherSystemsRead() throws Exception {
		var marker = Long.toString(System.nanoTime(), 36);

		// 1. A frontline worker reports the batch.
		signIn("frontline");
		page.navigate("/early-warning/reports/new");
		var when = LocalDateTime.now(clock.withZone(ZoneId.of("Europe/London")))
			.minusMinutes(40)
			.truncatedTo(ChronoUnit.MINUTES);
		page.getByLabel("Where is this report from?").selectOption("DRUG_SERVICE");
		page.getByLabel("When did it happen?").fill(when.toString());
		page.getByLabel("Council area").selectOption("E08000025");
		page.getByLabel("Substance 1", new Page.GetByLabelOptions().setExact(true)).fill("heroin");
		page.getByLabel("Substance 2", new Page.GetByLabelOptions().setExact(true)).fill("fentanyl");
		page.getByLabel("How do you know? (substance 2)").selectOption("TEST_STRIP");
		page.getByLabel("Overdose").check();
		page.getByLabel("How many people were affected?").fill("3");
		page.getByLabel("Anything else we should know").fill("Grey-brown heroin, fentanyl strip positive, " + marker);
		button("Send report");
		assertThat(page.locator(".govuk-notification-banner")).containsText("Report sent");
		var reportId = jdbc.sql("SELECT id::text FROM earlywarning.report WHERE description LIKE ?")
			.param("%" + marker)
			.query(String.class)
			.single();
		var signal = earlyWarning.signalOf(EvidenceKind.REPORT, reportId).orElseThrow();

		// 2. The coordinator validates the signal.
		context.clearCookies();
		signIn("coordinator");
		page.navigate("/early-warning/signals/" + signal);
		assertThat(page.locator("main")).containsText("Urgent");
		page.getByLabel("Validate: a real signal that needs grading").check();
		button("Record decision");
		assertThat(page.locator(".govuk-notification-banner")).containsText("The decision has been recorded.");

		// 3. Two panel members grade it.
		for (var member : List.of("panel", "panel2")) {
			context.clearCookies();
			signIn(member);
			page.navigate("/early-warning/signals/" + signal + "/grade");
			page.getByLabel("B – corroborated by several independent sources").check();
			page.getByLabel("Severe – deaths possible").check();
			exactLabel("Alert to professionals and the public");
			page.getByLabel("Your reasons").fill("Fentanyl strip positive with overdoses; " + member);
			button("Send grade");
			assertThat(page.locator(".govuk-notification-banner")).containsText("Your grade has been recorded.");
		}

		// 4. The coordinator records the outcome and drafts the alert.
		context.clearCookies();
		signIn("coordinator");
		page.navigate("/early-warning/signals/" + signal + "/panel");
		page.getByLabel("Rationale").fill("Both grades: alert professionals and the public");
		button("Record outcome");
		assertThat(page.locator(".govuk-notification-banner")).containsText("The panel's outcome has been recorded.");
		page.navigate("/early-warning/signals/" + signal);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Draft an alert")).click();
		var headline = "Heroin contaminated with fentanyl in Birmingham " + marker;
		exactLabel("Warning");
		exactLabel("Professionals");
		exactLabel("The public");
		page.getByLabel("Substance 2", new Page.GetByLabelOptions().setExact(true)).fill("heroin");
		page.getByLabel("Headline").fill(headline);
		page.getByLabel("What to look out for")
			.fill("Grey-brown powder sold as heroin; people collapse within minutes.");
		page.getByLabel("What to do: advice for the public").fill("Do not use alone. Start with a very small amount.");
		page.getByLabel("What to do: advice for professionals").fill("Consider fentanyl in any heroin overdose.");
		button("Save the draft for approval");
		assertThat(page.locator(".govuk-notification-banner")).containsText("waiting for approval");
		var alertUrl = page.url().replaceAll("\\?.*$", "");

		// Frontline staff of the treatment provider receive alerts by email (another test
		// may have subscribed them
		// already: each recipient still gets each alert once).
		try {
			dissemination.addProfessional("BHM-TREAT", "FRONTLINE_WORKER", DeliveryChannel.EMAIL, null, List.of(),
					List.of(), clock.instant());
		}
		catch (InputRejectedException alreadySubscribed) {
			// fine
		}

		// 5. A panel member approves: the alert is issued.
		context.clearCookies();
		signIn("panel");
		page.navigate(alertUrl);
		button("Approve");
		assertThat(page.locator(".govuk-notification-banner")).containsText("Approved and issued.");
		var reference = page.locator(".govuk-caption-l")
			.innerText()
			.replaceAll("^.*?(HW-\\d{4}-\\d{4,}).*$", "$1")
			.strip();
		org.assertj.core.api.Assertions.assertThat(reference).matches(Pattern.compile("HW-\\d{4}-\\d{4,}"));

		// 6. The email reaches the frontline worker, once, through the real SMTP server
		// (GreenMail).
		var alertId = UUID.fromString(alertUrl.substring(alertUrl.lastIndexOf('/') + 1));
		// The fan-out listener runs after the approval's commit, on its own thread: send
		// until the email is there.
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			sender.sendDue(clock.instant(), alertId, -1);
			return TestMessaging.mailTo("frontline@demo.harmwatch.test")
				.stream()
				.anyMatch(m -> subject(m).contains(headline));
		});
		var emails = TestMessaging.mailTo("frontline@demo.harmwatch.test")
			.stream()
			.filter(m -> subject(m).contains(headline))
			.toList();
		org.assertj.core.api.Assertions.assertThat(emails).hasSize(1);
		org.assertj.core.api.Assertions.assertThat(GreenMailUtil.getBody(emails.get(0))).contains(reference);
		sender.sendDue(clock.instant(), alertId, -1);
		org.assertj.core.api.Assertions
			.assertThat(TestMessaging.mailTo("frontline@demo.harmwatch.test")
				.stream()
				.filter(m -> subject(m).contains(headline))
				.count())
			.isEqualTo(1);

		// 7. The public page shows it.
		context.clearCookies();
		page.navigate("/alerts");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(headline)).click();
		page.waitForURL("**/alerts/" + reference);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(headline);
		assertThat(page.locator("main")).containsText("Carry naloxone");
		assertAccessible();

		// 8. Its CAP validates against the OASIS CAP 1.2 schema, read here independently
		// of the application's validator.
		var cap = page.request().get("/alerts/" + reference + ".cap");
		org.assertj.core.api.Assertions.assertThat(cap.status()).isEqualTo(200);
		org.assertj.core.api.Assertions.assertThat(cap.headers().get("content-type")).startsWith("application/cap+xml");
		var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		try (var xsd = getClass().getResourceAsStream("/cap/cap-1.2.xsd")) {
			factory.newSchema(new StreamSource(xsd))
				.newValidator()
				.validate(new StreamSource(new StringReader(cap.text())));
		}
		org.assertj.core.api.Assertions.assertThat(cap.text()).contains(headline).contains("<status>Actual</status>");

		// 9. The Atom feed parses and has the alert.
		var atom = page.request().get("/alerts/feed.atom");
		var feed = new SyndFeedInput()
			.build(new InputSource(new ByteArrayInputStream(atom.text().getBytes(StandardCharsets.UTF_8))));
		org.assertj.core.api.Assertions.assertThat(feed.getEntries()).anyMatch(e -> e.getTitle().contains(headline));
	}

}
