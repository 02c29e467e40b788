package org.harmwatch.platform;

import java.lang.reflect.Method;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Default deny: an endpoint without a rule is closed, whoever calls it.
 */
class EndpointAuthorizationInterceptorTests {

	static class Endpoints {

		String forgotten() {
			return "";
		}

		@PreAuthorize("hasAuthority('AUDIT:READ')")
		String audited() {
			return "";
		}

		@PublicEndpoint("test")
		String open() {
			return "";
		}

	}

	final HandlerInterceptor interceptor = interceptor();

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void refusesAnEndpointWithoutARuleEvenToAnAdministrator() {
		signIn("AGENCY:MANAGE", "AUDIT:READ");
		assertThatThrownBy(() -> call("forgotten")).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("declares no authorisation rule");
	}

	@Test
	void checksTheRuleBeforeTheRequestIsRead() throws Exception {
		signIn("AGENCY:MANAGE");
		assertThatThrownBy(() -> call("audited")).isInstanceOf(AccessDeniedException.class);
		signIn("AUDIT:READ");
		assertThat(call("audited")).isTrue();
	}

	@Test
	void letsEveryoneThroughToPublicEndpoints() throws Exception {
		assertThat(call("open")).isTrue();
	}

	private boolean call(String name) throws Exception {
		Method method = Endpoints.class.getDeclaredMethod(name);
		return interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
				new HandlerMethod(new Endpoints(), method));
	}

	private static void signIn(String... authorities) {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("someone", null, authorities));
	}

	private static HandlerInterceptor interceptor() {
		var context = new GenericApplicationContext();
		context.refresh();
		try {
			var type = Class.forName("org.harmwatch.platform.internal.EndpointAuthorizationInterceptor");
			var constructor = type.getDeclaredConstructor(org.springframework.context.ApplicationContext.class);
			constructor.setAccessible(true);
			return (HandlerInterceptor) constructor.newInstance(context);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
