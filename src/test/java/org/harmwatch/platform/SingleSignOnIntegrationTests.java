package org.harmwatch.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
 * Single sign-on end to end: a real OIDC provider (mock-oauth2-server, in this JVM)
 * vouches for a person, and the browser goes through the whole authorisation-code flow
 * over HTTP.
 *
 * <p>
 * SSO needs its own properties, so this class has its own application context (and
 * embedded database); keep every SSO case in this one class so the suite starts only one
 * extra context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SingleSignOnIntegrationTests {

	static final String ISSUER = "default";

	static final String CLIENT_ID = "harmwatch";

	static final String LABEL = "West Midlands Staff Login";

	/**
	 * Started before the context, so single sign-on is offered from the start; the other
	 * case has its own test class.
	 */
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
		var hops = signIn(browser, "panel-subject",
				Map.of("email", "Panel@demo.harmwatch.test", "email_verified", true));

		assertThat(hops.visited())
			.anySatisfy(uri -> assertThat(uri.toString()).startsWith(idp.issuerUrl(ISSUER) + "/authorize"));
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
		assertThat(lastDetail("SIGNED_IN", "panel"))
			.isEqualTo("method=sso issuer=" + idp.issuerUrl(ISSUER) + " subject=panel-subject");
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
		// The session still holds a single sign-on authentication (for sign-out at the
		// provider), with the new rights.
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
		var hops = signIn(browser, "stranger-subject", Map.of("email", "stranger@example.org", "email_verified", true));

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
		var hops = signIn(browser, "dana-subject",
				Map.of("email", "dana.disabled@demo.harmwatch.test", "email_verified", true));

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
	void neverMatchesOnPreferredUsername() throws Exception {
		// A provider user anyone could have created, named after a member of staff, with
		// no e-mail address at all.
		var browser = browser();
		var hops = signIn(browser, "squatter-subject",
				Map.of("preferred_username", "investigator@demo.harmwatch.test"));

		assertRefused(browser, hops);
		assertThat(lastDetail("SSO_SIGN_IN_REFUSED", "subject squatter-subject at " + idp.issuerUrl(ISSUER)))
			.isEqualTo("the identity provider sent no email claim");
		assertThat(auditCount("SIGNED_IN", "investigator", "ALLOWED")).isZero();
	}

	@Test
	void refusesAnAddressTheProviderDoesNotSayItVerified() throws Exception {
		var browser = browser();
		var hops = signIn(browser, "silent-subject",
				Map.of("email", "investigator@demo.harmwatch.test", "preferred_username", "investigator"));

		assertRefused(browser, hops);
		assertThat(lastDetail("SSO_SIGN_IN_REFUSED", "investigator@demo.harmwatch.test"))
			.startsWith("the identity provider has not verified this address");
		assertThat(auditCount("SIGNED_IN", "investigator", "ALLOWED")).isZero();
	}

	@Test
	void passwordSignInStillWorksAndIsAuditedAsSuch() throws Exception {
		var browser = browser();
		var signedIn = passwordSignIn(browser, "coordinator");

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
		assertThat(lastDetail("SIGNED_IN", "coordinator")).isEqualTo("method=password");

		var out = post(browser, "/logout", csrfFrom(get(browser, "/", "text/html").body()));
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(out.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/login?signedOut"));
		assertThat(lastDetail("SIGNED_OUT", "coordinator")).isEqualTo("method=password ended by the user");
		assertThat(get(browser, "/api/me", "application/json").statusCode()).isEqualTo(401);
	}

	@Test
	void signingOutEndsTheSessionAtTheProviderToo() throws Exception {
		var browser = browser();
		signIn(browser, "frontline-subject",
				Map.of("email", "frontline@demo.harmwatch.test", "email_verified", true, "sid", "idp-session-out"));

		var home = get(browser, "/", "text/html");
		// Browsers apply form-action to the redirect that follows the sign-out form, so
		// the provider must be in it.
		assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
			.contains("form-action 'self' http://localhost:" + idp.issuerUrl(ISSUER).port() + ";"));
		var out = post(browser, "/logout", csrfFrom(home.body()));

		// RP-initiated logout: to the provider's end-session endpoint, which is to send
		// the browser back to sign-in.
		assertThat(out.statusCode()).isEqualTo(302);
		var endSession = URI.create(out.headers().firstValue("Location").orElseThrow());
		assertThat(endSession.toString()).startsWith(idp.endSessionEndpointUrl(ISSUER).toString());
		assertThat(endSession.getQuery()).contains("id_token_hint=")
			.contains("post_logout_redirect_uri=http://localhost:" + port + "/login?signedOut");
		assertThat(lastDetail("SIGNED_OUT", "frontline"))
			.isEqualTo("method=sso issuer=" + idp.issuerUrl(ISSUER) + " subject=frontline-subject ended by the user");
		assertThat(get(browser, "/api/me", "application/json").statusCode()).isEqualTo(401);
		assertThat(jdbc.sql("SELECT count(*) FROM platform.oidc_session WHERE provider_sid = 'idp-session-out'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theProviderEndsASessionByBackChannelLogout() throws Exception {
		var ended = browser();
		signIn(ended, "analyst-subject",
				Map.of("email", "analyst@demo.harmwatch.test", "email_verified", true, "sid", "idp-session-1"));
		var other = browser();
		signIn(other, "analyst-subject",
				Map.of("email", "analyst@demo.harmwatch.test", "email_verified", true, "sid", "idp-session-2"));
		assertThat(get(ended, "/api/me", "application/json").statusCode()).isEqualTo(200);

		// No session, no CSRF token: the provider calls from its own server.
		var response = backChannelLogout(logoutToken("analyst-subject", Map.of("sid", "idp-session-1")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(get(ended, "/api/me", "application/json").statusCode()).isEqualTo(401);
		assertThat(get(other, "/api/me", "application/json").statusCode()).isEqualTo(200);
		assertThat(lastDetail("SIGNED_OUT", "analyst")).isEqualTo("method=sso issuer=" + idp.issuerUrl(ISSUER)
				+ " subject=analyst-subject ended by the provider (back-channel logout)");

		// Without a sid, the token ends every session of the subject.
		assertThat(backChannelLogout(logoutToken("analyst-subject", Map.of())).statusCode()).isEqualTo(200);
		assertThat(get(other, "/api/me", "application/json").statusCode()).isEqualTo(401);
	}

	@Test
	void backChannelLogoutRefusesATokenItCannotVerify() throws Exception {
		var browser = browser();
		signIn(browser, "naloxone-subject",
				Map.of("email", "naloxone@demo.harmwatch.test", "email_verified", true, "sid", "idp-session-naloxone"));
		var genuine = logoutToken("naloxone-subject", Map.of("sid", "someone-else")).split("\\.");
		// The same signature over a payload that names this person's session instead.
		var forgedPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(genuine[1]), StandardCharsets.UTF_8)
				.replace("someone-else", "idp-session-naloxone")
				.getBytes(StandardCharsets.UTF_8));
		var forged = genuine[0] + "." + forgedPayload + "." + genuine[2];
		var unsigned = "eyJhbGciOiJub25lIn0" + "." + forgedPayload + ".";
		var notALogoutToken = idp
			.issueToken(ISSUER, CLIENT_ID,
					new DefaultOAuth2TokenCallback(ISSUER, "naloxone-subject", "JWT", List.of(CLIENT_ID),
							Map.of("sid", "idp-session-naloxone"), 60))
			.serialize();

		for (var token : List.of(forged, unsigned, notALogoutToken, "not-a-jwt")) {
			var response = backChannelLogout(token);
			assertThat(response.statusCode()).as(token).isEqualTo(400);
			assertThat(response.body()).contains("invalid");
		}
		assertThat(get(browser, "/api/me", "application/json").statusCode()).isEqualTo(200);
		var unknownRegistration = browser()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout/connect/back-channel/nobody"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("logout_token=x"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(unknownRegistration.statusCode()).isEqualTo(400);
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

	/** A logout token as the provider signs it (OIDC Back-Channel Logout 1.0 §2.4). */
	private String logoutToken(String subject, Map<String, Object> claims) {
		var all = new HashMap<String, Object>(claims);
		all.put("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
		return idp
			.issueToken(ISSUER, CLIENT_ID,
					new DefaultOAuth2TokenCallback(ISSUER, subject, "logout+jwt", List.of(CLIENT_ID), all, 120))
			.serialize();
	}

	private HttpResponse<String> backChannelLogout(String token) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout/connect/back-channel/sso"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> passwordSignIn(HttpClient browser, String username)
			throws IOException, InterruptedException {
		var form = csrfFrom(get(browser, "/login", "text/html").body()) + "&username=" + username
				+ "&password=harmwatch-demo";
		return post(browser, "/login", form);
	}

	private static String csrfFrom(String page) {
		var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return "_csrf=" + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
	}

	private HttpResponse<String> post(HttpClient browser, String path, String form)
			throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String lastDetail(String action, String actor) {
		return jdbc
			.sql("SELECT detail FROM platform.audit_event WHERE action = ? AND actor = ? ORDER BY seq DESC LIMIT 1")
			.params(action, actor)
			.query(String.class)
			.optional()
			.orElse("(no " + action + " entry for " + actor + ")");
	}

	private long auditCount(String action, String actor, String outcome) {
		return jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE action = ? AND actor = ? AND outcome = ?")
			.params(action, actor, outcome)
			.query(Long.class)
			.single();
	}

	/**
	 * A browser that keeps cookies and, like a test should, follows redirects one at a
	 * time.
	 */
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
