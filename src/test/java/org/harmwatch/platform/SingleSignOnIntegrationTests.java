package org.harmwatch.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.harmwatch.agency.AgencyManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on end to end: a real OIDC provider (mock-oauth2-server, in this JVM) vouches for a person, and the
 * browser goes through the whole authorisation-code flow over HTTP.
 *
 * <p>SSO needs its own properties, so this class has its own application context (and embedded database); keep every
 * SSO case in this one class so the suite starts only one extra context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SingleSignOnIntegrationTests {

	static final String ISSUER = "default";

	static final String CLIENT_ID = "harmwatch";

	static final String LABEL = "West Midlands Staff Login";

	/** Started before the context: Spring reads the provider's discovery document when it builds the registration. */
	static final MockOAuth2Server idp = new MockOAuth2Server();

	static {
		idp.start();
	}

	@DynamicPropertySource
	static void singleSignOn(DynamicPropertyRegistry properties) {
		properties.add("spring.security.oauth2.client.registration.sso.client-id", () -> CLIENT_ID);
		properties.add("spring.security.oauth2.client.registration.sso.client-secret", () -> "not-a-secret");
		properties.add("spring.security.oauth2.client.registration.sso.scope", () -> "openid,email,profile");
		properties.add("spring.security.oauth2.client.provider.sso.issuer-uri", () -> idp.issuerUrl(ISSUER).toString());
		properties.add("harmwatch.sso.registration-id", () -> "sso");
		properties.add("harmwatch.sso.label", () -> LABEL);
	}

	@AfterAll
	static void stopProvider() {
		idp.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgencyManagement agencies;

	@Test
	void signsInAStaffMemberTheProviderVouchesFor() throws Exception {
		var browser = browser();
		var hops = signIn(browser, "panel-subject", Map.of("email", "Panel@demo.harmwatch.test", "email_verified", true));

		assertThat(hops.visited()).anySatisfy(uri -> assertThat(uri.toString()).startsWith(idp.issuerUrl(ISSUER) + "/authorize"));
		assertThat(hops.visited()).anySatisfy(uri -> assertThat(uri.getPath()).isEqualTo("/login/oauth2/code/sso"));
		assertThat(hops.last().uri().getPath()).isEqualTo("/");
		assertThat(hops.last().statusCode()).isEqualTo(200);
		assertThat(hops.last().body()).contains("Priya Panel").contains("University Hospitals Birmingham");

		var me = get(browser, "/api/me", "application/json");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"username\":\"panel\"")
			.contains("\"agencyCode\":\"UHB\"")
			.contains("\"roles\":[\"PANEL_MEMBER\"]");

		assertThat(auditCount("SIGNED_IN", "panel", "ALLOWED")).isPositive();
		var lastSignIn = jdbc.sql("SELECT last_sign_in IS NOT NULL FROM agency.staff WHERE username = 'panel'")
			.query(Boolean.class)
			.single();
		assertThat(lastSignIn).isTrue();
	}

	@Test
	void aSingleSignOnSessionTakesNewRightsAtOnceAndEndsWhenTheAccountIsDisabled() throws Exception {
		var member = agencies.createStaff("sso-rights", "Rhys Rights", "rhys.rights@demo.harmwatch.test", "UHB",
				List.of("PANEL_MEMBER"), null);
		var browser = browser();
		signIn(browser, "rhys-subject", Map.of("email", "rhys.rights@demo.harmwatch.test", "email_verified", true));
		assertThat(get(browser, "/api/me", "application/json").body()).contains("\"roles\":[\"PANEL_MEMBER\"]");

		agencies.changeStaff(member.id(), "Rhys Rights", "rhys.rights@demo.harmwatch.test", "UHB",
				List.of("FRONTLINE_WORKER", "PANEL_MEMBER"), true, null);

		var me = get(browser, "/api/me", "application/json");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"roles\":[\"FRONTLINE_WORKER\",\"PANEL_MEMBER\"]");
		// The session still holds a single sign-on authentication (for sign-out at the provider), with the new rights.
		var stored = (SecurityContext) new ObjectInputStream(new ByteArrayInputStream(jdbc.sql("""
				SELECT a.attribute_bytes FROM spring_session_attributes a
				JOIN spring_session s ON s.primary_id = a.session_primary_id
				WHERE s.principal_name = 'sso-rights' AND a.attribute_name = 'SPRING_SECURITY_CONTEXT'
				""").query(byte[].class).single())).readObject();
		assertThat(stored.getAuthentication()).isInstanceOf(OAuth2AuthenticationToken.class);
		var principal = (HarmwatchOidcUser) stored.getAuthentication().getPrincipal();
		assertThat(principal.getSubject()).isEqualTo("rhys-subject");
		assertThat(principal.roleNames()).containsExactly("FRONTLINE_WORKER", "PANEL_MEMBER");
		assertThat(stored.getAuthentication().getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains("ROLE_FRONTLINE_WORKER", "EARLY_WARNING:WRITE");

		agencies.changeStaff(member.id(), "Rhys Rights", "rhys.rights@demo.harmwatch.test", "UHB",
				List.of("FRONTLINE_WORKER", "PANEL_MEMBER"), false, null);

		assertThat(get(browser, "/api/me", "application/json").statusCode()).isEqualTo(401);
		assertThat(auditCount("SESSION_ENDED", "sso-rights", "DENIED")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'sso-rights'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesAnIdentityWithNoStaffRecord() throws Exception {
		var browser = browser();
		var hops = signIn(browser, "stranger-subject", Map.of("email", "stranger@example.org"));

		assertRefused(browser, hops);
		assertThat(auditCount("SSO_SIGN_IN_REFUSED", "stranger@example.org", "DENIED")).isEqualTo(1);
	}

	@Test
	void refusesADisabledAccount() throws Exception {
		var member = agencies.createStaff("sso-disabled", "Dana Disabled", "dana.disabled@demo.harmwatch.test", "UHB",
				List.of("PANEL_MEMBER"), null);
		agencies.changeStaff(member.id(), "Dana Disabled", "dana.disabled@demo.harmwatch.test", "UHB",
				List.of("PANEL_MEMBER"), false, member.version());

		var browser = browser();
		var hops = signIn(browser, "dana-subject", Map.of("email", "dana.disabled@demo.harmwatch.test"));

		assertRefused(browser, hops);
		assertThat(auditCount("SSO_SIGN_IN_REFUSED", "sso-disabled", "DENIED")).isEqualTo(1);
	}

	@Test
	void refusesAnAddressTheProviderHasNotVerified() throws Exception {
		var browser = browser();
		var hops = signIn(browser, "impostor-subject",
				Map.of("email", "admin@demo.harmwatch.test", "email_verified", false));

		assertRefused(browser, hops);
		assertThat(auditCount("SSO_SIGN_IN_REFUSED", "admin@demo.harmwatch.test", "DENIED")).isEqualTo(1);
	}

	@Test
	void offersSingleSignOnOnTheSignInPage() throws Exception {
		var page = get(browser(), "/login", "text/html");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("href=\"/oauth2/authorization/sso\"").contains("Sign in with " + LABEL);
	}

	private void assertRefused(HttpClient browser, Hops hops) throws IOException, InterruptedException {
		assertThat(hops.visited()).anySatisfy(uri -> assertThat(uri.getPath()).isEqualTo("/login/oauth2/code/sso"));
		assertThat(hops.last().uri().getPath()).isEqualTo("/login");
		assertThat(hops.last().uri().getQuery()).isEqualTo("sso");
		assertThat(hops.last().statusCode()).isEqualTo(200);
		assertThat(hops.last().body()).contains("govuk-error-summary")
			.contains("there is no Harmwatch account for you, or it is disabled");
		assertThat(get(browser, "/api/me", "application/json").statusCode()).isEqualTo(401);
	}

	private long auditCount(String action, String actor, String outcome) {
		return jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE action = ? AND actor = ? AND outcome = ?")
			.params(action, actor, outcome)
			.query(Long.class)
			.single();
	}

	/** A browser that keeps cookies and, like a test should, follows redirects one at a time. */
	private static HttpClient browser() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	record Hops(List<URI> visited, HttpResponse<String> last) {
	}

	/** Clicks "Sign in with …" and follows the browser through the provider and back. */
	private Hops signIn(HttpClient browser, String subject, Map<String, Object> claims)
			throws IOException, InterruptedException {
		idp.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
		var visited = new ArrayList<URI>();
		var uri = URI.create("http://localhost:" + port + "/oauth2/authorization/sso");
		for (int hop = 0; hop < 10; hop++) {
			visited.add(uri);
			var response = browser.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
			var location = response.headers().firstValue("Location");
			if (response.statusCode() / 100 != 3 || location.isEmpty()) {
				return new Hops(visited, response);
			}
			uri = uri.resolve(location.get());
		}
		throw new AssertionError("Too many redirects: " + visited);
	}

	private HttpResponse<String> get(HttpClient browser, String path, String accept)
			throws IOException, InterruptedException {
		return browser.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
