package org.harmwatch.demo.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's outside world: an SMTP server (GreenMail) and a stand-in for the GOV.UK
 * Notify API, both inside the application on 127.0.0.1, that keep every e-mail and text
 * message the application sends, for the demo outbox page.
 *
 * <p>
 * The application sends to them exactly as it sends to a real mail server and to Notify
 * (the same senders, retries and delivery records), so subscribing, acknowledging and
 * giving feedback can be tried end to end, and nothing fails or is retried. Started
 * before any other bean is made, because the text-message settings
 * ({@code harmwatch.dissemination.sms.*}) are read when the senders are made; they are
 * added in front of every other setting. Only when {@code harmwatch.demo.outbox} is on: a
 * deployment sends through its own SMTP server and Notify account.
 */
public class DemoOutbox implements BeanFactoryPostProcessor, DisposableBean {

	/** A key in Notify's shape (name, service id, secret); nothing checks it. */
	static final String API_KEY = "harmwatch_demo-0d6c1f9e-2f5b-4d7a-9d8e-5d3c2f1a0b9c-"
			+ "7a1e6b2d-4c3f-4e8a-9b0d-1f2e3d4c5b6a";

	static final String TEMPLATE_ID = "9c1d7f0e-3a2b-4c5d-8e9f-0a1b2c3d4e5f";

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GreenMail mail;

	private final HttpServer notify;

	private final List<Text> texts = new CopyOnWriteArrayList<>();

	public DemoOutbox(ConfigurableEnvironment environment) {
		mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		try {
			notify = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			mail.stop();
			throw new IllegalStateException("The demo's text-message outbox could not start", ex);
		}
		notify.createContext("/v2/notifications/sms", this::text);
		notify.start();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("demoOutbox",
					Map.of("harmwatch.dissemination.sms.base-url", notifyUrl(), "harmwatch.dissemination.sms.api-key",
							API_KEY, "harmwatch.dissemination.sms.template-id", TEMPLATE_ID)));
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		// Started and configured in the constructor; nothing else to change.
	}

	/** The port the demo's SMTP server listens on (127.0.0.1). */
	public int smtpPort() {
		return mail.getSmtp().getPort();
	}

	String notifyUrl() {
		return "http://127.0.0.1:" + notify.getAddress().getPort();
	}

	@Override
	public void destroy() {
		notify.stop(0);
		mail.stop();
	}

	/** One e-mail as received. */
	public record Email(String id, String to, String from, String subject, @Nullable Instant sentAt, String text,
			List<String> links) {
	}

	/** One text message as Notify would have sent it. */
	public record Text(String id, String to, String body, Instant receivedAt, List<String> links) {
	}

	/** Every e-mail received, newest first. */
	public List<Email> emails() {
		var result = new ArrayList<Email>();
		var received = mail.getReceivedMessages();
		for (int i = 0; i < received.length; i++) {
			result.add(email(i, received[i]));
		}
		result.sort(Comparator.comparing((Email e) -> e.sentAt() == null ? Instant.EPOCH : e.sentAt())
			.thenComparing(Email::id)
			.reversed());
		return result;
	}

	/** One e-mail by its place in the outbox. */
	public Optional<Email> email(String id) {
		return emails().stream().filter(e -> e.id().equals(id)).findFirst();
	}

	/** Every text message received, newest first. */
	public List<Text> texts() {
		return List.copyOf(texts.reversed());
	}

	private static Email email(int index, MimeMessage message) {
		try {
			var to = message.getRecipients(Message.RecipientType.TO);
			var from = message.getFrom();
			var text = plainText(message);
			return new Email(id(message, index), to == null ? "" : String.join(", ", names(to)),
					from == null ? "" : String.join(", ", names(from)),
					message.getSubject() == null ? "" : message.getSubject(),
					message.getSentDate() == null ? null : message.getSentDate().toInstant(), text, links(text));
		}
		catch (MessagingException | IOException ex) {
			return new Email(String.valueOf(index + 1), "", "", "(unreadable)", null, String.valueOf(ex.getMessage()),
					List.of());
		}
	}

	/**
	 * A stable id for the outbox's links: from the message's Message-ID (every message
	 * Harmwatch sends has one), as the order in which the server lists its mailboxes may
	 * change.
	 */
	private static String id(MimeMessage message, int index) throws MessagingException {
		var messageId = message.getMessageID();
		var basis = messageId == null ? "message-" + index : messageId;
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> names(jakarta.mail.Address[] addresses) {
		var names = new ArrayList<String>();
		for (var address : addresses) {
			names.add(address.toString());
		}
		return names;
	}

	/** The plain-text part of a message (the HTML part says the same). */
	private static String plainText(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			String html = null;
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				if (body.isMimeType("text/plain") || body.isMimeType("multipart/*")) {
					return plainText(body);
				}
				if (body.isMimeType("text/html")) {
					html = String.valueOf(body.getContent());
				}
			}
			if (html != null) {
				return html.replaceAll("<[^>]*>", " ").replaceAll("[ \\t]+", " ");
			}
		}
		return "";
	}

	private static List<String> links(String text) {
		var found = new ArrayList<String>();
		var matcher = LINK.matcher(text);
		while (matcher.find()) {
			var link = matcher.group().replaceAll("[.,;:)]+$", "");
			if (!found.contains(link)) {
				found.add(link);
			}
		}
		return found;
	}

	/**
	 * Answers {@code POST /v2/notifications/sms} as Notify does (201 and the
	 * notification's JSON) and keeps the message.
	 */
	private void text(HttpExchange exchange) throws IOException {
		try {
			var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (!"POST".equals(exchange.getRequestMethod())) {
				answer(exchange, 405, "{\"errors\":[{\"error\":\"MethodNotAllowed\"}],\"status_code\":405}");
				return;
			}
			String to;
			String message;
			try {
				var request = JSON.readTree(body);
				to = request.path("phone_number").asString("");
				message = request.path("personalisation").path("body").asString("");
			}
			catch (RuntimeException ex) {
				answer(exchange, 400, "{\"errors\":[{\"error\":\"BadRequestError\"}],\"status_code\":400}");
				return;
			}
			var id = UUID.randomUUID();
			texts.add(new Text(id.toString(), to, message, Instant.now(), links(message)));
			var base = notifyUrl();
			answer(exchange, 201, "{\"id\":\"" + id
					+ "\",\"reference\":null,\"content\":{\"body\":\"sent\",\"from_number\":\"HARMWATCH\"},"
					+ "\"uri\":\"" + base + "/v2/notifications/" + id + "\",\"template\":{\"id\":\"" + TEMPLATE_ID
					+ "\",\"version\":1,\"uri\":\"" + base + "/services/demo/templates/" + TEMPLATE_ID + "\"}}");
		}
		finally {
			exchange.close();
		}
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		var bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

}
