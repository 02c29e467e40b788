package org.harmwatch.naloxone;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.TestMessaging;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public finder is in everyone's menu, and the anonymous subscription-confirmation
 * page, whose form needs a session, still renders whole under the longer header: over
 * real HTTP, with no cookie, it answers with its session cookie and a CSRF token that
 * confirms the subscription.
 */
@HarmwatchIntegrationTest
class NaloxoneFinderMenuIntegrationTests {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theConfirmationPageRendersWholeWithTheFinderInTheMenuAndItsTokenConfirms() throws Exception {
		var address = "finder-menu-" + UUID.randomUUID() + "@example.org";
		mvc.perform(post("/subscribe").with(csrf()).with(r -> {
			r.setRemoteAddr("10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250));
			return r;
		}).param("channel", "EMAIL").param("address", address).param("ladCodes", "E08000025"))
			.andExpect(status().isOk());
		var body = GreenMailUtil.getBody(TestMessaging.mailTo(address).getFirst());
		var path = body.replaceAll("(?s).*?(/subscribe/confirm/[A-Za-z0-9_-]+).*", "$1");
		assertThat(path).startsWith("/subscribe/confirm/");

		// as a browser asks for it, compressed
		var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Encoding", "gzip")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(page.statusCode()).isEqualTo(200);
		var html = page.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent()
				? new String(new GZIPInputStream(new ByteArrayInputStream(page.body())).readAllBytes(),
						StandardCharsets.UTF_8)
				: new String(page.body(), StandardCharsets.UTF_8);
		assertThat(html).contains("href=\"/naloxone/finder\"").contains("Harm reduction").contains("</html>");
		var token = CSRF.matcher(html);
		assertThat(token.find()).as("the form carries a CSRF token").isTrue();
		var cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

		var confirmed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("Subscription confirmed");

		// the finder itself needs no sign-in, and its entry is in the public's menu
		var finder = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/naloxone/finder")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(finder.statusCode()).isEqualTo(200);
		assertThat(finder.body()).contains("id=\"main-content\"").contains("href=\"/naloxone/finder\"");
	}

}
