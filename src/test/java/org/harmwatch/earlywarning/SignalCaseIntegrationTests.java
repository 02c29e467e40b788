package org.harmwatch.earlywarning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.drugchecking.DangerousSampleFound;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A signal worked as a case: status, owner, laboratory wait and notes from the
 * coordinator, confirmation by a laboratory result filed into it, and the prompt to
 * update an alert issued before that.
 */
@HarmwatchIntegrationTest
class SignalCaseIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	static final AtomicInteger SLOTS = new AtomicInteger();

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Autowired
	AlertManagement alerts;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	static Instant slot() {
		return Instant.parse("2091-01-01T12:00:00Z").plus(Duration.ofDays(400L * SLOTS.incrementAndGet()));
	}

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	UUID drugCheck(Instant at, String analysis) {
		var sample = new DangerousSampleFound("S-" + UUID.randomUUID(), "Digbeth fixed site", BIRMINGHAM, "heroin",
				List.of("heroin", "isotonitazene"), List.of("nitazene found in heroin"), analysis, at);
		return earlyWarning.recordDangerousSample(sample, at);
	}

	UUID drugCheckIn(String lad, Instant at) {
		var sample = new DangerousSampleFound("S-" + UUID.randomUUID(), "Outreach van", lad, "heroin",
				List.of("heroin", "isotonitazene"), List.of("nitazene found in heroin"), "FTIR", at);
		return earlyWarning.recordDangerousSample(sample, at);
	}

	@Test
	void theCoordinatorLinksTheSameNitazeneSeenInTwoDistricts() throws Exception {
		var at = slot();
		var birmingham = drugCheck(at, "FTIR");
		var coventry = drugCheckIn("E08000026", at.plus(Duration.ofHours(5)));
		var later = drugCheckIn("E08000026", at.plus(Duration.ofDays(60)));
		assertThat(coventry).isNotEqualTo(birmingham);
		assertThat(earlyWarning.suggestedRelatedSignals(birmingham)).extracting(SignalView::id)
			.contains(coventry)
			.doesNotContain(birmingham, later);

		// A panel member may read but not link; a missing reason or an unknown signal
		// links nothing.
		mvc.perform(post("/early-warning/signals/" + birmingham + "/links").with(user(staff("panel")))
			.with(csrf())
			.param("related", coventry.toString())
			.param("reason", "Same batch")).andExpect(status().isForbidden());
		mvc.perform(post("/early-warning/signals/" + birmingham + "/links").with(user(staff("coordinator")))
			.with(csrf())
			.param("related", coventry.toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Say why the signals are related")));
		mvc.perform(post("/early-warning/signals/" + birmingham + "/links").with(user(staff("coordinator")))
			.with(csrf())
			.param("related", "not-a-signal")
			.param("reason", "Same batch"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose one of the signals listed")));
		mvc.perform(post("/early-warning/signals/" + birmingham + "/links").with(user(staff("coordinator")))
			.with(csrf())
			.param("related", birmingham.toString())
			.param("reason", "Same batch"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("cannot be linked to itself")));
		assertThat(earlyWarning.relatedSignals(birmingham)).isEmpty();

		mvc.perform(post("/early-warning/signals/" + birmingham + "/links").with(user(staff("coordinator")))
			.with(csrf())
			.param("related", coventry.toString())
			.param("reason", "Same grey powder, same supplier named by both services"))
			.andExpect(status().is3xxRedirection());
		earlyWarning.linkSignals(coventry, birmingham, "again", "coordinator", at.plus(Duration.ofDays(1)));

		// Linked both ways, once, and no longer suggested.
		assertThat(earlyWarning.relatedSignals(coventry)).singleElement().satisfies(r -> {
			assertThat(r.signal().id()).isEqualTo(birmingham);
			assertThat(r.reason()).isEqualTo("Same grey powder, same supplier named by both services");
		});
		assertThat(earlyWarning.relatedSignals(birmingham)).extracting(r -> r.signal().id()).containsExactly(coventry);
		assertThat(earlyWarning.suggestedRelatedSignals(birmingham)).extracting(SignalView::id)
			.doesNotContain(coventry);
		assertThat(audited(birmingham, "SIGNALS_LINKED")).isEqualTo(1);
		mvc.perform(get("/early-warning/signals/" + coventry).with(user(staff("panel"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/early-warning/signals/" + birmingham)))
			.andExpect(content().string(not(containsString("Link the signals"))));
	}

	long audited(UUID signal, String action) {
		return jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE record_id = ? AND action = ?")
			.params(signal.toString(), action)
			.query(Long.class)
			.single();
	}

	@Test
	void theCoordinatorWorksTheCaseAndBadInputChangesNothing() throws Exception {
		var at = slot();
		var signal = drugCheck(at, "FTIR");
		mvc.perform(get("/early-warning/signals/" + signal).with(user(staff("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The case")))
			.andExpect(content().string(containsString("Suspected")))
			.andExpect(content().string(containsString("name=\"caseStatus\"")));

		mvc.perform(post("/early-warning/signals/" + signal + "/case").with(user(staff("coordinator")))
			.with(csrf())
			.param("caseStatus", "PROBABLE")
			.param("owner", "me")
			.param("awaitingLaboratory", "true")
			.param("note", "Sample sent to the laboratory for GC-MS.")).andExpect(status().is3xxRedirection());
		var worked = earlyWarning.signalCase(signal);
		assertThat(worked.status()).isEqualTo(CaseStatus.PROBABLE);
		assertThat(worked.owner()).isEqualTo("coordinator");
		assertThat(worked.awaitingLaboratory()).isTrue();
		assertThat(worked.notes()).extracting(SignalCase.Note::body)
			.containsExactly("Sample sent to the laboratory for GC-MS.");
		assertThat(audited(signal, "SIGNAL_CASE_UPDATED")).isEqualTo(1);

		// Unknown status, a confirmed case still waiting, an overlong note: 422, nothing
		// saved.
		mvc.perform(post("/early-warning/signals/" + signal + "/case").with(user(staff("coordinator")))
			.with(csrf())
			.param("caseStatus", "CERTAIN")
			.param("note", "x".repeat(4_001)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose how sure we are")))
			.andExpect(content().string(containsString("4,000 characters or fewer")))
			.andExpect(content().string(containsString("<title>Error: ")));
		mvc.perform(post("/early-warning/signals/" + signal + "/case").with(user(staff("coordinator")))
			.with(csrf())
			.param("caseStatus", "CONFIRMED")
			.param("awaitingLaboratory", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("does not wait for a laboratory result")));
		assertThat(earlyWarning.signalCase(signal)).isEqualTo(worked);

		// Keeping the owner, giving it up.
		mvc.perform(post("/early-warning/signals/" + signal + "/case").with(user(staff("coordinator")))
			.with(csrf())
			.param("caseStatus", "PROBABLE")
			.param("awaitingLaboratory", "true")).andExpect(status().is3xxRedirection());
		assertThat(earlyWarning.signalCase(signal).owner()).isEqualTo("coordinator");
		mvc.perform(post("/early-warning/signals/" + signal + "/case").with(user(staff("coordinator")))
			.with(csrf())
			.param("caseStatus", "PROBABLE")
			.param("owner", "nobody")).andExpect(status().is3xxRedirection());
		assertThat(earlyWarning.signalCase(signal).owner()).isNull();
		assertThat(earlyWarning.signalCase(signal).awaitingLaboratory()).isFalse();

		// A panel member reads the case but does not work it.
		mvc.perform(post("/early-warning/signals/" + signal + "/case").with(user(staff("panel")))
			.with(csrf())
			.param("caseStatus", "CONFIRMED")).andExpect(status().isForbidden());
		assertThat(earlyWarning.signalCase(signal).status()).isEqualTo(CaseStatus.PROBABLE);
	}

	@Test
	void aLaboratoryResultConfirmsTheCaseOnceAndPromptsAnUpdateOfItsAlert() throws Exception {
		var at = slot();
		var signal = drugCheck(at, "FTIR");
		earlyWarning.updateCase(signal, CaseStatus.PROBABLE, "coordinator", true, null, "coordinator",
				at.plusSeconds(60));
		earlyWarning.decide(signal, SignalStatus.VALIDATED, null, "coordinator", at.plusSeconds(120));
		var now = at.plusSeconds(180);
		var id = alerts.draft(signal, new AlertDraft(AlertLevel.WARNING, Set.of(Audience.PROFESSIONALS),
				List.of(BIRMINGHAM), List.of("isotonitazene"), "Nitazene in heroin " + UUID.randomUUID(),
				"Heroin with a nitazene in it; people found unresponsive.", null, "Give naloxone early and repeat it.",
				now.plus(Duration.ofDays(14)), now.plus(Duration.ofDays(7)), false, null), "coordinator", now);
		alerts.approve(id, staff("panel"), true, now);
		alerts.approve(id, staff("panel2"), true, now);
		assertThat(earlyWarning.signalCase(signal).alertToUpdate()).isFalse();

		// An on-site test strip does not confirm; a GC-MS result filed into the signal
		// does, ends the wait and says which result did.
		var later = now.plusSeconds(60);
		assertThat(drugCheck(later, "fentanyl test strip")).isEqualTo(signal);
		assertThat(earlyWarning.signalCase(signal).status()).isEqualTo(CaseStatus.PROBABLE);
		assertThat(drugCheck(later.plusSeconds(60), "FTIR, GC-MS")).isEqualTo(signal);
		var confirmed = earlyWarning.signalCase(signal);
		assertThat(confirmed.status()).isEqualTo(CaseStatus.CONFIRMED);
		assertThat(confirmed.awaitingLaboratory()).isFalse();
		assertThat(confirmed.confirmedBy()).startsWith("laboratory result S-").contains("GC-MS");
		assertThat(confirmed.owner()).isEqualTo("coordinator");
		assertThat(confirmed.notes()).extracting(SignalCase.Note::author).containsExactly("laboratory");
		assertThat(confirmed.alertToUpdate()).isTrue();
		assertThat(audited(signal, "SIGNAL_CONFIRMED_BY_LABORATORY")).isEqualTo(1);
		// The coordinator's work queue and the filtered signal list find it.
		assertThat(earlyWarning.signals(null, null, true, 1).signals()).extracting(SignalView::id).contains(signal);
		mvc.perform(get("/").with(user(staff("coordinator"))))
			.andExpect(content().string(containsString("Alerts to update: confirmed by a laboratory")));
		mvc.perform(get("/early-warning/signals").param("alertToUpdate", "true").with(user(staff("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/early-warning/signals/" + signal)));

		// A second laboratory result changes nothing more.
		drugCheck(later.plusSeconds(120), "LC-MS");
		assertThat(earlyWarning.signalCase(signal)).isEqualTo(confirmed);
		mvc.perform(get("/early-warning/signals/" + signal).with(user(staff("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Confirmed by laboratory")))
			.andExpect(content().string(containsString("update the alert to say so")));

		// The update issued, nothing is left to update.
		var update = alerts.update(id,
				new AlertDraft(AlertLevel.WARNING, Set.of(Audience.PROFESSIONALS), List.of(BIRMINGHAM),
						List.of("isotonitazene"), "Confirmed: nitazene in heroin " + UUID.randomUUID(),
						"Laboratory confirmed isotonitazene in heroin.", null, "Give naloxone early and repeat it.",
						now.plus(Duration.ofDays(14)), now.plus(Duration.ofDays(7)), false, "Laboratory confirmation."),
				"coordinator", later.plusSeconds(300));
		alerts.approve(id, staff("panel"), true, later.plusSeconds(360));
		alerts.approve(id, staff("panel2"), true, later.plusSeconds(420));
		assertThat(update).isNotNull();
		assertThat(earlyWarning.signalCase(signal).alertToUpdate()).isFalse();
		assertThat(earlyWarning.signals(null, null, true, 1).signals()).extracting(SignalView::id)
			.doesNotContain(signal);
		mvc.perform(get("/early-warning/signals/" + signal).with(user(staff("coordinator"))))
			.andExpect(content().string(not(containsString("update the alert to say so"))));
	}

}
