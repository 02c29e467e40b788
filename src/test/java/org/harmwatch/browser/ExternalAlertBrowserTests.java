package org.harmwatch.browser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.earlywarning.internal.federation.FederationPoller;
import org.harmwatch.earlywarning.internal.federation.FederationProperties.Feed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The coordinator reads a neighbouring region's alert, polled from its CAP feed, and
 * reviews it.
 */
@HarmwatchIntegrationTest
class ExternalAlertBrowserTests extends BrowserTestSupport {

	@Autowired
	FederationPoller poller;

	@Test
	void theCoordinatorReadsAndReviewsANeighboursAlert() throws IOException {
		var headline = "Nitazene sold as oxycodone, Stoke-on-Trent " + System.nanoTime();
		var cap = """
				<?xml version="1.0" encoding="UTF-8"?>
				<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
				  <identifier>STAFFS-%d</identifier>
				  <sender>alerts@staffs.example</sender>
				  <sent>2026-11-19T09:30:00+00:00</sent>
				  <status>Actual</status>
				  <msgType>Alert</msgType>
				  <scope>Public</scope>
				  <info>
				    <category>Health</category>
				    <event>Drug alert</event>
				    <urgency>Immediate</urgency>
				    <severity>Extreme</severity>
				    <certainty>Observed</certainty>
				    <headline>%s</headline>
				    <description>Green tablets marked 80 contain a nitazene.</description>
				    <area><areaDesc>Stoke-on-Trent</areaDesc></area>
				  </info>
				</alert>
				""".formatted(System.nanoTime(), headline).getBytes(StandardCharsets.UTF_8);
		var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/alert.cap", exchange -> {
			exchange.sendResponseHeaders(200, cap.length);
			try (var out = exchange.getResponseBody()) {
				out.write(cap);
			}
		});
		server.start();
		try {
			poller.poll(
					List.of(new Feed("Staffordshire " + System.nanoTime(),
							URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alert.cap"))),
					Instant.now());
		}
		finally {
			server.stop(0);
		}

		signIn("coordinator");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("External alerts").setExact(true))
			.first()
			.click();
		page.waitForURL("**/early-warning/external-alerts");
		assertAccessible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(headline)).click();
		assertThat(page.locator("h1")).hasText(headline);
		assertThat(page.locator(".govuk-inset-text")).containsText("has not been sent to anyone here");
		assertAccessible();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save review")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Say what you concluded");
		assertAccessible();
		page.getByLabel("What did you conclude?").fill("Not seen here yet; watch for green 80 tablets.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save review")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("Review saved");
		assertThat(page.locator(".govuk-summary-list")).containsText("watch for green 80 tablets");
	}

}
