package org.harmwatch.dissemination.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.harmwatch.earlywarning.AlertIssued;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.platform.RegionSettings;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an alert's email (plain text and HTML, from Thymeleaf templates under
 * {@code mail/dissemination/}) and its SMS text.
 *
 * <p>
 * 100,000 recipients of one alert share one rendering per audience: the templates are
 * rendered and encoded once with placeholders for each recipient's own links, which are
 * then filled in per message.
 */
@Component
public class MessageRenderer {

	static final String ACK = "HWLINKACKNOWLEDGE";

	static final String FEEDBACK = "HWLINKFEEDBACK";

	static final String UNSUBSCRIBE = "HWLINKUNSUBSCRIBE";

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final String baseUrl;

	private final Map<String, Rendered> cache = new ConcurrentHashMap<>();

	/**
	 * One audience's email for one issue: the subject, and the plain text and HTML bodies
	 * encoded once with holes for each recipient's own links ({@link #links}).
	 */
	public record Rendered(String subject, QuotedPrintable.Template text, QuotedPrintable.Template html) {
	}

	private static final List<String> PLACEHOLDERS = List.of(ACK, FEEDBACK, UNSUBSCRIBE);

	/** The public address of a path on this site, for links in messages. */
	String url(String path) {
		return baseUrl + path;
	}

	/** The recipient's own links, to fill the holes of a {@link Rendered} email. */
	Map<String, String> links(Outgoing message) {
		return Map.of(ACK, baseUrl + "/acknowledge/" + message.token(), FEEDBACK,
				baseUrl + "/feedback/" + message.token(), UNSUBSCRIBE,
				baseUrl + "/unsubscribe/" + message.unsubscribeToken());
	}

	public MessageRenderer(RegionSettings region) {
		this.baseUrl = region.publicUrl();
		var html = new ClassLoaderTemplateResolver();
		html.setPrefix("mail/dissemination/");
		html.setSuffix(".html");
		html.setTemplateMode(TemplateMode.HTML);
		html.setCharacterEncoding("UTF-8");
		html.setResolvablePatterns(java.util.Set.of("*-html"));
		html.setOrder(1);
		html.setCheckExistence(true);
		var text = new ClassLoaderTemplateResolver();
		text.setPrefix("mail/dissemination/");
		text.setSuffix(".txt");
		text.setTemplateMode(TemplateMode.TEXT);
		text.setCharacterEncoding("UTF-8");
		text.setOrder(2);
		engine.addTemplateResolver(html);
		engine.addTemplateResolver(text);
	}

	/**
	 * The email of one message's issue and audience, to be filled with the recipient's
	 * own {@link #links}.
	 */
	public Rendered email(Outgoing message) {
		var key = message.alert().alertId() + ":" + message.alert().version() + ":" + message.audience() + ":"
				+ (message.unsubscribeToken() != null);
		if (cache.size() > 1000) {
			cache.clear();
		}
		return cache.computeIfAbsent(key, k -> render(message));
	}

	private Rendered render(Outgoing message) {
		var alert = message.alert();
		var context = new Context();
		context.setVariable("alert", alert);
		context.setVariable("professional", message.professional());
		context.setVariable("public", "PUBLIC".equals(message.audience()));
		context.setVariable("advice",
				"PUBLIC".equals(message.audience()) ? alert.publicAdvice() : alert.professionalAdvice());
		context.setVariable("alertUrl", baseUrl + alert.webPath());
		context.setVariable("ackUrl", ACK);
		context.setVariable("feedbackUrl", FEEDBACK);
		context.setVariable("unsubscribeUrl", message.unsubscribeToken() == null ? null : UNSUBSCRIBE);
		context.setVariable("subject", subject(alert));
		return new Rendered(subject(alert),
				new QuotedPrintable.Template(engine.process("alert", context), PLACEHOLDERS),
				new QuotedPrintable.Template(engine.process("alert-html", context), PLACEHOLDERS));
	}

	public static String subject(AlertIssued alert) {
		var prefix = alert.exercise() ? "[EXERCISE] " : "";
		var type = alert.messageType() == AlertMessageType.CANCEL ? "Cancelled: "
				: alert.messageType() == AlertMessageType.UPDATE ? "Update: " : "";
		return prefix + type + alert.level().name().charAt(0) + alert.level().name().substring(1).toLowerCase() + " – "
				+ alert.headline() + " (" + alert.reference() + ")";
	}

	/**
	 * The SMS text: the alert's own text (which says whether it is an exercise) and, for
	 * the public, the stop link.
	 */
	public String sms(Outgoing message) {
		var alert = message.alert();
		var text = alert.exercise() && !alert.smsText().startsWith("EXERCISE") ? "EXERCISE: " + alert.smsText()
				: alert.smsText();
		if (message.unsubscribeToken() != null) {
			text += " Stop: " + baseUrl + "/unsubscribe/" + message.unsubscribeToken();
		}
		return text;
	}

}
