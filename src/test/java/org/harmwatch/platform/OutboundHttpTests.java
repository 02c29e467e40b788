package org.harmwatch.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Server-side request forgery, tried against a real HTTP server on this machine. Only
 * loopback addresses are ever connected to: a private or link-local target is refused
 * before any socket is opened, which is what is asserted.
 */
class OutboundHttpTests {

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	HttpServer server;

	final List<String> served = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			var query = exchange.getRequestURI().getQuery();
			served.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
					+ (query == null ? "" : "?" + query));
			if (query != null && query.startsWith("to=")) {
				exchange.getResponseHeaders().add("Location", query.substring(3));
				exchange.sendResponseHeaders(302, -1);
			}
			else {
				var body = "hello".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			}
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	int port() {
		return server.getAddress().getPort();
	}

	static OutboundHttp allowing(String... hosts) {
		return new OutboundHttp(new OutboundProperties(List.of(hosts)));
	}

	@Test
	void refusesLoopbackThatIsNotAllowListedAndSendsNothing() {
		var http = allowing();

		assertThatThrownBy(() -> http.get(URI.create("http://127.0.0.1:" + port() + "/feed"), Map.of(), TIMEOUT, 100))
			.isInstanceOf(OutboundRefusedException.class)
			.hasMessageContaining("127.0.0.1 is a loopback address")
			.hasMessageContaining("harmwatch.outbound.allowed-hosts");
		assertThatThrownBy(() -> http.post(URI.create("http://127.0.0.1:" + port() + "/hook"), Map.of(),
				"application/json", "{}".getBytes(StandardCharsets.UTF_8), TIMEOUT))
			.isInstanceOf(OutboundRefusedException.class);
		assertThat(served).isEmpty();
	}

	@Test
	void refusesANameThatResolvesToLoopbackWhenItConnects() {
		var http = allowing("127.0.0.1");

		// "localhost" is not allow-listed: the address DNS gives for it is checked as the
		// socket connects.
		assertThatThrownBy(() -> http.get(URI.create("http://localhost:" + port() + "/feed"), Map.of(), TIMEOUT, 100))
			.isInstanceOf(OutboundRefusedException.class)
			.hasMessageContaining("loopback");
		assertThat(served).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
			"http://[::ffff:127.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "http://[fd00:ec2::254]/", "http://0.0.0.0/",
			"http://[fe80::1]/", "http://192.168.0.1:8080/", "http://172.16.0.1/" })
	void refusesInternalAddressesBeforeConnecting(String url) {
		var http = allowing("127.0.0.1");

		assertThatThrownBy(() -> http.get(URI.create(url), Map.of(), TIMEOUT, 100))
			.isInstanceOf(OutboundRefusedException.class)
			.hasMessageStartingWith("refused: ");
		assertThat(http.refusal(URI.create(url))).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:%d/inside", "http://[::1]:%d/inside", "http://10.0.0.1:%d/inside",
			"http://169.254.169.254/latest/meta-data/", "http://[::ffff:7f00:1]:%d/inside" })
	void refusesARedirectToAnInternalAddress(String target) {
		var http = allowing("127.0.0.1");
		var location = target.contains("%d") ? target.formatted(port()) : target;

		var start = URI
			.create("http://127.0.0.1:" + port() + "/start?to=" + URLEncoder.encode(location, StandardCharsets.UTF_8));

		assertThatThrownBy(() -> http.get(start, Map.of(), TIMEOUT, 100)).isInstanceOf(OutboundRefusedException.class)
			.hasMessageStartingWith("refused: ");
		// The allow-listed server was asked once; the redirect's target never was.
		assertThat(served).containsExactly("GET /start?to=" + location);
	}

	@Test
	void anAllowListedHostIsReachedAndItsRedirectsToItselfFollowed() throws IOException {
		var http = allowing("127.0.0.1");

		var direct = http.get(URI.create("http://127.0.0.1:" + port() + "/feed"), Map.of(), TIMEOUT, 100);
		var redirected = http.get(URI.create("http://127.0.0.1:" + port() + "/start?to=/feed2"), Map.of(), TIMEOUT,
				100);

		assertThat(direct.status()).isEqualTo(200);
		assertThat(new String(direct.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
		assertThat(redirected.status()).isEqualTo(200);
		assertThat(redirected.uri().getPath()).isEqualTo("/feed2");
		assertThat(served).containsExactly("GET /feed", "GET /start?to=/feed2", "GET /feed2");
	}

	@Test
	void aPostIsNeverRedirected() throws IOException {
		var http = allowing("127.0.0.1");

		var answer = http.post(URI.create("http://127.0.0.1:" + port() + "/hook?to=/elsewhere"), Map.of(),
				"application/json", "{}".getBytes(StandardCharsets.UTF_8), TIMEOUT);

		assertThat(answer.status()).isEqualTo(302);
		assertThat(served).containsExactly("POST /hook?to=/elsewhere");
	}

	@Test
	void followsAtMostFiveRedirects() {
		var http = allowing("127.0.0.1");
		var url = "/end";
		for (int i = 0; i < 6; i++) {
			url = "/hop" + i + "?to=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
		}
		var start = URI.create("http://127.0.0.1:" + port() + url);

		assertThatThrownBy(() -> http.get(start, Map.of(), TIMEOUT, 100)).isInstanceOf(IOException.class)
			.hasMessageContaining("more than 5 redirects");
	}

	@Test
	void onlyHttpAndHttpsAreFetched() {
		var http = allowing("127.0.0.1");

		for (var url : List.of("file:///etc/passwd", "ftp://example.org/", "gopher://127.0.0.1:70/")) {
			assertThatThrownBy(() -> http.get(URI.create(url), Map.of(), TIMEOUT, 100))
				.isInstanceOf(OutboundRefusedException.class)
				.hasMessageContaining("only http and https");
		}
	}

}
