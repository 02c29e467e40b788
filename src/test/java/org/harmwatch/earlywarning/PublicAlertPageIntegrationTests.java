package org.harmwatch.earlywarning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.RegionSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public alert page as anonymous readers get it: the poster and briefing of a public
 * alert (and of nothing else), what an update changed, and the archive of cancelled and
 * expired alerts.
 */
@HarmwatchIntegrationTest
class PublicAlertPageIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	static final String COVENTRY = "E08000026";

	@Autowired
	AlertManagement alerts;

	@Autowired
	PanelManagement panel;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	RegionSettings region;

	Instant now() {
		return clock.instant();
	}

	static String unique(String text) {
		return text + " " + Long.toString(System.nanoTime(), 36);
	}

	HarmwatchUser user(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	UUID graded(PanelOutcome outcome) {
		var id = AlertTestSignals.signal(jdbc, BIRMINGHAM, "Birmingham", "fentanyl", "HIGH_POTENCY_SYNTHETIC_OPIOID",
				SignalStatus.VALIDATED, now().minus(Duration.ofHours(3)));
		AlertTestSignals.grade(panel, id, outcome, now().minus(Duration.ofHours(1)));
		return id;
	}

	AlertView issue(String headline, Set<Audience> audiences) {
		var outcome = audiences.contains(Audience.PUBLIC) ? PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC
				: PanelOutcome.ALERT_PROFESSIONALS;
		var draft = new AlertDraft(AlertLevel.WARNING, audiences, List.of(BIRMINGHAM, COVENTRY),
				List.of("heroin", "fentanyl"), headline,
				"Grey-brown powder sold as heroin; people found unresponsive within minutes.",
				"Do not use alone. Start with a small amount.",
				"Expect profound respiratory depression; consider fentanyl in any heroin overdose.",
				now().plus(Duration.ofDays(14)), now().plus(Duration.ofDays(7)), false, null);
		var id = alerts.draft(graded(outcome), draft, "coordinator", now());
		return alerts.approve(id, user("panel"), true, now());
	}

	String pdfText(String path) throws Exception {
		var bytes = mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var pdf = Loader.loadPDF(bytes)) {
			assertThat(pdf.getNumberOfPages()).as(path).isEqualTo(1);
			return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
		}
	}

	@Test
	void anonymousReadersGetThePosterAndBriefingOfAPublicAlertWithTheIssuerDateAndHelpline() throws Exception {
		var headline = unique("Fentanyl in heroin, poster");
		var alert = issue(headline, Set.of(Audience.PROFESSIONALS, Audience.PUBLIC));
		var approver = alert.current().approvals().getFirst().approverName();

		mvc.perform(get("/alerts/" + alert.reference()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/alerts/" + alert.reference() + "/poster.pdf")))
			.andExpect(content().string(containsString("/alerts/" + alert.reference() + "/briefing.pdf")))
			// the advice at body size, not in the small scrolling monospace box
			.andExpect(content().string(containsString("govuk-body hw-pre-wrap")))
			.andExpect(content().string(not(containsString("hw-pre\""))));

		var poster = pdfText("/alerts/" + alert.reference() + "/poster.pdf");
		assertThat(poster).contains(headline)
			.contains("Issued by West Midlands Drugs Early Warning (test)")
			.contains("Helpline: FRANK: 0300 123 6600")
			.contains("Scan for the latest version")
			.contains(region.url("/alerts/" + alert.reference()))
			.containsPattern("Issued \\d{1,2} [A-Z][a-z]+ 20\\d\\d, \\d\\d:\\d\\d");

		var briefing = pdfText("/alerts/" + alert.reference() + "/briefing.pdf");
		assertThat(briefing).contains(headline)
			.contains("West Midlands Drugs Early Warning (test)")
			.contains("Expect profound respiratory depression")
			.contains(region.url("/alerts/" + alert.reference()))
			// staff names stay with staff
			.doesNotContain(approver);
	}

	@Test
	void aProfessionalsOnlyAlertHasNoPublicPosterOrBriefing() throws Exception {
		var alert = issue(unique("Professionals only"), Set.of(Audience.PROFESSIONALS));
		for (var path : List.of("/alerts/" + alert.reference(), "/alerts/" + alert.reference() + "/poster.pdf",
				"/alerts/" + alert.reference() + "/briefing.pdf", "/alerts/HW-1999-9999/poster.pdf",
				"/alerts/not-a-reference/briefing.pdf")) {
			mvc.perform(get(path)).andExpect(status().isNotFound());
		}
	}

	@Test
	void anUpdateSaysWhatChangedSinceTheVersionBefore() throws Exception {
		var alert = issue(unique("Fentanyl in heroin, update"), Set.of(Audience.PROFESSIONALS, Audience.PUBLIC));
		mvc.perform(get("/alerts/" + alert.reference()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("What has changed"))));

		var update = new AlertDraft(AlertLevel.CRITICAL, Set.of(Audience.PROFESSIONALS, Audience.PUBLIC),
				List.of(BIRMINGHAM), List.of("fentanyl"), alert.headline() + " - two deaths",
				"Grey-brown powder sold as heroin; people found unresponsive within minutes.",
				"Call 999 at once if someone is unresponsive, and give naloxone.",
				"Expect profound respiratory depression; consider fentanyl in any heroin overdose.",
				now().plus(Duration.ofDays(10)), now().plus(Duration.ofDays(3)), false,
				"Two deaths linked to the batch.");
		alerts.update(alert.id(), update, "coordinator", now());
		var updated = alerts.approve(alert.id(), user("panel"), true, now().plusSeconds(2));
		assertThat(updated.version()).isEqualTo(2);
		var coventry = alert.current()
			.areas()
			.stream()
			.filter(a -> a.code().equals(COVENTRY))
			.findFirst()
			.orElseThrow();
		var heroin = alert.current()
			.substances()
			.stream()
			.filter(s -> s.code().equals("heroin"))
			.findFirst()
			.orElseThrow();

		mvc.perform(get("/alerts/" + alert.reference()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("What has changed")))
			.andExpect(content().string(containsString("Since version 1 of this alert:")))
			.andExpect(content().string(containsString("The level has changed from Warning to Critical.")))
			.andExpect(content().string(containsString("No longer in: " + coventry.name() + ".")))
			.andExpect(content().string(containsString("No longer about: " + heroin.name() + ".")))
			.andExpect(content().string(containsString("The advice on what to do has changed.")))
			.andExpect(content().string(not(containsString("What to look out for has changed."))))
			.andExpect(content().string(not(containsString("The advice for professionals has changed."))))
			.andExpect(content().string(containsString("Why: Two deaths linked to the batch.")));
	}

	@Test
	void cancelledAndExpiredPublicAlertsStayInTheArchiveNewestFirst() throws Exception {
		var expired = issue(unique("Expired batch"), Set.of(Audience.PROFESSIONALS, Audience.PUBLIC));
		var cancelled = issue(unique("Cancelled batch"), Set.of(Audience.PROFESSIONALS, Audience.PUBLIC));
		var current = issue(unique("Current batch"), Set.of(Audience.PROFESSIONALS, Audience.PUBLIC));
		var professional = issue(unique("Professional batch"), Set.of(Audience.PROFESSIONALS));
		alerts.cancel(cancelled.id(), "The batch has been seized.", "coordinator", now().plusSeconds(3));
		alerts.approve(cancelled.id(), user("panel2"), true, now().plusSeconds(4));
		alerts.cancel(professional.id(), "Seized too.", "coordinator", now().plusSeconds(3));
		alerts.approve(professional.id(), user("panel2"), true, now().plusSeconds(4));
		// the clock cannot be wound on in a shared context: the expired alert's time runs
		// out
		jdbc.sql("UPDATE earlywarning.alert SET expires_at = ? WHERE id = ?")
			.param(java.sql.Timestamp.from(now().minusSeconds(60)))
			.param(expired.id())
			.update();

		mvc.perform(get("/alerts"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(current.headline())))
			.andExpect(content().string(not(containsString(cancelled.headline()))))
			.andExpect(content().string(not(containsString(expired.headline()))))
			.andExpect(content().string(containsString("/alerts/archive")));

		var archive = mvc.perform(get("/alerts/archive"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(archive).contains(cancelled.headline(), cancelled.reference(), "Cancelled")
			.contains(expired.headline(), "Expired ")
			.doesNotContain(current.headline())
			.doesNotContain(professional.headline());
		// newest first: the cancellation was issued after the expired alert
		assertThat(archive.indexOf(cancelled.headline())).isLessThan(archive.indexOf(expired.headline()));
		// the archived alert's own page stays
		mvc.perform(get("/alerts/" + cancelled.reference()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This alert has been cancelled.")));

		mvc.perform(get("/alerts/archive?page=999")).andExpect(status().isOk());
		mvc.perform(get("/alerts/archive?page=two")).andExpect(status().isBadRequest());
	}

}
