package org.harmwatch.substances;

import java.util.List;

/**
 * Another name a substance goes by.
 *
 * @param text the name as written
 * @param kind a synonym or a street name
 * @param alsoMeans other substances the name is also used for; the name resolves to its
 * own substance, and the resolution says these are possible too (e.g. "china white":
 * fentanyl, also heroin)
 */
public record Alias(String text, TermKind kind, List<SubstanceId> alsoMeans) {

	public Alias {
		if (kind == TermKind.NAME) {
			throw new IllegalArgumentException("An alias is a synonym or a street name, not the name itself");
		}
		text = text.strip();
		alsoMeans = List.copyOf(alsoMeans);
	}

	public static Alias synonym(String text) {
		return new Alias(text, TermKind.SYNONYM, List.of());
	}

	public static Alias streetName(String text) {
		return new Alias(text, TermKind.STREET_NAME, List.of());
	}

	/** Whether the name is also used for other substances. */
	public boolean ambiguous() {
		return !alsoMeans.isEmpty();
	}

}
