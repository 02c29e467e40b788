package org.harmwatch.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.platform.PublicEndpoint;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Default deny, decided before anything of the request is read.
 *
 * <p>
 * Refuses a request to any of our endpoints that declares no rule, and checks the
 * {@code @PreAuthorize} rule of those that do before arguments are bound, so that a
 * caller without access learns nothing from validation errors. Method security checks the
 * same rule again when the method is invoked. Framework endpoints (actuator, OpenAPI,
 * error) are outside {@code org.harmwatch}; only the paths in
 * {@link SecurityConfiguration#FRAMEWORK_PUBLIC_PATHS} of those are exposed.
 */
class EndpointAuthorizationInterceptor implements HandlerInterceptor {

	private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

	EndpointAuthorizationInterceptor(ApplicationContext context) {
		var expressions = new DefaultMethodSecurityExpressionHandler();
		expressions.setApplicationContext(context);
		rules.setExpressionHandler(expressions);
		rules.setApplicationContext(context);
		rules.setTemplateDefaults(SecurityConfiguration.TEMPLATES);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		if (!method.getBeanType().getPackageName().startsWith("org.harmwatch")) {
			return true;
		}
		if (isPublic(method)) {
			return true;
		}
		if (!declaresRule(method)) {
			throw new AccessDeniedException(
					"Endpoint " + method.getShortLogMessage() + " declares no authorisation rule");
		}
		var invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod());
		var decision = rules.authorize(() -> SecurityContextHolder.getContext().getAuthentication(), invocation);
		if (decision != null && !decision.isGranted()) {
			throw new AccessDeniedException("Access denied");
		}
		return true;
	}

	static boolean isPublic(HandlerMethod method) {
		return method.hasMethodAnnotation(PublicEndpoint.class)
				|| (AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PublicEndpoint.class)
						&& !method.hasMethodAnnotation(PreAuthorize.class));
	}

	static boolean declaresRule(HandlerMethod method) {
		return method.hasMethodAnnotation(PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
	}

}
