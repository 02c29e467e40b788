package org.harmwatch.dissemination.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.harmwatch.dissemination.DeliveryChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email through the SMTP server configured with {@code spring.mail.*}: one SMTP session
 * per batch, one message per recipient, multipart plain text and HTML.
 *
 * <p>
 * The {@code Message-ID} is derived from the delivery's idempotency key, so a message
 * sent twice (after a crash between the server's acceptance and our record of it) carries
 * the same id and can be recognised by the server and the recipient's client. Messages a
 * recipient can unsubscribe from carry {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post} (RFC 8058 one-click).
 */
@Component
public class EmailSender implements ChannelSender {

	/**
	 * Jakarta Mail looks up its stream provider for every body part it creates, and
	 * without this property that lookup is a {@code ServiceLoader} scan of every jar on
	 * the classpath: measured, it was most of the cost of sending an alert email (about
	 * 270 messages/s on two cores). Naming the provider (Angus Mail's, the implementation
	 * on the classpath) makes the lookup a class-name check. An operator's own setting
	 * wins.
	 */
	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	private final @Nullable JavaMailSenderImpl mail;

	private final MessageRenderer renderer;

	private final DisseminationProperties properties;

	@org.springframework.beans.factory.annotation.Autowired
	public EmailSender(ObjectProvider<JavaMailSender> mail, MessageRenderer renderer,
			DisseminationProperties properties) {
		this(mail.getIfAvailable() instanceof JavaMailSenderImpl impl ? impl : null, renderer, properties);
	}

	/**
	 * An email sender through a given SMTP configuration (tests and the benchmark use
	 * their own).
	 */
	public EmailSender(@Nullable JavaMailSenderImpl mail, MessageRenderer renderer,
			DisseminationProperties properties) {
		this.mail = mail;
		this.renderer = renderer;
		this.properties = properties;
	}

	@Override
	public DeliveryChannel channel() {
		return DeliveryChannel.EMAIL;
	}

	/**
	 * The Message-ID of a delivery: a hash of its idempotency key, so the same delivery
	 * always has the same id.
	 */
	public static String messageId(String key) {
		return "<" + Tokens.sha256(key).substring(0, 40) + "@harmwatch>";
	}

	@Override
	public Connection open() throws MessagingException {
		var smtp = configured();
		var session = smtp.getSession();
		Transport transport = session.getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
		transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
		return new Connection() {

			@Override
			public String send(Outgoing message) throws Exception {
				var mime = build(session, message);
				transport.sendMessage(mime, mime.getAllRecipients());
				return messageId(message.key());
			}

			@Override
			public void close() {
				try {
					transport.close();
				}
				catch (MessagingException ex) {
					// The messages were accepted before; a failing QUIT changes nothing.
				}
			}
		};
	}

	@Override
	public void sendDirect(String address, String subject, String text) throws MessagingException {
		var smtp = configured();
		var mime = smtp.createMimeMessage();
		var helper = new MimeMessageHelper(mime, false, "UTF-8");
		helper.setFrom(properties.from());
		helper.setTo(address);
		helper.setSubject(subject);
		helper.setText(text, false);
		smtp.send(mime);
	}

	private JavaMailSenderImpl configured() {
		if (mail == null || mail.getHost() == null) {
			throw new IllegalStateException("Email is not configured (spring.mail.host)");
		}
		return mail;
	}

	/**
	 * One message, written as bytes: {@code multipart/alternative} with the plain text
	 * first and the HTML second, each quoted-printable (encoded once per audience, only
	 * the recipient's links per message), headers as RFC 5322 and RFC 2047 want them.
	 * Jakarta Mail's {@code MimeMessage} builds the same thing through data handlers,
	 * content-type parsing and header rewriting for every message, which measured as most
	 * of the sender's CPU (and Spring's {@code MimeMessageHelper} added a read of every
	 * {@code mime.types} file on the classpath per message); an alert goes to 100,000
	 * people, so each message is written directly and handed to Jakarta Mail's SMTP
	 * transport as it is. What is the same for every recipient (the encoded subject, the
	 * sender) is encoded once.
	 */
	private MimeMessage build(Session session, Outgoing message) throws MessagingException {
		var rendered = renderer.email(message);
		var to = new InternetAddress(message.address(), true);
		if (subjects.size() > 1000) {
			subjects.clear();
		}
		var head = new StringBuilder(1024);
		header(head, "Date", DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
		header(head, "From", sender().toString());
		header(head, "To", to.toString());
		header(head, "Message-ID", messageId(message.key()));
		header(head, "Subject", subjects.computeIfAbsent(rendered.subject(), EmailSender::encodedSubject));
		header(head, "MIME-Version", "1.0");
		header(head, "Content-Type", "multipart/alternative; boundary=\"" + BOUNDARY + "\"");
		header(head, "X-Harmwatch-Delivery", ascii(message.key()) ? message.key() : encoded(message.key()));
		if (message.unsubscribeToken() != null) {
			header(head, "List-Unsubscribe", "<" + renderer.url("/unsubscribe/" + message.unsubscribeToken()) + ">");
			header(head, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		head.append("\r\n");
		// Sized to fit (a message is a few kilobytes; 100,000 of them make every
		// allocated byte count).
		var out = new ByteArrayOutputStream(head.length() + rendered.text().size() + rendered.html().size() + 1024);
		out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		var links = renderer.links(message);
		part(out, "text/plain", rendered.text(), links);
		part(out, "text/html", rendered.html(), links);
		out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return new Written(session, sender(), to, out.toByteArray());
	}

	/**
	 * Quoted-printable never has {@code =} followed by anything but two hex digits or a
	 * line break.
	 */
	private static final String BOUNDARY = "=_harmwatch_alternative";

	private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

	private final Map<String, String> subjects = new ConcurrentHashMap<>();

	private volatile @Nullable InternetAddress sender;

	private InternetAddress sender() throws AddressException {
		var from = sender;
		if (from == null) {
			from = new InternetAddress(properties.from());
			sender = from;
		}
		return from;
	}

	private static String encodedSubject(String subject) {
		return MimeUtility.fold(9, encoded(subject));
	}

	private static String encoded(String value) {
		try {
			return MimeUtility.encodeText(value, "UTF-8", null);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean ascii(String value) {
		return value.chars().allMatch(c -> c >= 32 && c < 127);
	}

	private static void header(StringBuilder head, String name, String value) {
		head.append(name).append(": ").append(value).append("\r\n");
	}

	private static void part(ByteArrayOutputStream out, String type, QuotedPrintable.Template body,
			Map<String, String> links) {
		out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: " + type + "; charset=UTF-8\r\n"
				+ "Content-Transfer-Encoding: quoted-printable\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		body.write(out, links);
		out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * A message already written: its bytes are what goes to the SMTP server. It keeps its
	 * sender and recipient apart from the bytes only because the transport takes the
	 * envelope from them.
	 */
	private static final class Written extends MimeMessage {

		private final byte[] bytes;

		private final Address[] from;

		private final Address[] to;

		Written(Session session, InternetAddress from, InternetAddress to, byte[] bytes) {
			super(session);
			this.bytes = bytes;
			this.from = new Address[] { from };
			this.to = new Address[] { to };
		}

		@Override
		public Address[] getFrom() {
			return from.clone();
		}

		@Override
		public Address[] getAllRecipients() {
			return to.clone();
		}

		@Override
		public void writeTo(OutputStream out, String[] ignoreHeaders) throws IOException {
			out.write(bytes);
		}

		@Override
		public void writeTo(OutputStream out) throws IOException {
			out.write(bytes);
		}

	}

}
