package org.harmwatch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The outside world that alerts are sent to, for every integration test: a GreenMail SMTP
 * server and a fake GOV.UK Notify API, started once per JVM on free ports, with
 * {@code spring.mail.port} (the host, 127.0.0.1, is in application-test.yml) and
 * {@code harmwatch.dissemination.sms.*} pointing at them.
 *
 * <p>
 * Tests read what was sent with {@link #mail()}
 * ({@code TestMessaging.mail().getReceivedMessages()}) and
 * {@link #notifyApi()}{@code .requests()}. The shared context shares these servers, so
 * filter by your own recipients.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMessaging {

	private static GreenMail mail;

	private static FakeNotify notify;

	/** The SMTP server every test's emails go to. */
	public static synchronized GreenMail mail() {
		if (mail == null) {
			mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			mail.start();
		}
		return mail;
	}

	/** The fake Notify API every test's text messages go to. */
	public static synchronized FakeNotify notifyApi() {
		if (notify == null) {
			notify = new FakeNotify();
		}
		return notify;
	}

	/**
	 * Emails received for one address (every mailbox GreenMail holds, filtered by
	 * recipient).
	 */
	public static List<MimeMessage> mailTo(String address) {
		var result = new java.util.ArrayList<MimeMessage>();
		for (var message : mail().getReceivedMessages()) {
			try {
				var to = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
				if (to != null && java.util.Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
					result.add(message);
				}
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return result;
	}

	@Bean
	DynamicPropertyRegistrar testMessagingProperties() {
		return registry -> {
			registry.add("spring.mail.port", () -> mail().getSmtp().getPort());
			registry.add("harmwatch.dissemination.sms.base-url", () -> notifyApi().baseUrl());
			registry.add("harmwatch.dissemination.sms.api-key", () -> FakeNotify.API_KEY);
			registry.add("harmwatch.dissemination.sms.template-id", () -> FakeNotify.TEMPLATE_ID);
		};
	}

	/**
	 * A fake GOV.UK Notify: answers {@code POST /v2/notifications/sms} like Notify does
	 * (201 and the notification's JSON) and records each request body.
	 */
	public static final class FakeNotify {

		public static final String TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a";

		/** A key in Notify's shape: name, service id, secret. */
		public static final String API_KEY = "harmwatch_test-26785a09-ab16-4eb0-8407-a37497a57506-"
				+ "3d844edf-8d35-48ac-975b-e847b4f122b0";

		/** One SMS request as received: its JSON body and the Authorization header. */
		public record Request(String body, String authorization) {
		}

		private final HttpServer server;

		private final List<Request> requests = new CopyOnWriteArrayList<>();

		private final AtomicBoolean failing = new AtomicBoolean();

		FakeNotify() {
			try {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			server.createContext("/v2/notifications/sms", exchange -> {
				var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				byte[] answer;
				int status;
				if (!"POST".equals(exchange.getRequestMethod())) {
					status = 405;
					answer = "{\"errors\":[{\"error\":\"MethodNotAllowed\"}],\"status_code\":405}".getBytes();
				}
				else if (failing.get()) {
					status = 500;
					answer = "{\"errors\":[{\"error\":\"Exception\",\"message\":\"Internal server error\"}],\"status_code\":500}"
						.getBytes();
				}
				else {
					requests
						.add(new Request(body, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
					status = 201;
					var id = UUID.randomUUID();
					answer = ("{\"id\":\"" + id + "\",\"reference\":null,\"content\":{\"body\":\"sent\","
							+ "\"from_number\":\"HARMWATCH\"},\"uri\":\"" + baseUrl() + "/v2/notifications/" + id
							+ "\",\"template\":{\"id\":\"" + TEMPLATE_ID + "\",\"version\":1,\"uri\":\"" + baseUrl()
							+ "/services/26785a09-ab16-4eb0-8407-a37497a57506/templates/" + TEMPLATE_ID + "\"}}")
						.getBytes(StandardCharsets.UTF_8);
				}
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
			server.start();
		}

		public String baseUrl() {
			return "http://127.0.0.1:" + server.getAddress().getPort();
		}

		public List<Request> requests() {
			return List.copyOf(requests);
		}

		/** Requests whose body mentions a text (a phone number, a reference). */
		public List<Request> requestsMentioning(String text) {
			return requests.stream().filter(r -> r.body().contains(text)).toList();
		}

		/** Makes Notify answer 500 until set back. */
		public void failing(boolean failing) {
			this.failing.set(failing);
		}

	}

}
