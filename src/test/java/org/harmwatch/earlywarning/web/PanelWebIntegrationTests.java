package org.harmwatch.earlywarning.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceKind;
import org.harmwatch.earlywarning.HowKnown;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.PanelManagement;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.ReportDraft;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.SubstanceMention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The panel's pages and API: who may grade, bad input refused with nothing changed, the
 * quorum before the outcome.
 */
@HarmwatchIntegrationTest
class PanelWebIntegrationTests {

	static final AtomicInteger SLOTS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Autowired
	PanelManagement panel;

	@Autowired
	java.time.Clock clock;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	/**
	 * A validated urgent signal (fentanyl new to Walsall) in a stretch of time no other
	 * test uses.
	 */
	UUID validatedSignal() {
		var t = Instant.parse("2150-01-01T12:00:00Z").plus(Duration.ofDays(400L * SLOTS.incrementAndGet()));
		var draft = new ReportDraft(Channel.STAFF_FORM, SourceType.AMBULANCE, t, null, null, "E08000030",
				java.util.List.of(new SubstanceMention("fentanyl", HowKnown.LAB)), null, Set.of(Outcome.OVERDOSE), 1,
				null);
		var report = earlyWarning.submit(draft, null, t.plus(Duration.ofMinutes(5)));
		var signal = earlyWarning.signalOf(EvidenceKind.REPORT, report.toString()).orElseThrow();
		earlyWarning.decide(signal, SignalStatus.VALIDATED, null, "coordinator", t.plus(Duration.ofMinutes(10)));
		return signal;
	}

