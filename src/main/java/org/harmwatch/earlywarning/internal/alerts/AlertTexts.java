package org.harmwatch.earlywarning.internal.alerts;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceSummary;

/**
 * Texts computed from an alert: naloxone advice added where a substance is
 * naloxone-responsive, and the SMS text.
 */
public final class AlertTexts {

	/** Two SMS parts. */
	public static final int SMS_MAX = 306;

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
		if (naloxoneResponsive(substances) && !advice.contains(naloxone)) {
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

	private static String join(List<String> names) {
		return names.stream().collect(Collectors.joining(", "));
	}

	/**
	 * The SMS text: level, headline, the start of the advice and the link, at most
	 * {@link #SMS_MAX} characters (the advice is shortened first, then the headline).
	 */
	public static String sms(boolean exercise, boolean cancel, AlertLevel level, String headline, String advice,
			String url) {
		var prefix = (exercise ? "EXERCISE " : "") + (cancel ? "CANCELLED " : "") + "Drug alert " + level.name() + ": ";
		var link = " More: " + url;
		int room = SMS_MAX - prefix.length() - link.length();
		var head = shorten(headline.strip(), Math.max(20, room));
		var body = head;
		int left = room - head.length() - 1;
		var firstAdvice = advice.strip().replaceAll("\\s+", " ");
		if (left > 20 && !firstAdvice.isEmpty()) {
			body = head + " " + shorten(firstAdvice, left);
		}
		var text = prefix + body + link;
		return text.length() <= SMS_MAX ? text : text.substring(0, SMS_MAX);
	}

	static String shorten(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		var cut = text.substring(0, Math.max(0, max - 3));
		int space = cut.lastIndexOf(' ');
		if (space > max / 2) {
			cut = cut.substring(0, space);
		}
		return cut + "...";
	}

}
