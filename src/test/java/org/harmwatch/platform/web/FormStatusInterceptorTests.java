package org.harmwatch.platform.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

class FormStatusInterceptorTests {

	record Form(String name) {
	}

	final FormStatusInterceptor interceptor = new FormStatusInterceptor();

	final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void aFormDrawnAgainWithErrorsAnswers422() {
		var page = page("agency/agencyForm", true);
		interceptor.postHandle(new MockHttpServletRequest(), response, new Object(), page);
		assertThat(page.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@Test
	void aFormWithoutErrorsKeepsItsStatus() {
		var page = page("agency/agencyForm", false);
		interceptor.postHandle(new MockHttpServletRequest(), response, new Object(), page);
		assertThat(page.getStatus()).isNull();
	}

	@Test
	void aRedirectIsLeftAlone() {
		var page = page("redirect:/admin/agencies", true);
		interceptor.postHandle(new MockHttpServletRequest(), response, new Object(), page);
		assertThat(page.getStatus()).isNull();
	}

	@Test
	void aStatusTheControllerChoseWins() {
		var page = page("agency/agencyForm", true);
		page.setStatus(HttpStatus.CONFLICT);
		interceptor.postHandle(new MockHttpServletRequest(), response, new Object(), page);
		assertThat(page.getStatus()).isEqualTo(HttpStatus.CONFLICT);

		var other = page("agency/agencyForm", true);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		interceptor.postHandle(new MockHttpServletRequest(), response, new Object(), other);
		assertThat(other.getStatus()).isNull();
	}

	@Test
	void anEndpointWithoutAPageIsLeftAlone() {
		interceptor.postHandle(new MockHttpServletRequest(), response, new Object(), null);
		assertThat(response.getStatus()).isEqualTo(200);
	}

	private static ModelAndView page(String view, boolean errors) {
		var form = new Form("x");
		var result = new BeanPropertyBindingResult(form, "form");
		if (errors) {
			result.rejectValue("name", "form.name.required");
		}
		return new ModelAndView(view, Map.of("form", form, BindingResult.MODEL_KEY_PREFIX + "form", result));
	}

}
