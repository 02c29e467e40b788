package org.harmwatch.platform;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Harmwatch starts while its single sign-on provider is down, offers password sign-in,
 * and offers single sign-on once the provider answers.
 *
 * <p>
 * The provider's address is a port nobody listens on when the application starts; the
 * test then starts mock-oauth2-server on that very port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SingleSignOnProviderDownIntegrationTests {

	static final String ISSUER = "default";

	static final String CLIENT_ID = "harmwatch";

	static final int PROVIDER_PORT = freePort();

	static final MockOAuth2Server idp = new MockOAuth2Server();

	@DynamicPropertySource
	static void singleSignOn(DynamicPropertyRegistry properties) {
		properties.add("spring.security.oauth2.client.registration.sso.client-id", () -> CLIENT_ID);
		properties.add("spring.security.oauth2.client.registration.sso.client-secret", () -> "not-a-secret");
		properties.add("spring.security.oauth2.client.registration.sso.scope", () -> "openid,email,profile");
		properties.add("spring.security.oauth2.client.provider.sso.issuer-uri", () -> issuer());
		properties.add("harmwatch.sso.registration-id", () -> "sso");
		properties.add("harmwatch.sso.label", () -> "West Midlands Staff Login");
		properties.add("harmwatch.sso.retry-interval", () -> "200ms");
	}

	@AfterAll
	static void stopProvider() {
		idp.shutdown();
	}

	@LocalServerPort
	int port;

	@Test
	void startsWithoutItsProviderAndOffersSingleSignOnOnceItAnswers(CapturedOutput output) throws Exception {
		assertThat(output.getAll()).contains("Single sign-on provider " + issuer()
				+ " is not reachable yet; offering password sign-in until it answers");

		var browser = browser();
		var page = get(browser, "/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("/oauth2/authorization/sso").doesNotContain("West Midlands Staff Login");

		var sso = get(browser, "/oauth2/authorization/sso");
		assertThat(sso.statusCode()).isEqualTo(302);
		assertThat(sso.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/login?ssoUnavailable"));
		assertThat(get(browser, "/login?ssoUnavailable").body()).contains("Single sign-on is not available");

		var signIn = post(browser, "/login",
				csrfFrom(get(browser, "/login").body()) + "&username=panel&password=harmwatch-demo");
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(get(browser, "/api/me").body()).contains("\"username\":\"panel\"");

		idp.start(InetAddress.getByName("localhost"), PROVIDER_PORT);

		var stranger = browser();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(get(stranger, "/login").body()).contains("href=\"/oauth2/authorization/sso\"")
						.contains("Sign in with West Midlands Staff Login"));
		assertThat(output.getAll()).contains("Single sign-on provider " + issuer() + " answered");

		idp.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "frontline-subject", "JWT", List.of(CLIENT_ID),
				Map.of("email", "frontline@demo.harmwatch.test", "email_verified", true), 3600));
		var uri = URI.create("http://localhost:" + port + "/oauth2/authorization/sso");
		HttpResponse<String> response = null;
		for (int hop = 0; hop < 10; hop++) {
			response = stranger.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
			var location = response.headers().firstValue("Location");
			if (response.statusCode() / 100 != 3 || location.isEmpty()) {
				break;
			}
			uri = uri.resolve(location.get());
		}
		assertThat(uri.getPath()).isEqualTo("/");
		assertThat(get(stranger, "/api/me").body()).contains("\"username\":\"frontline\"");
	}

	private static String issuer() {
		return "http://localhost:" + PROVIDER_PORT + "/" + ISSUER;
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
			return socket.getLocalPort();
		}
		catch (IOException failed) {
			throw new IllegalStateException(failed);
		}
	}

	private static HttpClient browser() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private static String csrfFrom(String page) {
		var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return "_csrf=" + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
	}

	private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(HttpClient browser, String path, String form)
			throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
