package org.harmwatch.dissemination.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.harmwatch.dissemination.DeliveryChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email through the SMTP server configured with {@code spring.mail.*}: one SMTP session per batch, one message per
 * recipient, multipart plain text and HTML.
 *
 * <p>The {@code Message-ID} is derived from the delivery's idempotency key, so a message sent twice (after a crash
 * between the server's acceptance and our record of it) carries the same id and can be recognised by the server and
 * the recipient's client. Messages a recipient can unsubscribe from carry {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post} (RFC 8058 one-click).
 */
@Component
public class EmailSender implements ChannelSender {

	/**
	 * Jakarta Mail looks up its stream provider for every body part it creates, and without this property that lookup
	 * is a {@code ServiceLoader} scan of every jar on the classpath: measured, it was most of the cost of sending an
	 * alert email (about 270 messages/s on two cores). Naming the provider (Angus Mail's, the implementation on the
	 * classpath) makes the lookup a class-name check. An operator's own setting wins.
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

	/** An email sender through a given SMTP configuration (tests and the benchmark use their own). */
	public EmailSender(@Nullable JavaMailSenderImpl mail, MessageRenderer renderer, DisseminationProperties properties) {
		this.mail = mail;
		this.renderer = renderer;
		this.properties = properties;
	}

	@Override
	public DeliveryChannel channel() {
		return DeliveryChannel.EMAIL;
	}

	/** The Message-ID of a delivery: a hash of its idempotency key, so the same delivery always has the same id. */
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

	private MimeMessage build(Session session, Outgoing message) throws MessagingException {
		var id = messageId(message.key());
		var mime = new MimeMessage(session) {

			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", id);
			}

		};
		var rendered = renderer.email(message);
		var helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
		helper.setFrom(new InternetAddress(properties.from()));
		helper.setTo(new InternetAddress(message.address()));
		helper.setSubject(rendered.subject());
		helper.setText(rendered.text(), rendered.html());
		mime.setHeader("X-Harmwatch-Delivery", message.key());
		if (message.unsubscribeToken() != null) {
			mime.setHeader("List-Unsubscribe",
					"<" + properties.baseUrl() + "/unsubscribe/" + message.unsubscribeToken() + ">");
			mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		mime.saveChanges();
		return mime;
	}

}
