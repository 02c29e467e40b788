package org.harmwatch.earlywarning.internal.federation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.earlywarning.FederationManagement;
import org.harmwatch.earlywarning.internal.federation.FederationProperties.Feed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Polling neighbouring regions' feeds from a real HTTP server: each CAP alert stored
 * once, invalid or hostile documents refused with the reason, a feed that is down
 * recorded without stopping the others, and nothing polled ever published as an event of
 * ours.
 */
@HarmwatchIntegrationTest
class FederationIntegrationTests {

	@Autowired
	FederationPoller poller;

	@Autowired
	FederationManagement federation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	HttpServer server;

	final Map<String, String> documents = new ConcurrentHashMap<>();

	final String sender = "dews-" + UUID.randomUUID() + "@neighbour.example";

	final Instant now = Instant.parse("2026-11-20T10:00:00Z");

	@BeforeEach
	void serveFeeds() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			var body = documents.get(exchange.getRequestURI().getPath());
			if (body == null) {
				exchange.sendResponseHeaders(503, -1);
				exchange.close();
				return;
			}
			var bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/xml");
			exchange.sendResponseHeaders(200, bytes.length);
			try (var out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	URI url(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	String cap(String identifier, String status, String msgType, String references, String headline) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
				  <identifier>%s</identifier>
				  <sender>%s</sender>
				  <sent>2026-11-19T09:30:00+00:00</sent>
				  <status>%s</status>
				  <msgType>%s</msgType>
				  <scope>Public</scope>
				  %s
				  <info>
				    <language>en-GB</language>
				    <category>Health</category>
				    <event>Drug alert</event>
				    <urgency>Immediate</urgency>
				    <severity>Severe</severity>
				    <certainty>Likely</certainty>
				    <expires>2026-12-19T09:30:00+00:00</expires>
				    <headline>%s</headline>
				    <description>Brown powder sold as heroin contains a nitazene.</description>
				    <instruction>Carry naloxone. Do not use alone.</instruction>
				    <area>
				      <areaDesc>Manchester</areaDesc>
				      <geocode><valueName>ONS-GSS</valueName><value>E08000003</value></geocode>
				    </area>
				  </info>
				</alert>
				""".formatted(identifier, sender, status, msgType, references, headline);
	}

	String atom(String... capPaths) {
		var entries = new StringBuilder();
		for (var path : capPaths) {
			entries.append("""
					<entry>
					  <id>urn:test:%s</id>
					  <title>Alert %s</title>
					  <updated>2026-11-19T09:30:00Z</updated>
					  <link rel="alternate" type="application/cap+xml" href="%s"/>
					</entry>
					""".formatted(path, path, path));
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom">
				  <id>urn:test:neighbour</id>
				  <title>Neighbouring region drug alerts</title>
				  <updated>2026-11-19T09:30:00Z</updated>
				  %s
				</feed>
				""".formatted(entries);
	}

	long stored() {
		return jdbc.sql("SELECT count(*) FROM earlywarning.external_alert WHERE sender = ?")
			.param(sender)
			.query(Long.class)
			.single();
	}

	long publications() {
		return jdbc.sql("SELECT count(*) FROM event_publication").query(Long.class).single();
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void storesEachAlertOfAnAtomFeedOnceAndRefusesInvalidOnes() {
		documents.put("/feed.atom", atom("cap/1.xml", "cap/2.xml", "cap/bad.xml"));
		documents.put("/cap/1.xml", cap("GM-1", "Actual", "Alert", "", "Nitazene in heroin, Manchester"));
		documents.put("/cap/2.xml",
				cap("GM-2", "Actual", "Update",
						"<references>" + sender + ",GM-1,2026-11-19T09:30:00+00:00</references>",
						"Update: nitazene in heroin, Manchester"));
		// No <scope>: the schema requires it.
		documents.put("/cap/bad.xml", cap("GM-3", "Actual", "Alert", "", "Bad").replace("<scope>Public</scope>", ""));
		var feed = new Feed("Greater Manchester " + sender, url("/feed.atom"));
		var events = publications();

		var first = poller.poll(java.util.List.of(feed), now).get(0);

		assertThat(first.error()).isNull();
		assertThat(first.stored()).isEqualTo(2);
		assertThat(first.refused()).singleElement().asString().contains("cap/bad.xml").contains("schema");
		assertThat(stored()).isEqualTo(2);

		var second = poller.poll(java.util.List.of(feed), now.plusSeconds(600)).get(0);
		assertThat(second.stored()).isZero();
		assertThat(second.known()).isEqualTo(2);
		assertThat(stored()).isEqualTo(2);

		var update = jdbc
			.sql("SELECT msg_type, refs, headline, gss_codes[1], severity FROM earlywarning.external_alert "
					+ "WHERE sender = ? AND identifier = 'GM-2'")
			.param(sender)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
					+ "|" + rs.getString(5))
			.single();
		assertThat(update).isEqualTo("Update|" + sender + ",GM-1,2026-11-19T09:30:00+00:00|"
				+ "Update: nitazene in heroin, Manchester|E08000003|Severe");
		var status = federation.feeds();
		assertThat(status).isEmpty(); // none configured in the test profile: these feeds
										// were passed in
		var state = jdbc
			.sql("SELECT last_error, last_success_at IS NOT NULL FROM earlywarning.federation_feed " + "WHERE name = ?")
			.param(feed.name())
			.query((rs, n) -> rs.getString(1) + "|" + rs.getBoolean(2))
			.single();
		assertThat(state).startsWith("1 entry refused").endsWith("|true");
		// Polled alerts are evidence only: no event of ours was published for them.
		assertThat(publications()).isEqualTo(events);
	}

	@Test
	void aFeedThatIsDownIsRecordedAndTheOthersAreStillRead() {
		documents.put("/single.cap", cap("WY-9", "Exercise", "Alert", "", "Exercise: test alert"));
		var down = new Feed("Down " + sender, url("/nothing-here"));
		var single = new Feed("Single " + sender, url("/single.cap"));

		var outcomes = poller.poll(java.util.List.of(down, single), now);

		assertThat(outcomes.get(0).error()).isEqualTo("HTTP 503 from " + url("/nothing-here"));
		assertThat(outcomes.get(1).stored()).isEqualTo(1);
		var stored = federation.alerts(false, 1)
			.alerts()
			.stream()
			.filter(alert -> alert.sender().equals(sender))
			.findFirst()
			.orElseThrow();
		assertThat(stored.actual()).isFalse();
		assertThat(stored.areas()).containsExactly("Manchester");
		assertThat(jdbc.sql("SELECT last_error FROM earlywarning.federation_feed WHERE name = ?")
			.param(down.name())
			.query(String.class)
			.single()).contains("503");
	}

	@Test
	void neitherAFeedNorItsLinksMayReachAnInternalAddressThatIsNotAllowListed() {
		// The test server is allow-listed as 127.0.0.1 (application-test.yml);
		// "localhost" and [::1] reach the same
		// server by a name and an address that are not, and 169.254.169.254 is the cloud
		// metadata service.
		int port = server.getAddress().getPort();
		documents.put("/inside.cap", cap("IN-1", "Actual", "Alert", "", "Nitazene in heroin, never to be read"));
		documents.put("/hostile.atom",
				atom("http://localhost:" + port + "/inside.cap", "http://169.254.169.254/latest/meta-data/cap.xml",
						"http://[::1]:" + port + "/inside.cap", "http://10.0.0.1/cap.xml"));
		var byName = new Feed("By name " + sender, URI.create("http://localhost:" + port + "/inside.cap"));
		var metadata = new Feed("Metadata " + sender, URI.create("http://169.254.169.254/latest/meta-data/"));
		var hostile = new Feed("Hostile links " + sender, url("/hostile.atom"));

		var outcomes = poller.poll(java.util.List.of(byName, metadata, hostile), now);

		assertThat(outcomes.get(0).error()).startsWith("refused: localhost").contains("loopback");
		assertThat(outcomes.get(1).error()).startsWith("refused: 169.254.169.254").contains("link-local");
		assertThat(outcomes.get(2).error()).isNull();
		assertThat(outcomes.get(2).refused()).hasSize(4).allSatisfy(why -> assertThat(why).contains(": refused: "));
		assertThat(stored()).isZero();
		assertThat(jdbc.sql("SELECT last_error FROM earlywarning.federation_feed WHERE name = ?")
			.param(byName.name())
			.query(String.class)
			.single()).contains("harmwatch.outbound.allowed-hosts");
	}

	@Test
	void externalEntitiesAndDoctypesAreRefused() {
		documents.put("/hostile.cap", """
				<?xml version="1.0"?>
				<!DOCTYPE alert [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&secret;</identifier></alert>
				""");

		var outcome = poller.poll(java.util.List.of(new Feed("Hostile " + sender, url("/hostile.cap"))), now).get(0);

		assertThat(outcome.error()).startsWith("not well-formed XML").contains("DOCTYPE");
		assertThat(jdbc.sql("SELECT count(*) FROM earlywarning.external_alert WHERE cap_xml LIKE '%root:%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theCoordinatorAndPanelReadThemAndOnlyTheCoordinatorReviews() throws Exception {
		documents.put("/review.cap", cap("GM-R", "Actual", "Alert", "", "Xylazine in heroin, Salford"));
		poller.poll(java.util.List.of(new Feed("Review " + sender, url("/review.cap"))), now);
		var id = jdbc.sql("SELECT id FROM earlywarning.external_alert WHERE sender = ?")
			.param(sender)
			.query(UUID.class)
			.single();

		mvc.perform(get("/early-warning/external-alerts").with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Xylazine in heroin, Salford")));
		mvc.perform(get("/early-warning/external-alerts/" + id).with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Carry naloxone. Do not use alone.")))
			.andExpect(content().string(not(containsString("Save review"))));

		// A review needs a note; without one nothing changes.
		mvc.perform(post("/early-warning/external-alerts/" + id + "/review").with(as("coordinator"))
			.with(csrf())
			.param("note", "  "))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("Say what you concluded from this alert.")));
		assertThat(federation.alert(id).reviewedAt()).isNull();

		mvc.perform(post("/early-warning/external-alerts/" + id + "/review").with(as("coordinator"))
			.with(csrf())
			.param("note", "Same batch as our Walsall signal.")).andExpect(status().isFound());
		var reviewed = federation.alert(id);
		assertThat(reviewed.reviewedBy()).isEqualTo("coordinator");
		assertThat(reviewed.reviewNote()).isEqualTo("Same batch as our Walsall signal.");

		mvc.perform(post("/early-warning/external-alerts/" + id + "/review").with(as("coordinator"))
			.with(csrf())
			.param("note", "Changed my mind")).andExpect(status().isUnprocessableEntity());
		assertThat(federation.alert(id).reviewNote()).isEqualTo("Same batch as our Walsall signal.");
		mvc.perform(get("/early-warning/external-alerts/" + UUID.randomUUID()).with(as("coordinator")))
			.andExpect(status().isNotFound());
	}

}
