package org.harmwatch.dissemination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.TestMessaging;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.dissemination.internal.DeliverySender;
import org.harmwatch.earlywarning.AlertDraft;
import org.harmwatch.earlywarning.AlertIssued;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The professionals' alerts inbox end to end: an alert for professionals only is issued
 * the real way, fanned out to a subscription by agency and role, sent by e-mail to a real
 * SMTP server (GreenMail), and the frontline worker opens the link from that e-mail and
 * reads it; its text message and CAP point at the same page; staff it was not sent to are
 * refused, and every read is audited.
 */
@HarmwatchIntegrationTest
@RecordApplicationEvents
class InboxIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	static final Pattern INBOX_LINK = Pattern.compile("http://harmwatch\\.test(/inbox/alerts/[A-Z0-9-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AlertManagement alerts;

	@Autowired
	PanelManagement panel;

	@Autowired
	DisseminationManagement dissemination;

	@Autowired
	AgencyManagement agencies;

	@Autowired
	DeliverySender sender;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEvents events;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	/** A professionals-only alert about a nitazene in Birmingham, issued the real way. */
	AlertIssued issueForProfessionals(String headline) {
		var now = clock.instant();
		var signal = AlertTestSignals.signal(jdbc, BIRMINGHAM, "Birmingham", "isotonitazene", "NITAZENE",
				SignalStatus.VALIDATED, now.minus(Duration.ofHours(3)));
		AlertTestSignals.grade(panel, signal, PanelOutcome.ALERT_PROFESSIONALS, now.minus(Duration.ofHours(1)));
		var id = alerts
			.draft(signal, new AlertDraft(AlertLevel.CRITICAL, Set.of(Audience.PROFESSIONALS), List.of(BIRMINGHAM),
					List.of("isotonitazene"), headline, "Blue tablets sold as oxycodone; people found not breathing.",
					null, "Give naloxone early and repeat it; observe for at least four hours.",
					now.plus(Duration.ofDays(14)), now.plus(Duration.ofDays(7)), false, null,
					"Critical: isotonitazene in blue tablets sold as oxycodone in Birmingham. Give naloxone early."),
					"coordinator", now);
		var issued = alerts.approve(id, staff("panel"), false, now);
		return events.stream(AlertIssued.class).filter(e -> e.alertId().equals(issued.id())).findFirst().orElseThrow();
	}

	String frontlineEmail() {
		var frontline = staff("frontline");
		return agencies.staffContacts()
			.stream()
			.filter(c -> c.id().equals(frontline.id()))
			.findFirst()
			.orElseThrow()
			.email();
	}

	static String text(MimeMessage message) throws Exception {
		return DisseminationIntegrationTests.text(message);
	}

	@Test
	void aFrontlineWorkerOpensTheLinkFromTheirEmailAndReadsTheProfessionalsOnlyAlert() throws Exception {
		// The frontline workers of one agency subscribe, by agency and role, to opioids:
		// an alert about a nitazene (a kind of opioid) reaches them.
		var subscription = dissemination.addProfessional("BHM-TREAT", "FRONTLINE_WORKER", DeliveryChannel.EMAIL, null,
				List.of(BIRMINGHAM), List.of("OPIOID"), clock.instant());
		try {
			var headline = "Isotonitazene in fake oxycodone " + UUID.randomUUID().toString().substring(0, 8);
			var alert = issueForProfessionals(headline);
			var inboxPath = "/inbox/alerts/" + alert.reference();
			assertThat(alert.webPath()).isEqualTo(inboxPath);
			// The text message is the coordinator's short text and the same link, in one
			// message.
			assertThat(alert.smsText()).isEqualTo(
					"Critical: isotonitazene in blue tablets sold as oxycodone in Birmingham. Give naloxone early."
							+ " More: http://harmwatch.test" + inboxPath);
			// CAP's web of a restricted alert: the inbox page too.
			assertThat(alerts.cap(alerts.byReference(alert.reference()).orElseThrow()))
				.contains("<web>http://harmwatch.test" + inboxPath + "</web>");
			// The public page does not show it.
			mvc.perform(get("/alerts/" + alert.reference())).andExpect(status().isNotFound());

			var address = frontlineEmail();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc
					.sql("SELECT count(*) FROM dissemination.delivery WHERE alert_id = ? AND recipient = lower(?)")
					.params(alert.alertId(), address)
					.query(Long.class)
					.single() == 1);
			sender.sendDue(clock.instant().plusSeconds(1), alert.alertId(), -1);
			var mail = DisseminationIntegrationTests.mailAbout(address, alert.alertId());
			assertThat(mail).hasSize(1);
			var matcher = INBOX_LINK.matcher(text(mail.getFirst()));
			assertThat(matcher.find()).as("an inbox link in the e-mail").isTrue();
			var link = matcher.group(1);
			assertThat(link).isEqualTo(inboxPath);

			// Not signed in: to the sign-in page, which brings them back to the alert.
			var signedOut = mvc.perform(get(link))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login"))
				.andReturn()
				.getResponse();
			// The browser sends back the session cookie it was given.
			assertThat(signedOut.getCookies()).isNotEmpty();
			mvc.perform(post("/login").cookie(signedOut.getCookies())
				.with(csrf())
				.param("username", "frontline")
				.param("password", "harmwatch-demo"))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrlPattern("**" + link + "*"));
			// The frontline worker holds no early-warning read grant, and reads it.
			mvc.perform(get("/early-warning/alerts").with(as("frontline"))).andExpect(status().isForbidden());
			mvc.perform(get(link).with(as("frontline")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(headline)))
				.andExpect(content().string(containsString("observe for at least four hours")))
				.andExpect(content().string(containsString("do not pass it on to the public")));
			mvc.perform(get("/inbox").with(as("frontline")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(inboxPath)))
				.andExpect(content().string(containsString(headline)));
			assertThat(jdbc.sql("""
					SELECT count(*) FROM platform.audit_event
					WHERE actor = 'frontline' AND action = 'INBOX_ALERT_READ' AND record_id = ?""")
				.param(alert.reference())
				.query(Long.class)
				.single()).isOne();

			// Staff of another agency and role it was not sent to: refused, and audited.
			mvc.perform(get(link).with(as("custody"))).andExpect(status().isForbidden());
			mvc.perform(get("/inbox").with(as("custody")))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(headline))));
			assertThat(jdbc.sql("""
					SELECT count(*) FROM platform.audit_event
					WHERE actor = 'custody' AND action = 'INBOX_ALERT_WITHHELD' AND record_id = ?""")
				.param(alert.reference())
				.query(Long.class)
				.single()).isOne();
			// An early-warning reader reads every issued alert.
			mvc.perform(get(link).with(as("panel"))).andExpect(status().isOk());
			// Staff of the same agency in another role: refused.
			mvc.perform(get(link).with(as("naloxone"))).andExpect(status().isForbidden());
		}
		finally {
			dissemination.removeSubscription(subscription);
		}
	}

	@Test
	void anUpdateKeepsEarlierVersionsReadableAndBadReferencesAreNotFound() throws Exception {
		var subscription = dissemination.addProfessional("BHM-TREAT", "FRONTLINE_WORKER", DeliveryChannel.EMAIL, null,
				List.of(BIRMINGHAM), List.of("NITAZENE"), clock.instant());
		try {
			var headline = "Isotonitazene in fake oxycodone " + UUID.randomUUID().toString().substring(0, 8);
			var alert = issueForProfessionals(headline);
			var now = clock.instant();
			alerts.cancel(alert.alertId(), "Laboratory analysis found no nitazene in the tablets.", "coordinator", now);
			alerts.approve(alert.alertId(), staff("panel2"), false, now.plusSeconds(2));
			var cancel = events.stream(AlertIssued.class)
				.filter(e -> e.alertId().equals(alert.alertId()) && e.version() == 2)
				.findFirst()
				.orElseThrow();
			// A cancellation tells its reason, not the old advice, in every channel.
			assertThat(cancel.professionalAdvice())
				.isEqualTo("This alert has been cancelled. Laboratory analysis found no nitazene in the tablets.");
			assertThat(cancel.smsText()).startsWith("CANCELLED: Laboratory analysis found no nitazene in the tablets.");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc
					.sql("SELECT count(*) FROM dissemination.alert_issue WHERE alert_id = ? AND version = 2")
					.param(alert.alertId())
					.query(Long.class)
					.single() == 1);
			mvc.perform(get("/inbox/alerts/" + alert.reference()).with(as("frontline")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Laboratory analysis found no nitazene")))
				.andExpect(content().string(containsString("Earlier versions")))
				.andExpect(content().string(containsString("observe for at least four hours")));
		}
		finally {
			dissemination.removeSubscription(subscription);
		}
		mvc.perform(get("/inbox/alerts/HW-1999-9999").with(as("frontline"))).andExpect(status().isNotFound());
		mvc.perform(get("/inbox/alerts/" + "x".repeat(60)).with(as("frontline"))).andExpect(status().isNotFound());
		mvc.perform(get("/inbox/alerts/%3Cscript%3E").with(as("frontline"))).andExpect(status().is4xxClientError());
	}

}
