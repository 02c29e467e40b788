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
import org.harmwatch.platform.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Merging a duplicate signal into the one that survives: its reports, drug-checking
 * findings, questions and links move; it stays readable, says where it went and leaves
 * lists and counts; later evidence joins the survivor. Refused for itself, a merged
 * signal on either side, a dismissed survivor, a duplicate with a live alert or with the
 * panel, bad ids, and anyone but the coordinator.
 */
@HarmwatchIntegrationTest
class SignalMergeIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	static final String COVENTRY = "E08000026";

	static final String WOLVERHAMPTON = "E08000031";

	static final AtomicInteger SLOTS = new AtomicInteger();

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Autowired
	ReporterQuestionManagement questions;

	@Autowired
	AlertManagement alerts;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	static Instant slot() {
		return Instant.parse("2099-01-01T12:00:00Z").plus(Duration.ofDays(400L * SLOTS.incrementAndGet()));
	}

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	UUID report(String lad, Instant at, String description) {
		var frontline = staff("frontline");
		var draft = new ReportDraft(Channel.STAFF_FORM, SourceType.DRUG_SERVICE, at, null, null, lad,
				List.of(new SubstanceMention("isotonitazene", HowKnown.TEST_STRIP)), null, Set.of(Outcome.OVERDOSE), 1,
				description);
		return earlyWarning.submit(draft,
				new Reporter(frontline.id(), frontline.displayName(), frontline.agencyCode(), frontline.agencyName()),
				at.plus(Duration.ofMinutes(5)));
	}

	UUID signalOf(UUID report) {
		return earlyWarning.signalOf(EvidenceKind.REPORT, report.toString()).orElseThrow();
	}

	UUID drugCheck(String lad, Instant at) {
		var sample = new DangerousSampleFound("S-" + UUID.randomUUID(), "Outreach van", lad, "heroin",
				List.of("isotonitazene"), List.of("nitazene found in heroin"), "FTIR", at);
		return earlyWarning.recordDangerousSample(sample, at);
	}

	ResultActions merge(String who, Object duplicate, Object survivor, String reason) throws Exception {
		var request = post("/early-warning/signals/" + duplicate + "/merge").with(user(staff(who))).with(csrf());
		if (survivor != null) {
			request.param("survivor", survivor.toString());
		}
		if (reason != null) {
			request.param("mergeReason", reason);
		}
		return mvc.perform(request);
	}

	long audited(UUID signal, String action) {
		return jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE record_id = ? AND action = ?")
			.params(signal.toString(), action)
			.query(Long.class)
			.single();
	}

	long listed() {
		return earlyWarning.signals(null, null, 1).total();
	}

	@Test
	void aDuplicateMovesIntoTheSurvivorAndStaysReadable() throws Exception {
		var at = slot();
		// The same nitazene seen in Birmingham (a report and a drug-checking finding)
		// and, eleven minutes later, in Wolverhampton; a third signal in Coventry is
		// linked to the duplicate.
		var survivorReport = report(BIRMINGHAM, at, "Survivor report " + at);
		var survivor = signalOf(survivorReport);
		var duplicateReport = report(WOLVERHAMPTON, at.plus(Duration.ofMinutes(11)), "Duplicate report " + at);
		var duplicate = signalOf(duplicateReport);
		assertThat(drugCheck(WOLVERHAMPTON, at.plus(Duration.ofMinutes(30)))).isEqualTo(duplicate);
		var coventry = drugCheck(COVENTRY, at.plus(Duration.ofHours(2)));
		assertThat(List.of(survivor, duplicate, coventry)).doesNotHaveDuplicates();
		earlyWarning.linkSignals(duplicate, coventry, "Same supplier", "coordinator", at.plus(Duration.ofHours(3)));
		earlyWarning.updateCase(duplicate, CaseStatus.PROBABLE, "coordinator", false, "A note on the duplicate.",
				"coordinator", at.plus(Duration.ofHours(3)));
		var question = questions.ask(duplicate, duplicateReport, "What colour was it?", staff("coordinator"),
				at.plus(Duration.ofHours(3)));
		var survivorCount = earlyWarning.signal(survivor).evidenceCount();
		var duplicateEvidence = earlyWarning.evidence(duplicate);
		assertThat(duplicateEvidence).hasSize(2);
		var listedBefore = listed();

		// The form offers the suggested survivor.
		mvc.perform(get("/early-warning/signals/" + duplicate).with(user(staff("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Merge into another signal")))
			.andExpect(content().string(containsString("name=\"survivor\"")))
			.andExpect(content().string(containsString("value=\"" + survivor + "\"")));

		// Refusals change nothing.
		merge("coordinator", duplicate, duplicate, "Same").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("cannot be merged into itself")))
			.andExpect(content().string(containsString("<title>Error: ")));
		merge("coordinator", duplicate, UUID.randomUUID(), "Same").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose one of the signals listed")));
		merge("coordinator", duplicate, "not-a-signal", "Same").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose one of the signals listed")));
		merge("coordinator", duplicate, survivor + "\u0000", "Same").andExpect(status().isBadRequest());
		merge("coordinator", duplicate, survivor, null).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Say why this signal is a duplicate")));
		merge("coordinator", duplicate, null, "Same").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose the signal that survives")));
		for (var refused : List.of("panel", "frontline", "custody")) {
			merge(refused, duplicate, survivor, "Same").andExpect(status().isForbidden());
		}
		merge("coordinator", UUID.randomUUID(), survivor, "Same").andExpect(status().isNotFound());
		merge("coordinator", "not-a-signal", survivor, "Same").andExpect(status().is4xxClientError());
		assertThat(earlyWarning.mergeOf(duplicate)).isEmpty();
		assertThat(earlyWarning.evidence(duplicate)).hasSize(2);

		// Merged.
		merge("coordinator", duplicate, survivor, "One batch: the same grey powder minutes apart")
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/early-warning/signals/" + survivor + "#merged"));
		assertThat(earlyWarning.mergeOf(duplicate)).hasValueSatisfying(m -> {
			assertThat(m.survivor()).isEqualTo(survivor);
			assertThat(m.mergedBy()).isEqualTo("coordinator");
			assertThat(m.reason()).isEqualTo("One batch: the same grey powder minutes apart");
		});
		assertThat(audited(duplicate, "SIGNALS_MERGED")).isEqualTo(1);
		assertThat(audited(survivor, "SIGNALS_MERGED")).isEqualTo(1);

		// Its report and finding, its question and its link are the survivor's now.
		assertThat(earlyWarning.evidence(survivor)).extracting(SignalView.Evidence::ref)
			.containsAll(duplicateEvidence.stream().map(SignalView.Evidence::ref).toList());
		assertThat(earlyWarning.signal(survivor).evidenceCount()).isEqualTo(survivorCount + 2);
		assertThat(earlyWarning.signal(survivor).lastEvidenceAt()).isEqualTo(at.plus(Duration.ofMinutes(30)));
		assertThat(earlyWarning.evidence(duplicate)).isEmpty();
		assertThat(earlyWarning.movedEvidence(duplicate)).extracting(SignalView.Evidence::ref)
			.containsExactlyElementsOf(duplicateEvidence.stream().map(SignalView.Evidence::ref).toList());
		assertThat(signalOf(duplicateReport)).isEqualTo(survivor);
		assertThat(questions.onSignal(survivor)).extracting(ReporterQuestion::id).containsExactly(question);
		assertThat(earlyWarning.relatedSignals(survivor)).extracting(r -> r.signal().id()).containsExactly(coventry);
		assertThat(earlyWarning.relatedSignals(coventry)).extracting(r -> r.signal().id()).containsExactly(survivor);
		// The duplicate keeps its own notes, leaves lists, counts and suggestions.
		assertThat(earlyWarning.signalCase(duplicate).notes()).extracting(SignalCase.Note::body)
			.containsExactly("A note on the duplicate.");
		assertThat(listed()).isEqualTo(listedBefore - 1);
		assertThat(earlyWarning.suggestedRelatedSignals(coventry)).extracting(SignalView::id).doesNotContain(duplicate);

		// It stays readable and says where it went; nothing can be done to it.
		mvc.perform(get("/early-warning/signals/" + duplicate).with(user(staff("panel"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This signal was merged into")))
			.andExpect(content().string(containsString("href=\"/early-warning/signals/" + survivor + "\"")))
			.andExpect(content().string(containsString("Evidence moved to the surviving signal")))
			.andExpect(content().string(containsString("/early-warning/reports/" + duplicateReport)));
		mvc.perform(get("/early-warning/signals/" + duplicate).with(user(staff("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("name=\"caseStatus\""))))
			.andExpect(content().string(not(containsString("name=\"survivor\""))));
		mvc.perform(get("/early-warning/signals/" + survivor).with(user(staff("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Signals merged into this one")))
			.andExpect(content().string(containsString("href=\"/early-warning/signals/" + duplicate + "\"")));

		// Merging a merged signal, or into one, is refused; so is working on it.
		merge("coordinator", duplicate, survivor, "Again").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already merged into another")));
		merge("coordinator", survivor, duplicate, "Back").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("was itself merged into another")));
		assertThatThrownBy(() -> earlyWarning.decide(duplicate, SignalStatus.VALIDATED, null, "coordinator",
				at.plus(Duration.ofHours(4))))
			.isInstanceOf(InputRejectedException.class);
		mvc.perform(post("/early-warning/signals/" + duplicate + "/case").with(user(staff("coordinator")))
			.with(csrf())
			.param("caseStatus", "CONFIRMED"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("work on the signal it was merged into")));
		assertThatThrownBy(() -> earlyWarning.linkSignals(coventry, duplicate, "x", "coordinator", at))
			.isInstanceOf(InputRejectedException.class);

		// A later report that would have joined the duplicate joins the survivor.
		var later = report(WOLVERHAMPTON, at.plus(Duration.ofHours(5)), "Later report " + at);
		assertThat(signalOf(later)).isEqualTo(survivor);
	}

	@Test
	void aSignalWithALiveAlertSurvivesButIsNeverTheDuplicate() throws Exception {
		var at = slot();
		var alerted = drugCheck(BIRMINGHAM, at);
		earlyWarning.decide(alerted, SignalStatus.VALIDATED, null, "coordinator", at.plusSeconds(60));
		var now = at.plusSeconds(120);
		var alert = alerts.draft(alerted, new AlertDraft(AlertLevel.WARNING, Set.of(Audience.PROFESSIONALS),
				List.of(BIRMINGHAM), List.of("isotonitazene"), "Nitazene in heroin " + UUID.randomUUID(),
				"Heroin with a nitazene in it; people found unresponsive.", null, "Give naloxone early and repeat it.",
				now.plus(Duration.ofDays(14)), now.plus(Duration.ofDays(7)), false, null), "coordinator", now);
		alerts.approve(alert, staff("panel"), true, now);
		alerts.approve(alert, staff("panel2"), true, now);
		var open = drugCheck(COVENTRY, at.plus(Duration.ofHours(1)));
		earlyWarning.linkSignals(open, alerted, "Same batch", "coordinator", at.plus(Duration.ofHours(2)));
		var withPanel = drugCheck(WOLVERHAMPTON, at.plus(Duration.ofHours(1)));
		earlyWarning.decide(withPanel, SignalStatus.VALIDATED, null, "coordinator", at.plus(Duration.ofHours(2)));
		var dismissed = report(WOLVERHAMPTON, at.plus(Duration.ofDays(100)), "Dismissed " + at);
		var dismissedSignal = signalOf(dismissed);
		earlyWarning.decide(dismissedSignal, SignalStatus.DISMISSED, "Not a drug", "coordinator",
				at.plus(Duration.ofDays(100)));

		// The alert's signal cannot be merged away (its alert would be orphaned), nor one
		// with the panel; nothing merges into a dismissed signal.
		merge("coordinator", alerted, open, "Same batch").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("has an alert that is not cancelled")))
			.andExpect(content().string(containsString("merge the other signal into this one instead")));
		merge("coordinator", withPanel, open, "Same batch").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("with the panel or graded")));
		merge("coordinator", open, dismissedSignal, "Same batch").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("was dismissed")));
		assertThat(earlyWarning.mergeOf(alerted)).isEmpty();
		assertThat(earlyWarning.mergeOf(open)).isEmpty();

		// Merged the other way: the alert stays with its signal, which takes the
		// evidence.
		merge("coordinator", open, alerted, "Same batch").andExpect(status().is3xxRedirection());
		assertThat(alerts.alert(alert).signalId()).isEqualTo(alerted);
		assertThat(earlyWarning.evidence(alerted)).hasSize(2);
		mvc.perform(get("/early-warning/signals/" + alerted).with(user(staff("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/early-warning/signals/" + open + "\"")));
	}

}
