package org.harmwatch.platform.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

class InputProblemAdviceTests {

	final StaticMessageSource messages = new StaticMessageSource();

	final InputProblemAdvice advice = new InputProblemAdvice(messages, new LayoutAdvice(List.of(),
			new RegionSettings("West Midlands", ZoneId.of("Europe/London"), "https://harmwatch.example.org")));

	final InputRejectedException rejection = new InputRejectedException(
			List.of(FieldProblem.of("name", "test.name.taken", "Ketamine"), FieldProblem.global("test.changed")));

	InputProblemAdviceTests() {
		messages.addMessage("test.name.taken", Locale.UK, "‘{0}’ is already in the vocabulary");
		messages.addMessage("test.changed", Locale.UK, "Someone else changed this meanwhile");
		messages.addMessage("test.substance.notFound", Locale.UK, "There is no substance {0}");
		LocaleContextHolder.setLocale(Locale.UK);
	}

	@AfterEach
	void forgetTheLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aProgramGetsProblemJsonNamingEachFieldInTheValidationShape() {
		var request = new MockHttpServletRequest("POST", "/api/substances");
		var answer = (ResponseEntity<?>) advice.rejected(rejection, request, null);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		var problem = (ProblemDetail) answer.getBody();
		assertThat(problem.getTitle()).isEqualTo("Invalid request");
		assertThat(problem.getDetail())
			.isEqualTo("name: ‘Ketamine’ is already in the vocabulary; Someone else changed this meanwhile");
		assertThat(problem.getProperties()).containsEntry("errors",
				List.of(new ApiProblemHandler.FieldMessage("name", "‘Ketamine’ is already in the vocabulary"),
						new ApiProblemHandler.FieldMessage(null, "Someone else changed this meanwhile")));
	}

	@Test
	void aPersonGetsAPageWithTheErrorSummary() {
		var request = new MockHttpServletRequest("POST", "/substances/new");
		request.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		var page = (ModelAndView) advice.rejected(rejection, request, null);
		assertThat(page.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(page.getViewName()).isEqualTo(InputProblemAdvice.REJECTED_VIEW);
		assertThat(page.getModel()).containsEntry("problems",
				List.of(new ApiProblemHandler.FieldMessage(null, "‘Ketamine’ is already in the vocabulary"),
						new ApiProblemHandler.FieldMessage(null, "Someone else changed this meanwhile")));
		assertThat(page.getModel()).containsKeys("navigation", "currentUser", "regionName");
	}

	@Test
	void notFoundIs404InTheReadersWords() {
		var missing = new NotFoundException("test.substance.notFound", "SUB-9");
		var json = new MockHttpServletRequest("GET", "/substances/SUB-9");
		json.addHeader("Accept", "application/json");
		var answer = (ResponseEntity<?>) advice.notFound(missing, json, null);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(((ProblemDetail) answer.getBody()).getDetail()).isEqualTo("There is no substance SUB-9");

		var page = (ModelAndView) advice.notFound(missing, new MockHttpServletRequest("GET", "/substances/SUB-9"),
				null);
		assertThat(page.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(page.getModel())
			.containsAllEntriesOf(Map.of("notFound", "There is no substance SUB-9", "status", 404));
	}

	@Test
	void programsArePathsUnderApiAndClientsThatAskForJsonAndNotForAPage() {
		assertThat(ProblemAnswers.wantsJson(new MockHttpServletRequest("POST", "/api/reports"), null)).isTrue();
		assertThat(ProblemAnswers.wantsJson(withAccept("application/problem+json"), null)).isTrue();
		assertThat(ProblemAnswers.wantsJson(withAccept("application/json, text/plain, */*"), null)).isTrue();
		assertThat(ProblemAnswers.wantsJson(withAccept("text/html,application/json;q=0.9"), null)).isFalse();
		assertThat(ProblemAnswers.wantsJson(withAccept("*/*"), null)).isFalse();
		assertThat(ProblemAnswers.wantsJson(withAccept("not a media type;;;"), null)).isFalse();
		assertThat(ProblemAnswers.wantsJson(new MockHttpServletRequest("POST", "/report"), null)).isFalse();
	}

	private static MockHttpServletRequest withAccept(String accept) {
		var request = new MockHttpServletRequest("POST", "/report");
		request.addHeader("Accept", accept);
		return request;
	}

}
