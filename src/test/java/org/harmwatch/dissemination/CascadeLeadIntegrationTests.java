package org.harmwatch.dissemination;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.TestMessaging;
import org.harmwatch.dissemination.internal.DeliverySender;
import org.harmwatch.dissemination.internal.Escalation;
import org.harmwatch.dissemination.internal.Fanout;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harmwatch.dissemination.DisseminationIntegrationTests.alert;
import static org.harmwatch.dissemination.DisseminationIntegrationTests.mailAbout;
import static org.harmwatch.dissemination.DisseminationIntegrationTests.text;
import static org.harmwatch.dissemination.DisseminationIntegrationTests.token;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Cascade leads (issue 13, item 3, the LDIS model): an agency's named lead has every
 * alert to professionals whatever the subscriptions, and it counts in the reach shown
 * before approval; unacknowledged, it goes to the deputy, and only when neither has
 * acknowledged is the out-of-hours lead told; once either acknowledges, nothing more is
 * escalated. The leads are removed after each test, so other tests' alerts do not reach
 * them.
 */
@HarmwatchIntegrationTest
class CascadeLeadIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	static final String DEPUTY_EMAIL = "navigator@demo.harmwatch.test";

	@Autowired
	CascadeManagement cascade;

	@Autowired
	DisseminationManagement dissemination;

	@Autowired
	Fanout fanout;

	@Autowired
	DeliverySender sender;

	@Autowired
	Escalation escalation;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	@AfterEach
	void removeLeads() {
		cascade.remove("WMP");
	}

	@Test
	void theLeadHasEveryAlertToProfessionalsThenTheDeputyThenTheOutOfHoursLead() throws Exception {
		var lead = staff("custody");
		var deputy = staff("navigator");
		var coordinator = staff("coordinator");
		mvc.perform(post("/dissemination/cascade-leads").with(user(coordinator))
			.with(csrf())
			.param("agencyCode", "WMP")
			.param("lead", lead.id().toString())
			.param("deputy", deputy.id().toString())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/dissemination/cascade-leads").with(user(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(lead.displayName())))
			.andExpect(content().string(containsString(deputy.displayName())));
		assertThat(jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE action = 'CASCADE_LEADS_VIEWED'")
			.query(Long.class)
			.single()).as("reading the list of named staff is audited").isPositive();

		// the lead counts in the reach shown before approval, with no subscription at all
		assertThat(dissemination.reach(Set.of(Audience.PROFESSIONALS), false, List.of(BIRMINGHAM), List.of("OPIOID")))
			.containsKey("PROFESSIONALS:EMAIL");

		var base = Instant.parse("2032-01-01T00:00:00Z")
			.plus(new java.util.Random().nextInt(100_000), ChronoUnit.MINUTES);
		var ignored = alert(Set.of(Audience.PROFESSIONALS), false, List.of(BIRMINGHAM), List.of("OPIOID"));
		var answered = alert(Set.of(Audience.PROFESSIONALS), false, List.of(BIRMINGHAM), List.of("OPIOID"));
		for (var alert : List.of(ignored, answered)) {
			fanout.fanOut(alert, base);
			fanout.fanOut(alert, base);
			sender.sendDue(base, alert.alertId(), -1);
		}
		var leadEmail = "custody@demo.harmwatch.test";
		assertThat(mailAbout(leadEmail, ignored.alertId())).hasSize(1);
		assertThat(mailAbout(DEPUTY_EMAIL, ignored.alertId())).isEmpty();

		// not yet due
		escalation.run(base.plus(Duration.ofMinutes(59)));
		assertThat(mailAbout(DEPUTY_EMAIL, ignored.alertId())).isEmpty();

		// the lead acknowledges one alert; the other goes to the deputy
		var ackToken = token(text(mailAbout(leadEmail, answered.alertId()).getFirst()), "/acknowledge/");
		dissemination.acknowledge(ackToken, base.plus(Duration.ofMinutes(30)));
		var due = base.plus(Duration.ofMinutes(61));
		escalation.run(due);
		sender.sendDue(due, ignored.alertId(), -1);
		sender.sendDue(due, answered.alertId(), -1);
		assertThat(mailAbout(DEPUTY_EMAIL, ignored.alertId())).hasSize(1);
		assertThat(mailAbout(DEPUTY_EMAIL, answered.alertId())).isEmpty();
		assertThat(outOfHoursAbout(ignored.reference())).isZero();

		// the deputy does not acknowledge either: the out-of-hours lead is told, once
		var later = due.plus(Duration.ofMinutes(61));
		escalation.run(later);
		escalation.run(later.plus(Duration.ofHours(3)));
		assertThat(outOfHoursAbout(ignored.reference())).isEqualTo(1);
		assertThat(outOfHoursAbout(answered.reference())).isZero();

		// the delivery log shows who had it for the agency, and who acknowledged
		mvc.perform(get("/dissemination/alerts/{id}", ignored.alertId()).with(user(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"cascade\"")))
			.andExpect(content().string(containsString(deputy.displayName())));
		var statuses = cascade.status(answered.alertId());
		assertThat(statuses).singleElement().satisfies(s -> {
			assertThat(s.deputy()).isFalse();
			assertThat(s.acknowledgedAt()).isNotNull();
			assertThat(s.escalatedAt()).isNull();
		});
	}

	@Test
	void onceTheDeputyAcknowledgesNothingMoreIsEscalated() throws Exception {
		var lead = staff("custody");
		var deputy = staff("navigator");
		cascade.name("WMP", lead.id(), deputy.id(), "test", Instant.now());
		var base = Instant.parse("2033-01-01T00:00:00Z")
			.plus(new java.util.Random().nextInt(100_000), ChronoUnit.MINUTES);
		var alert = alert(Set.of(Audience.PROFESSIONALS), false, List.of(BIRMINGHAM), List.of("OPIOID"));
		fanout.fanOut(alert, base);
		sender.sendDue(base, alert.alertId(), -1);
		var due = base.plus(Duration.ofMinutes(61));
		escalation.run(due);
		sender.sendDue(due, alert.alertId(), -1);
		var ackToken = token(text(mailAbout(DEPUTY_EMAIL, alert.alertId()).getFirst()), "/acknowledge/");
		dissemination.acknowledge(ackToken, due.plus(Duration.ofMinutes(5)));
		escalation.run(due.plus(Duration.ofHours(4)));
		assertThat(outOfHoursAbout(alert.reference())).isZero();
	}

	@Test
	void theLeadAndDeputyAreTwoPeopleOfTheAgency() throws Exception {
		var coordinator = staff("coordinator");
		var lead = staff("custody");
		mvc.perform(post("/dissemination/cascade-leads").with(user(coordinator))
			.with(csrf())
			.param("agencyCode", "WMP")
			.param("lead", lead.id().toString())
			.param("deputy", lead.id().toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("someone other than the lead")));
		mvc.perform(post("/dissemination/cascade-leads").with(user(coordinator))
			.with(csrf())
			.param("agencyCode", "WMP")
			.param("lead", coordinator.id().toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a member of the agency&#39;s staff as the lead")));
		mvc.perform(post("/dissemination/cascade-leads").with(user(coordinator))
			.with(csrf())
			.param("agencyCode", "WMP")
			.param("lead", "not-an-id\u0000")).andExpect(status().is4xxClientError());
		assertThat(cascade.leads()).noneMatch(l -> l.agencyCode().equals("WMP"));
		mvc.perform(post("/dissemination/cascade-leads").with(user(staff("custody")))
			.with(csrf())
			.param("agencyCode", "WMP")
			.param("lead", lead.id().toString())).andExpect(status().isForbidden());
	}

	long outOfHoursAbout(String reference) {
		return TestMessaging.mailTo("ooh-lead@harmwatch.test").stream().filter(m -> {
			try {
				return text(m).contains(reference);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
	}

}
