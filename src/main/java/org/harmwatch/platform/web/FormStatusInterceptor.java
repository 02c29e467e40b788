package org.harmwatch.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A form page drawn again with errors answers 422 Unprocessable Content, without its
 * controller saying so.
 *
 * <p>
 * After the handler, before the page is drawn: when the model holds a
 * {@link BindingResult} with errors and the controller chose no status of its own, the
 * page's status becomes 422. Redirects are left alone.
 */
class FormStatusInterceptor implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		if (modelAndView != null && modelAndView.getStatus() == null && response.getStatus() == HttpStatus.OK.value()
				&& !redirect(modelAndView) && hasErrors(modelAndView)) {
			modelAndView.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	private static boolean redirect(ModelAndView modelAndView) {
		var name = modelAndView.getViewName();
		return modelAndView.getView() instanceof RedirectView
				|| name != null && (name.startsWith("redirect:") || name.startsWith("forward:"));
	}

	private static boolean hasErrors(ModelAndView modelAndView) {
		for (var value : modelAndView.getModel().values()) {
			if (value instanceof BindingResult result && result.hasErrors()) {
				return true;
			}
		}
		return false;
	}

}
