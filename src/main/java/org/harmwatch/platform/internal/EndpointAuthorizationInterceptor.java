package org.harmwatch.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.platform.PublicEndpoint;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Default deny: refuses a request to any of our endpoints that declares no authorisation rule.
 *
 * <p>Framework endpoints (actuator, OpenAPI, error) are outside {@code org.harmwatch}; only the paths listed in
 * {@link SecurityConfiguration#FRAMEWORK_PUBLIC_PATHS} of those are exposed at all.
 */
class EndpointAuthorizationInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		if (!method.getBeanType().getPackageName().startsWith("org.harmwatch")) {
			return true;
		}
		if (declaresRule(method)) {
			return true;
		}
		throw new AccessDeniedException("Endpoint " + method.getShortLogMessage() + " declares no authorisation rule");
	}

	static boolean declaresRule(HandlerMethod method) {
		return method.hasMethodAnnotation(PreAuthorize.class) || method.hasMethodAnnotation(PublicEndpoint.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PublicEndpoint.class);
	}

}