	@Test
	void panelMembersGradeThroughThePhoneFormAndTheCoordinatorRecordsTheOutcome() throws Exception {
		var signal = validatedSignal();
		mvc.perform(get("/early-warning/panel").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/early-warning/signals/" + signal + "/grade")));
		mvc.perform(get("/early-warning/signals/" + signal + "/grade").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("What the grading matrix suggests")))
			.andExpect(content().string(containsString("A – confirmed by laboratory analysis")));
		mvc.perform(post("/early-warning/signals/" + signal + "/grade").with(as("panel"))
			.with(csrf())
			.param("strength", "A")
			.param("harm", "SEVERE")
			.param("recommendation", "ALERT_PROFESSIONALS_AND_PUBLIC")
			.param("rationale", "Lab-confirmed fentanyl"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/early-warning/panel"));

		// One grade: the outcome form explains the quorum and records nothing.
		mvc.perform(post("/early-warning/signals/" + signal + "/outcome").with(as("coordinator"))
			.with(csrf())
			.param("outcome", "ALERT_PROFESSIONALS")
			.param("rationale", "Too soon"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#outcome\"")))
			.andExpect(content().string(containsString("The panel needs 2 grades before the outcome can be recorded")));
		assertThat(earlyWarning.signal(signal).status()).isEqualTo(SignalStatus.VALIDATED);

		mvc.perform(post("/api/early-warning/signals/" + signal + "/grades").with(as("panel2"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"strength": "B", "harm": "HIGH", "recommendation": "ALERT_PROFESSIONALS", "rationale": "Agree"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.username").value("panel2"))
			.andExpect(jsonPath("$.recommendation").value("ALERT_PROFESSIONALS"));
		mvc.perform(get("/api/early-warning/signals/" + signal + "/panel").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.quorumReached").value(true))
			.andExpect(jsonPath("$.defaultOutcome").value("ALERT_PROFESSIONALS_AND_PUBLIC"));
		mvc.perform(get("/early-warning/signals/" + signal + "/panel").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Record the panel&#39;s outcome")))
			.andExpect(content().string(containsString("Lab-confirmed fentanyl")));
		mvc.perform(get("/early-warning/signals/" + signal + "/panel").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Record the panel&#39;s outcome"))));

		mvc.perform(post("/early-warning/signals/" + signal + "/outcome").with(as("coordinator"))
			.with(csrf())
			.param("outcome", "ALERT_PROFESSIONALS_AND_PUBLIC")
			.param("rationale", "Confirmed, severe"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/early-warning/signals/" + signal + "/panel"));
		var graded = earlyWarning.signal(signal);
		assertThat(graded.status()).isEqualTo(SignalStatus.GRADED);
		assertThat(graded.outcome()).isEqualTo(PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC);
		assertThat(graded.outcomeRationale()).isEqualTo("Confirmed, severe");
		assertThat(graded.gradedAt()).isNotNull();
		mvc.perform(get("/early-warning/signals/" + signal).with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/early-warning/signals/" + signal + "/panel")))
			.andExpect(content().string(containsString("/early-warning/signals/" + signal + "/corroboration")));
		mvc.perform(get("/early-warning/signals/" + signal + "/corroboration").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Drug-checking findings")));
	}

	@Test
	void pagesShowOverdueAndEscalatedGrading() throws Exception {
		var now = clock.instant();
		var draft = new ReportDraft(Channel.STAFF_FORM, SourceType.AMBULANCE, now.minus(Duration.ofHours(6)), null,
				null, "E08000027", java.util.List.of(new SubstanceMention("flubromazolam", HowKnown.LAB)), null,
				Set.of(Outcome.OVERDOSE), 1, "Overdue panel web test " + UUID.randomUUID());
		var report = earlyWarning.submit(draft, null, now.minus(Duration.ofHours(6)));
		var signal = earlyWarning.signalOf(EvidenceKind.REPORT, report.toString()).orElseThrow();
		earlyWarning.decide(signal, SignalStatus.VALIDATED, null, "coordinator", now.minus(Duration.ofHours(5)));
		assertThat(panel.chase(now).escalations()).anyMatch(e -> e.signalId().equals(signal));

		mvc.perform(get("/early-warning/signals/" + signal + "/panel").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Overdue by")))
			.andExpect(content().string(containsString("To coordinator on")))
			.andExpect(content().string(containsString("The outcome can be recorded once 2 members have graded.")));
		mvc.perform(get("/early-warning/panel").with(as("panel2")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Escalated to coordinator")));
	}

	@Test
	void badInputIsAClear4xxAndChangesNothing() throws Exception {
		var signal = validatedSignal();
		mvc.perform(post("/api/early-warning/signals/" + signal + "/grades").with(as("panel"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"strength": "Z", "harm": "HIGH", "rationale": " "}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("strength: Must be one of [A, B, C, D].")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("strength")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("recommendation")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("rationale")));
		mvc.perform(post("/api/early-warning/signals/" + signal + "/grades").with(as("panel"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{not json")).andExpect(status().isBadRequest());
		mvc.perform(post("/early-warning/signals/" + signal + "/grade").with(as("panel"))
			.with(csrf())
			.param("strength", "A"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#harm\"")))
			.andExpect(content().string(containsString("href=\"#rationale\"")));
		mvc.perform(post("/api/early-warning/signals/" + UUID.randomUUID() + "/grades").with(as("panel"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"strength": "A", "harm": "HIGH", "recommendation": "MONITOR", "rationale": "x"}"""))
			.andExpect(status().isNotFound());
		assertThat(panel.grades(signal)).isEmpty();
	}

	@Test
	void staffWithoutApproveCannotGrade() throws Exception {
		var signal = validatedSignal();
		var body = """
				{"strength": "A", "harm": "HIGH", "recommendation": "MONITOR", "rationale": "Not mine to grade"}""";
		mvc.perform(post("/api/early-warning/signals/" + signal + "/grades").with(as("frontline"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		mvc.perform(get("/early-warning/panel").with(as("frontline"))).andExpect(status().isForbidden());
		mvc.perform(post("/early-warning/signals/" + signal + "/outcome").with(as("panel"))
			.with(csrf())
			.param("outcome", "MONITOR")
			.param("rationale", "Members do not record the outcome")).andExpect(status().isForbidden());
		assertThat(panel.grades(signal)).isEmpty();
		assertThat(earlyWarning.signal(signal).status()).isEqualTo(SignalStatus.VALIDATED);
	}

}
