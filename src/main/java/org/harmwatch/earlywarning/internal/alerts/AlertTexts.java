package org.harmwatch.earlywarning.internal.alerts;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceSummary;

/**
 * Texts computed from an alert: naloxone advice added where a substance is
 * naloxone-responsive (unless the coordinator wrote their own), the SMS text (one text
 * message, whole sentences only) and where the alert's page is.
 */
public final class AlertTexts {

	static final String PUBLIC_NALOXONE = "Carry naloxone. If someone cannot be woken or is not breathing normally, "
			+ "call 999, give naloxone and stay with them.";

	static final String PUBLIC_REPEAT = "More than one dose of naloxone may be needed.";

	static final String PROFESSIONAL_NALOXONE = "Naloxone reverses the opioid respiratory depression: give it early, "
			+ "titrated to breathing, and observe for re-sedation as it wears off.";

	static final String PROFESSIONAL_REPEAT = "Repeated or higher doses of naloxone are likely to be needed.";

	private AlertTexts() {
	}

	/**
	 * The public advice with naloxone advice added when a substance needs it (once: never
	 * added twice).
	 */
	public static String publicAdvice(String advice, Collection<SubstanceSummary> substances) {
		return withNaloxone(advice, substances, PUBLIC_NALOXONE, PUBLIC_REPEAT, false);
	}

	/** The professional advice with naloxone advice added when a substance needs it. */
	public static String professionalAdvice(String advice, Collection<SubstanceSummary> substances) {
		return withNaloxone(advice, substances, PROFESSIONAL_NALOXONE, PROFESSIONAL_REPEAT, true);
	}

	/** Whether any substance is naloxone-responsive. */
	public static boolean naloxoneResponsive(Collection<SubstanceSummary> substances) {
		return substances.stream().anyMatch(s -> s.has(RiskFlag.NALOXONE_RESPONSIVE));
	}

	private static String withNaloxone(String advice, Collection<SubstanceSummary> substances, String naloxone,
			String repeat, boolean professional) {
		var text = new StringBuilder(advice.strip());
		if (naloxoneResponsive(substances) && !advice.contains(naloxone) && !ownNaloxoneAdvice(advice)) {
			text.append("\n\n").append(naloxone);
			if (substances.stream().anyMatch(s -> s.has(RiskFlag.REPEAT_NALOXONE_LIKELY))) {
				text.append(' ').append(repeat);
			}
			var sedatives = substances.stream()
				.filter(s -> s.has(RiskFlag.SEDATIVE_NOT_NALOXONE_RESPONSIVE))
				.map(SubstanceSummary::name)
				.toList();
			if (!sedatives.isEmpty()) {
				text.append(' ')
					.append(professional
							? "Naloxone does not reverse the sedation of " + join(sedatives)
									+ ": support the airway and breathing."
							: "Naloxone does not wake someone from " + join(sedatives)
									+ ", but give it anyway: it may also contain an opioid.");
			}
		}
		return text.toString();
	}

	/**
	 * Whether the coordinator already wrote about naloxone in their own words (the
	 * paragraphs this class adds, for either audience, do not count).
	 */
	static boolean ownNaloxoneAdvice(String advice) {
		var own = advice;
		for (var ours : List.of(PUBLIC_NALOXONE, PROFESSIONAL_NALOXONE, PUBLIC_REPEAT, PROFESSIONAL_REPEAT)) {
			own = own.replace(ours, "");
		}
		own = own.replaceAll("Naloxone does not (wake someone from|reverse the sedation of) [^:]*:[^.]*\\.", "");
		return own.toLowerCase(Locale.ROOT).contains("naloxone");
	}

	private static String join(List<String> names) {
		return names.stream().collect(Collectors.joining(", "));
	}

	/** The characters of one GSM-7 text message. */
	public static final int GSM_SEGMENT = 160;

	/** The characters of one text message with any character outside GSM-7 (UCS-2). */
	public static final int UCS2_SEGMENT = 70;

	/** What goes between the text and the link. */
	public static final String MORE = " More: ";

	/** What starts an exercise's text. */
	public static final String EXERCISE = "EXERCISE: ";

	/** What starts a cancellation's text. */
	public static final String CANCELLED = "CANCELLED: ";

	/** A reference as long as the ones issued, for sizing a link before issue. */
	public static final String SAMPLE_REFERENCE = "HW-2026-0000";

	/** GSM 03.38's basic character set (one septet each). */
	static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	/** GSM 03.38's extension table (two septets each: escape and the character). */
	static final String GSM_EXTENSION = "^{}\\[~]|€\f";

	/** Where an alert's page is for the people it was sent to, relative to the site. */
	public static String webPath(String reference, boolean forPublic) {
		return (forPublic ? "/alerts/" : "/inbox/alerts/") + reference;
	}

	/**
	 * The SMS text: the exercise or cancellation marker, as many whole sentences of the
	 * first text that has one that fits, and the link, all in one text message. Never cut
	 * inside a sentence: when no sentence fits, only the marker and the link are sent.
	 * @param texts what to say, best first (e.g. the coordinator's short text, then the
	 * headline)
	 */
	public static String sms(boolean exercise, boolean cancel, String url, String... texts) {
		var prefix = (exercise ? EXERCISE : "") + (cancel ? CANCELLED : "");
		var link = MORE + url;
		for (var text : texts) {
			var fitted = wholeSentences(prefix, text == null ? "" : text, link);
			if (!fitted.isEmpty()) {
				return prefix + fitted + link;
			}
		}
		return (prefix.isEmpty() ? "Drug alert." : prefix.strip()) + link;
	}

	/** The leading whole sentences of the text that fit one message with the rest. */
	static String wholeSentences(String prefix, String text, String link) {
		var sentences = text.strip().replaceAll("\\s+", " ").split("(?<=[.!?])\\s+");
		var fitted = "";
		for (var sentence : sentences) {
			var longer = fitted.isEmpty() ? sentence : fitted + " " + sentence;
			if (sentence.isEmpty() || segments(prefix + longer + link) > 1) {
				break;
			}
			fitted = longer;
		}
		return fitted;
	}

	/**
	 * How many characters are left for the short text of an SMS sent with this link, in
	 * GSM-7; {@code text} decides the encoding (any character outside GSM-7 makes the
	 * message UCS-2, with 70 characters).
	 */
	public static int room(boolean exercise, boolean cancel, String url, String text) {
		var rest = (exercise ? EXERCISE : "") + (cancel ? CANCELLED : "") + MORE + url;
		return gsm(text) ? GSM_SEGMENT - length(rest) : UCS2_SEGMENT - rest.length();
	}

	/** Whether the short text fits one text message with its marker and link. */
	public static boolean fitsOneMessage(boolean exercise, String url, String text) {
		return segments((exercise ? EXERCISE : "") + text.strip() + MORE + url) == 1;
	}

	/** Whether every character of the text is in GSM-7 (basic or extension). */
	public static boolean gsm(String text) {
		return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
	}

	/**
	 * The length as a text message counts it: septets in GSM-7 (an extension character
	 * counts two), characters in UCS-2.
	 */
	public static int length(String text) {
		if (!gsm(text)) {
			return text.length();
		}
		return text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
	}

	/**
	 * How many text messages (segments) it takes: one up to 160 GSM-7 septets or 70 UCS-2
	 * characters, then 153 or 67 per part.
	 */
	public static int segments(String text) {
		boolean gsm = gsm(text);
		int length = length(text);
		int single = gsm ? GSM_SEGMENT : UCS2_SEGMENT;
		int part = gsm ? 153 : 67;
		return length <= single ? 1 : (length + part - 1) / part;
	}

}
