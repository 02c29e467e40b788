package org.harmwatch.dissemination;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.TestMessaging;
import org.harmwatch.earlywarning.GradingOverdue;
import org.harmwatch.earlywarning.GradingReminderDue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The panel's reminders reach the members who have not graded, and the escalation reaches
 * the out-of-hours lead, by email through the real SMTP server; an unknown member is
 * skipped without stopping the others.
 */
@HarmwatchIntegrationTest
class PanelNoticesIntegrationTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	static List<MimeMessage> about(String address, UUID signal) {
		return TestMessaging.mailTo(address)
			.stream()
			.filter(m -> GreenMailUtil.getBody(m).contains(signal.toString()))
			.toList();
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void remindersGoToTheMembersNamedAndTheEscalationToTheLead() {
		var signal = UUID.randomUUID();
		var deadline = Instant.parse("2026-11-23T16:00:00Z");

		transactions.executeWithoutResult(status -> events
			.publishEvent(new GradingReminderDue(signal, List.of("panel", "nobody-by-this-name", "panel2"), deadline)));

		// Listeners run after the commit (possibly on another thread): wait for the mail
		// server to have it.
		await().atMost(Duration.ofSeconds(20)).until(() -> about("panel2@demo.harmwatch.test", signal).size() == 1);
		assertThat(about("panel@demo.harmwatch.test", signal)).singleElement()
			.satisfies(m -> assertThat(subject(m)).isEqualTo("Reminder: a signal is waiting for your grade"))
			.satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("/early-warning/signals/" + signal + "/grade")
				.contains("23 November 2026, 16:00"));
		assertThat(about("panel2@demo.harmwatch.test", signal)).hasSize(1);
		assertThat(about("coordinator@demo.harmwatch.test", signal)).isEmpty();

		transactions.executeWithoutResult(
				status -> events.publishEvent(new GradingOverdue(signal, "coordinator", deadline, 1, 2)));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> about("coordinator@demo.harmwatch.test", signal).size() == 1);
		assertThat(about("coordinator@demo.harmwatch.test", signal)).singleElement()
			.satisfies(m -> assertThat(subject(m)).isEqualTo("Escalation: panel grading is overdue"))
			.satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("1 of 2 grades needed")
				.contains("/early-warning/signals/" + signal + "/panel"));
	}

}
