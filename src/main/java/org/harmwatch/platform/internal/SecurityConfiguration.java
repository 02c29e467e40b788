package org.harmwatch.platform.internal;

import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.harmwatch.platform.ApiTokenResolver;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.MapProperties;
import org.harmwatch.platform.PasswordHashes;
import org.harmwatch.platform.SignInThrottle;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.SessionRepository;

/**
 * Who may reach what, and how people and programs prove who they are.
 *
 * <p>
 * Pages use form sign-in (or single sign-on when an OIDC provider is configured) with
 * sessions stored in PostgreSQL, so any instance can serve any request. Programs present
 * a bearer token. Authorisation is decided per endpoint: every handler carries
 * {@code @PreAuthorize} or {@code @PublicEndpoint}, and
 * {@link EndpointAuthorizationInterceptor} refuses any that carries neither (default
 * deny).
 *
 * <p>
 * Wrong passwords never lock an account; {@link SignInThrottle} slows the clients that
 * send them instead, and an unknown username gets the same answer, at the same cost, as a
 * wrong password (ADR 8).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

	/** Paths served by the framework rather than our controllers, open to everyone. */
	static final String[] FRAMEWORK_PUBLIC_PATHS = { "/assets/**", "/webjars/**", "/css/**", "/js/**", "/images/**",
			"/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs",
			"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	/**
	 * Lets {@code @Requires} fill its capability and action into the rule it stands for.
	 */
	static final AnnotationTemplateExpressionDefaults TEMPLATES = new AnnotationTemplateExpressionDefaults();

	@Bean
	static AnnotationTemplateExpressionDefaults annotationTemplates() {
		return TEMPLATES;
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<ApiTokenResolver> tokens,
			ObjectProvider<ClientRegistrationRepository> oidcClients,
			ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> oidcUsers,
			ObjectProvider<OidcSessionRegistry> oidcSessions, ObjectProvider<SessionRepository<?>> sessions,
			AuditLog audit, MapProperties map, SignInThrottle throttle, Clock clock) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			// Each endpoint declares its own rule (method security); the interceptor
			// refuses endpoints that declare none.
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.anyRequest()
			.permitAll());

		http.formLogin(form -> form.loginPage("/login")
			.loginProcessingUrl("/login")
			.authenticationDetailsSource(SignInDetails::of)
			.successHandler(loginSuccessHandler(throttle))
			.failureHandler(loginFailureHandler(throttle, clock))
			.permitAll());
		var clients = oidcClients.getIfAvailable();
		var links = oidcSessions.getIfAvailable();
		http.logout(logout -> logout.logoutUrl("/logout")
			.addLogoutHandler(SignOuts.fromHarmwatch(audit, links))
			.logoutSuccessHandler(signedOut(clients)));

		if (clients != null) {
			http.oauth2Login(oauth -> {
				oauth.loginPage("/login").failureHandler(loginFailureHandler(throttle, clock));
				var users = oidcUsers.getIfAvailable();
				if (users != null) {
					oauth.userInfoEndpoint(info -> info.oidcUserService(users));
				}
				// While the provider has not answered there is no registration to send
				// anyone to: back to the form.
				oauth.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
					@Override
					public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler((request, response, exception) -> response
							.sendRedirect(request.getContextPath() + "/login?ssoUnavailable"));
						return filter;
					}
				});
			});
			var store = sessions.getIfAvailable();
			if (links != null && store != null) {
				// The provider ends sessions here (OIDC Back-Channel Logout 1.0) with a
				// logout token it signed; the
				// endpoint /logout/connect/back-channel/{registrationId} needs no session
				// or CSRF token.
				http.oidcLogout(oidc -> oidc.oidcSessionRegistry(links)
					.backChannel(backChannel -> backChannel.logoutHandler(SignOuts.fromProvider(links, store, audit))));
				http.addFilterAfter(new BackChannelLogoutErrors(), HeaderWriterFilter.class);
			}
		}

		// CSRF rides on a browser's session cookie. A bearer-token call (API calls have
		// their own chain below) has none to ride on, and neither has an API call that
		// brings no session:
		// that one should hear "sign in or send a token" (401), not "CSRF token missing"
		// (403).
		// An unsubscribe link's POST is RFC 8058 one-click from a mail client, which has
		// no CSRF token; the
		// unguessable token in the path is the only authority it needs, and it can only
		// stop messages. Open311 GeoReport clients (FixMyStreet, councils' systems) post
		// anonymous reports without a session, as the specification has them.
		var resolver = tokens.getIfAvailable();
		if (resolver != null) {
			http.addFilterBefore(new BearerTokenFilter(resolver, audit), UsernamePasswordAuthenticationFilter.class);
		}
		http.csrf(csrf -> csrf.ignoringRequestMatchers(request -> {
			return bearer(request) || request.getRequestURI().startsWith(request.getContextPath() + "/unsubscribe/")
					|| ((request.getRequestURI().startsWith(request.getContextPath() + "/api/")
							|| request.getRequestURI().startsWith(request.getContextPath() + "/open311/"))
							&& request.getRequestedSessionId() == null);
		}));

		answersAndHeaders(http, audit, contentSecurityPolicy(map,
				clients instanceof SingleSignOnProviders providers ? providers.origins() : List.of()));
		return http.build();
	}

	/**
	 * API calls that present a bearer token (partner systems): a short chain with no
	 * session, no CSRF, no saved request and no sign-in pages, so an API call does not
	 * pay for what only a browser needs. The rules are the same as everywhere: each
	 * endpoint's own, decided by method security; the answers and headers are the page
	 * chain's.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain bearerTokenChain(HttpSecurity http, ObjectProvider<ApiTokenResolver> tokens, AuditLog audit,
			MapProperties map) throws Exception {
		http.securityMatcher(
				request -> bearer(request) && request.getRequestURI().startsWith(request.getContextPath() + "/api/"));
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf(csrf -> csrf.disable());
		http.requestCache(cache -> cache.disable());
		var resolver = tokens.getIfAvailable();
		if (resolver != null) {
			http.addFilterBefore(new BearerTokenFilter(resolver, audit), AnonymousAuthenticationFilter.class);
		}
		answersAndHeaders(http, audit, contentSecurityPolicy(map, List.of()));
		return http.build();
	}

	/**
	 * None of Spring Security's own observations: they are switched off already
	 * ({@code management.observations.enable."[spring.security]": false}; nothing reads
	 * them, only health and info are exposed), but its filter chain would still wrap
	 * every filter of every request in a no-op observation, which the partner report
	 * API's profile showed on each call (issue 11, fourth round). HTTP request
	 * observations stay.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	static boolean bearer(HttpServletRequest request) {
		var header = request.getHeader("Authorization");
		return header != null && header.startsWith("Bearer ");
	}

	private void answersAndHeaders(HttpSecurity http, AuditLog audit, String contentSecurityPolicy) throws Exception {
		http.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint())
			.accessDeniedHandler(accessDeniedHandler(audit)));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(options -> {
			})
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(
					permissions -> permissions.policy("camera=(), microphone=(), geolocation=(self)")));
	}

	/**
	 * The only password check (so no default one runs beside it): throttled, and blind to
	 * which usernames exist.
	 */
	@Bean
	AuthenticationProvider passwordAuthentication(ObjectProvider<PasswordHashes> hashes,
			ObjectProvider<UserDetailsService> users, PasswordEncoder encoder,
			ObjectProvider<UserDetailsPasswordService> upgrades, SignInThrottle throttle, AuditLog audit, Clock clock) {
		return new PasswordAuthenticationProvider(username -> hashes.getObject().passwordHash(username),
				username -> users.getObject().loadUserByUsername(username), encoder, (user, password) -> {
					var service = upgrades.getIfAvailable();
					return service == null ? user : service.updatePassword(user, password);
				}, throttle, audit, clock);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// Argon2id for new hashes; BCrypt hashes from an import still verify and are
		// upgraded at the next sign-in.
		var encoders = Map.<String, PasswordEncoder>of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				"bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder("argon2", encoders);
	}

	/**
	 * The hash of the one style element Swagger UI (5.30) writes into its page: allowed
	 * exactly, so that the API documentation renders without a CSP error and no other
	 * inline style is.
	 */
	static final String SWAGGER_UI_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

	/**
	 * The content security policy: our own scripts and styles only, map tiles from the
	 * tile server, and forms that post only to us, or to a single sign-on provider
	 * (signing out posts to us, and we redirect to the provider's end-session endpoint;
	 * browsers apply {@code form-action} to that redirect too).
	 */
	static String contentSecurityPolicy(MapProperties map, List<String> ssoOrigins) {
		// (Swagger UI's one inline style element is allowed by its hash, nothing else.)
		var images = "'self' data:";
		var tiles = map.tileUrl();
		if (!tiles.isBlank()) {
			var uri = URI.create(tiles.replaceAll("\\{[a-z]}", "0"));
			var host = uri.getHost();
			images += " " + uri.getScheme() + "://" + (host.matches("^[a-c]\\..*") ? "*." + host.substring(2) : host);
		}
		return "default-src 'self'; img-src " + images + "; style-src 'self' " + SWAGGER_UI_STYLE
				+ "; script-src 'self'; " + "object-src 'none'; base-uri 'self'; form-action 'self'"
				+ ssoOrigins.stream().map(origin -> " " + origin).collect(Collectors.joining())
				+ "; frame-ancestors 'none'";
	}

	/**
	 * After signing out, the sign-in page; a single sign-on user goes by their provider's
	 * end-session endpoint first (OIDC RP-Initiated Logout), which sends them back to it,
	 * so that they are signed out there too.
	 */
	private static LogoutSuccessHandler signedOut(@Nullable ClientRegistrationRepository clients) {
		if (clients == null) {
			var local = new SimpleUrlLogoutSuccessHandler();
			local.setDefaultTargetUrl("/login?signedOut");
			return local;
		}
		var oidc = new OidcClientInitiatedLogoutSuccessHandler(clients);
		oidc.setPostLogoutRedirectUri("{baseUrl}/login?signedOut");
		oidc.setDefaultTargetUrl("/login?signedOut");
		return oidc;
	}

	/**
	 * After a password sign-in, gives the browser its device cookie (so its next sign-ins
	 * are not slowed by strangers' failures), then goes where the person was heading, or
	 * home.
	 */
	private static AuthenticationSuccessHandler loginSuccessHandler(SignInThrottle throttle) {
		var target = new SavedRequestAwareAuthenticationSuccessHandler();
		target.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			if (request.getAttribute(SignInDetails.ATTRIBUTE) instanceof SignInDetails details) {
				var cookie = ResponseCookie.from(SignInDetails.DEVICE_COOKIE, details.tokenAfterSuccess())
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Strict")
					.path(request.getContextPath() + "/login")
					.maxAge(throttle.policy().familiarFor())
					.build();
				response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
			}
			target.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/**
	 * Sends a failed sign-in back to the form with the reason. A wrong password and an
	 * unknown username are the same {@code ?error}; a client that must now wait is told
	 * for how long ({@code ?throttled=minutes}), whether or not the username exists. Only
	 * someone who gave the right password hears that the account is disabled.
	 */
	private static AuthenticationFailureHandler loginFailureHandler(SignInThrottle throttle, Clock clock) {
		return (request, response, exception) -> {
			var now = clock.instant();
			String reason = switch (exception) {
				case SignInThrottledException wait -> throttled(now, wait.until());
				case DisabledException disabled -> "disabled";
				case OAuth2AuthenticationException sso -> "sso";
				case BadCredentialsException bad -> {
					var username = request.getParameter("username");
					var attempt = SignInDetails.of(request).attempt(username == null ? "" : username);
					yield throttle.blockedUntil(attempt, now).map(until -> throttled(now, until)).orElse("error");
				}
				default -> "error";
			};
			response.sendRedirect(request.getContextPath() + "/login?" + reason);
		};
	}

	private static String throttled(Instant now, Instant until) {
		return "throttled=" + SignInThrottle.minutes(Duration.between(now, until));
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
			audit.recordFor(actor, agency, PlatformAudit.ACCESS_DENIED, "endpoint", request.getRequestURI(), null,
					Outcome.DENIED, request.getMethod() + " " + request.getRequestURI());
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
