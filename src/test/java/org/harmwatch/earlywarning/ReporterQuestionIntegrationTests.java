package org.harmwatch.earlywarning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.TestMessaging;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Ask the reporter": the coordinator asks the agency that sent a report in a signal; the
 * agency's staff who report are e-mailed a link, see it on their home page, read it with
 * their report and answer; the answer shows on the signal. An anonymous report has no one
 * to ask, and no other agency, police user or panel member reads or answers it.
 */
@HarmwatchIntegrationTest
class ReporterQuestionIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	static final AtomicInteger SLOTS = new AtomicInteger();

	@Autowired
	EarlyWarningManagement earlyWarning;

	@Autowired
	ReporterQuestionManagement questions;

	@Autowired
	AgencyManagement agencies;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	static Instant slot() {
		return Instant.parse("2097-01-01T12:00:00Z").plus(Duration.ofDays(400L * SLOTS.incrementAndGet()));
	}

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	UUID report(Instant at, HarmwatchUser reporter, String description) {
		var draft = new ReportDraft(Channel.STAFF_FORM, SourceType.DRUG_SERVICE, at, null, null, BIRMINGHAM,
				List.of(new SubstanceMention("isotonitazene", HowKnown.TEST_STRIP)), null, Set.of(Outcome.OVERDOSE), 1,
				description);
		var who = reporter == null ? null
				: new Reporter(reporter.id(), reporter.displayName(), reporter.agencyCode(), reporter.agencyName());
		return earlyWarning.submit(draft, who, at.plus(Duration.ofHours(1)));
	}

	UUID signalOf(UUID report) {
		return earlyWarning.signalOf(EvidenceKind.REPORT, report.toString()).orElseThrow();
	}

	long audited(UUID record, String action, String outcome) {
		return jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE record_id = ? AND action = ? AND outcome = ?")
			.params(record.toString(), action, outcome)
			.query(Long.class)
			.single();
	}

	long waitingOnHome(String username) throws Exception {
		var home = mvc.perform(get("/").with(user(staff(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var line = java.util.regex.Pattern
			.compile("data-queue-item=\"earlywarning.home.queue.questions\">(.*?)</div>",
					java.util.regex.Pattern.DOTALL)
			.matcher(home);
		assertThat(line.find()).as("the questions line on %s's home page", username).isTrue();
		var count = java.util.regex.Pattern.compile("hw-queue__count\">([\\d,]+)<").matcher(line.group(1));
		return count.find() ? Long.parseLong(count.group(1).replace(",", "")) : 0;
	}

	@Test
	void theCoordinatorAsksTheReportingAgencyAndItsAnswerComesBackOntoTheSignal() throws Exception {
		var at = slot();
		var frontline = staff("frontline");
		var staffReport = report(at, frontline, "Man found blue after smoking heroin behind the library " + at);
		var anonymous = report(at.plus(Duration.ofHours(1)), null, "Friend collapsed");
		var signal = signalOf(staffReport);
		assertThat(signalOf(anonymous)).isEqualTo(signal);
		var questionsBefore = waitingOnHome("frontline");

		// The coordinator sees who can be asked: the anonymous report is not offered.
		mvc.perform(get("/early-warning/signals/" + signal).with(user(staff("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Questions to reporters")))
			.andExpect(content().string(containsString("sent anonymously by a member of the public")))
			.andExpect(content().string(containsString("value=\"" + staffReport + "\"")))
			.andExpect(content().string(not(containsString("value=\"" + anonymous + "\""))));

		// Refusals change nothing: the anonymous report, a report of another signal, a
		// NUL, no question, a panel member, a frontline worker, a police user.
		mvc.perform(post("/early-warning/signals/" + signal + "/questions").with(user(staff("coordinator")))
			.with(csrf())
			.param("report", anonymous.toString())
			.param("question", "Who was it?"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("no one can be asked about it")))
			.andExpect(content().string(containsString("<title>Error: ")));
		mvc.perform(post("/early-warning/signals/" + signal + "/questions").with(user(staff("coordinator")))
			.with(csrf())
			.param("report", UUID.randomUUID().toString())
			.param("question", "Was it brown?"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose one of the reports listed")));
		mvc.perform(post("/early-warning/signals/" + signal + "/questions").with(user(staff("coordinator")))
			.with(csrf())
			.param("report", "not-a-report")
			.param("question", "Was it brown?"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose one of the reports listed")));
		mvc.perform(post("/early-warning/signals/" + signal + "/questions").with(user(staff("coordinator")))
			.with(csrf())
			.param("report", staffReport + "\u0000")
			.param("question", "Was it brown?")).andExpect(status().isBadRequest());
		mvc.perform(post("/early-warning/signals/" + signal + "/questions").with(user(staff("coordinator")))
			.with(csrf())
			.param("report", staffReport.toString())
			.param("question", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Write the question")));
		mvc.perform(post("/early-warning/signals/" + signal + "/questions").with(user(staff("coordinator")))
			.with(csrf())
			.param("report", staffReport.toString())
			.param("question", "x".repeat(2_001)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("2,000 characters or fewer")));
		for (var refused : List.of("panel", "frontline", "custody")) {
			mvc.perform(post("/early-warning/signals/" + signal + "/questions").with(user(staff(refused)))
				.with(csrf())
				.param("report", staffReport.toString())
				.param("question", "Was it brown?")).andExpect(status().isForbidden());
		}
		mvc.perform(post("/early-warning/signals/" + UUID.randomUUID() + "/questions").with(user(staff("coordinator")))
			.with(csrf())
			.param("report", staffReport.toString())
			.param("question", "Was it brown?")).andExpect(status().isNotFound());
		mvc.perform(post("/early-warning/signals/not-a-signal/questions").with(user(staff("coordinator")))
			.with(csrf())
			.param("report", staffReport.toString())
			.param("question", "Was it brown?")).andExpect(status().is4xxClientError());
		assertThat(questions.onSignal(signal)).isEmpty();

		// Asked: stored, audited, and the agency's reporters are e-mailed a link only.
		var text = "Was the heroin brown or grey, and where was it bought? " + at;
		mvc.perform(post("/early-warning/signals/" + signal + "/questions").with(user(staff("coordinator")))
			.with(csrf())
			.param("report", staffReport.toString())
			.param("question", text)).andExpect(status().is3xxRedirection());
		var asked = questions.onSignal(signal);
		assertThat(asked).singleElement().satisfies(q -> {
			assertThat(q.agencyCode()).isEqualTo(frontline.agencyCode());
			assertThat(q.question()).isEqualTo(text);
			assertThat(q.answered()).isFalse();
		});
		var question = asked.getFirst().id();
		assertThat(audited(question, "REPORTER_QUESTION_ASKED", "ALLOWED")).isEqualTo(1);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TestMessaging.mailTo("frontline@demo.harmwatch.test")
				.stream()
				.anyMatch(m -> GreenMailUtil.getBody(m).replace("=\r\n", "").contains(question.toString())));
		assertThat(TestMessaging.mailTo("frontline@demo.harmwatch.test")
			.stream()
			.map(m -> GreenMailUtil.getBody(m).replace("=\r\n", ""))
			.filter(b -> b.contains(question.toString())))
			.singleElement()
			.satisfies(body -> assertThat(body).contains("/early-warning/questions/" + question)
				.doesNotContain("heroin brown")
				.doesNotContain("library"));
		assertThat(TestMessaging.mailTo("coordinator@demo.harmwatch.test")
			.stream()
			.map(GreenMailUtil::getBody)
			.noneMatch(b -> b.replace("=\r\n", "").contains(question.toString()))).isTrue();

		// The agency side: a line on the home page, the list, the question with the
		// report.
		assertThat(waitingOnHome("frontline")).isEqualTo(questionsBefore + 1);
		mvc.perform(get("/early-warning/questions").with(user(frontline)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/early-warning/questions/" + question)));
		mvc.perform(get("/early-warning/questions/" + question).with(user(frontline)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(text)))
			.andExpect(content().string(containsString("behind the library")))
			.andExpect(content().string(containsString("name=\"answer\"")));
		assertThat(audited(question, "REPORTER_QUESTION_VIEWED", "ALLOWED")).isEqualTo(1);

		// Another agency's reporter, and a police officer who reports, are told it does
		// not exist; a custody officer may not open the pages at all.
		var mark = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		agencies.createAgency("TP-" + mark, "Other treatment provider " + mark, AgencyType.TREATMENT_PROVIDER);
		agencies.createStaff("other-" + mark, "Other reporter", "other-" + mark + "@tp.test", "TP-" + mark,
				List.of("FRONTLINE_WORKER"), null);
		agencies.createAgency("PF-" + mark, "Test force " + mark, AgencyType.POLICE_FORCE);
		agencies.createRole("EW_POLICE_" + mark, "Police reporter " + mark, "Reports seizures",
				List.of(new Grant(Capability.EARLY_WARNING, Action.WRITE, Purpose.PUBLIC_HEALTH_INTELLIGENCE)));
		agencies.createStaff("officer-" + mark, "Officer", "officer-" + mark + "@pf.test", "PF-" + mark,
				List.of("EW_POLICE_" + mark), null);
		for (var outsider : List.of("other-" + mark, "officer-" + mark)) {
			mvc.perform(get("/early-warning/questions/" + question).with(user(staff(outsider))))
				.andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString(text))));
			mvc.perform(post("/early-warning/questions/" + question + "/answer").with(user(staff(outsider)))
				.with(csrf())
				.param("answer", "Grey.")).andExpect(status().isNotFound());
			mvc.perform(get("/early-warning/questions").with(user(staff(outsider))))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(question.toString()))));
			assertThat(waitingOnHome(outsider)).isZero();
		}
		assertThat(audited(question, "REPORTER_QUESTION_VIEWED", "DENIED")).isEqualTo(2);
		assertThat(audited(question, "REPORTER_QUESTION_ANSWERED", "DENIED")).isEqualTo(2);
		mvc.perform(get("/early-warning/questions/" + question).with(user(staff("custody"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/early-warning/questions").with(user(staff("custody")))).andExpect(status().isForbidden());
		mvc.perform(get("/early-warning/questions/" + question + "\u0000").with(user(frontline)))
			.andExpect(status().is4xxClientError());
		mvc.perform(get("/early-warning/questions/" + UUID.randomUUID()).with(user(frontline)))
			.andExpect(status().isNotFound());

		// The answer: refused when empty, too long or with a NUL; then given once.
		mvc.perform(post("/early-warning/questions/" + question + "/answer").with(user(frontline))
			.with(csrf())
			.param("answer", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Write the answer")))
			.andExpect(content().string(containsString("<title>Error: ")));
		mvc.perform(post("/early-warning/questions/" + question + "/answer").with(user(frontline))
			.with(csrf())
			.param("answer", "x".repeat(4_001)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("4,000 characters or fewer")));
		mvc.perform(post("/early-warning/questions/" + question + "/answer").with(user(frontline))
			.with(csrf())
			.param("answer", "Grey\u0000")).andExpect(status().isBadRequest());
		assertThat(questions.onSignal(signal).getFirst().answered()).isFalse();
		var answer = "Grey powder, bought near the market; two others used the same bag. " + at;
		mvc.perform(post("/early-warning/questions/" + question + "/answer").with(user(frontline))
			.with(csrf())
			.param("answer", answer)).andExpect(status().is3xxRedirection());
		assertThat(audited(question, "REPORTER_QUESTION_ANSWERED", "ALLOWED")).isEqualTo(1);
		assertThat(waitingOnHome("frontline")).isEqualTo(questionsBefore);
		mvc.perform(post("/early-warning/questions/" + question + "/answer").with(user(frontline))
			.with(csrf())
			.param("answer", "Something else"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already been answered")));
		assertThat(questions.onSignal(signal)).singleElement().satisfies(q -> {
			assertThat(q.answer()).isEqualTo(answer);
			assertThat(q.answeredBy()).isEqualTo("frontline");
		});

		// The answer is on the signal, for the coordinator and the panel.
		for (var reader : List.of("coordinator", "panel")) {
			mvc.perform(get("/early-warning/signals/" + signal).with(user(staff(reader))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(answer)))
				.andExpect(content().string(containsString("Answered by frontline")));
		}
	}

}
