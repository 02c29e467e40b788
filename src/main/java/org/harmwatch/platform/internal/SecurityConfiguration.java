package org.harmwatch.platform.internal;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.harmwatch.platform.ApiTokenResolver;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.MapProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach what, and how people and programs prove who they are.
 *
 * <p>Pages use form sign-in (or single sign-on when an OIDC provider is configured) with sessions stored in
 * PostgreSQL, so any instance can serve any request. Programs present a bearer token. Authorisation is decided per
 * endpoint: every handler carries {@code @PreAuthorize} or {@code @PublicEndpoint}, and
 * {@link EndpointAuthorizationInterceptor} refuses any that carries neither (default deny).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

	/** Paths served by the framework rather than our controllers, open to everyone. */
	static final String[] FRAMEWORK_PUBLIC_PATHS = { "/assets/**", "/webjars/**", "/css/**", "/js/**", "/images/**",
			"/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs",
			"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<ApiTokenResolver> tokens,
			ObjectProvider<ClientRegistrationRepository> oidcClients,
			ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> oidcUsers, AuditLog audit,
			MapProperties map, ObjectProvider<UserDetailsService> accounts) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			// Each endpoint declares its own rule (method security); the interceptor refuses endpoints that declare none.
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.anyRequest()
			.permitAll());

		http.formLogin(form -> form.loginPage("/login")
			.loginProcessingUrl("/login")
			.defaultSuccessUrl("/", false)
			.failureHandler(loginFailureHandler(accounts))
			.permitAll());
		http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"));

		if (oidcClients.getIfAvailable() != null) {
			http.oauth2Login(oauth -> {
				oauth.loginPage("/login").failureHandler(loginFailureHandler(accounts));
				var users = oidcUsers.getIfAvailable();
				if (users != null) {
					oauth.userInfoEndpoint(info -> info.oidcUserService(users));
				}
			});
		}

		var resolver = tokens.getIfAvailable();
		if (resolver != null) {
			http.addFilterBefore(new BearerTokenFilter(resolver, audit), UsernamePasswordAuthenticationFilter.class);
		}

		// CSRF rides on a browser's session cookie. A bearer-token call has none to ride on, and neither has an API call
		// that brings no session: that one should hear "sign in or send a token" (401), not "CSRF token missing" (403).
		// An unsubscribe link's POST is RFC 8058 one-click from a mail client, which has no CSRF token; the
		// unguessable token in the path is the only authority it needs, and it can only stop messages.
		http.csrf(csrf -> csrf.ignoringRequestMatchers(request -> {
			var header = request.getHeader("Authorization");
			return (header != null && header.startsWith("Bearer "))
					|| request.getRequestURI().startsWith(request.getContextPath() + "/unsubscribe/")
					|| (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
							&& request.getRequestedSessionId() == null);
		}));

		http.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint())
			.accessDeniedHandler(accessDeniedHandler(audit)));

		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(map)))
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(options -> {
			})
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(self)")));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// Argon2id for new hashes; BCrypt hashes from an import still verify and are upgraded at the next sign-in.
		var encoders = Map.<String, PasswordEncoder>of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				"bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder("argon2", encoders);
	}

	static String contentSecurityPolicy(MapProperties map) {
		var images = "'self' data:";
		var tiles = map.tileUrl();
		if (!tiles.isBlank()) {
			var uri = URI.create(tiles.replaceAll("\\{[a-z]}", "0"));
			var host = uri.getHost();
			images += " " + uri.getScheme() + "://" + (host.matches("^[a-c]\\..*") ? "*." + host.substring(2) : host);
		}
		return "default-src 'self'; img-src " + images + "; style-src 'self'; script-src 'self'; "
				+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
	}

	/**
	 * Sends a failed sign-in back to the form with the reason. The wrong password that locks an account says so at
	 * once, rather than at the next attempt: the failure listener has already counted it when this runs.
	 */
	private static AuthenticationFailureHandler loginFailureHandler(ObjectProvider<UserDetailsService> accounts) {
		return (request, response, exception) -> {
			String reason = switch (exception) {
				case LockedException locked -> "locked";
				case DisabledException disabled -> "disabled";
				case OAuth2AuthenticationException sso -> "sso";
				case BadCredentialsException bad when isLockedNow(accounts, request.getParameter("username")) -> "locked";
				default -> "error";
			};
			response.sendRedirect(request.getContextPath() + "/login?" + reason);
		};
	}

	private static boolean isLockedNow(ObjectProvider<UserDetailsService> accounts, @Nullable String username) {
		var service = accounts.getIfAvailable();
		if (service == null || username == null || username.isBlank()) {
			return false;
		}
		try {
			return !service.loadUserByUsername(username).isAccountNonLocked();
		}
		catch (UsernameNotFoundException unknown) {
			return false;
		}
	}

	private static AuthenticationEntryPoint entryPoint() {
		var login = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, exception) -> {
			if (ProblemResponses.wantsProblem(request)) {
				ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "Sign-in required",
						"This needs a signed-in user or an API token (Authorization: Bearer …).");
			}
			else {
				login.commence(request, response, exception);
			}
		};
	}

	private static AccessDeniedHandler accessDeniedHandler(AuditLog audit) {
		return (request, response, exception) -> {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			var actor = authentication == null ? "anonymous" : authentication.getName();
			var agency = authentication != null && authentication.getPrincipal() instanceof HarmwatchUser user
					? user.agencyCode() : null;
			audit.recordFor(actor, agency, "ACCESS_DENIED", "endpoint", request.getRequestURI(), null, Outcome.DENIED,
					request.getMethod() + " " + request.getRequestURI());
			if (ProblemResponses.wantsProblem(request)) {
				ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "Not allowed",
						"Your roles do not allow this. Ask your agency administrator if you need it for your work.");
			}
			else {
				request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 403);
				response.sendError(HttpStatus.FORBIDDEN.value());
			}
		};
	}

}
