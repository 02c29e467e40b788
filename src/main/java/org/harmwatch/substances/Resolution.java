package org.harmwatch.substances;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The substance a piece of free text was taken to mean, and how.
 *
 * @param substance the substance
 * @param match how the text matched
 * @param matchedTerm the name, alias or street name it matched, as the vocabulary writes
 * it
 * @param distance edits between the text and the term (0 unless the spelling was
 * corrected)
 * @param alsoPossible other substances the term is also used for; empty unless the term
 * is ambiguous
 * @param note why an ambiguous term resolves as it does (the substance's notes), or
 * {@code null}
 */
public record Resolution(SubstanceSummary substance, Match match, String matchedTerm, int distance,
		List<SubstanceSummary> alsoPossible, @Nullable String note) {

	/** How a text matched a substance, from the most to the least certain. */
	public enum Match {

		/** The text is the substance's name exactly. */
		EXACT_NAME,

		/**
		 * The text is the name once case, accents, spaces, punctuation or a salt form are
		 * set aside.
		 */
		NORMALISED_NAME,

		/** The text is a synonym (chemical name, abbreviation, brand). */
		ALIAS,

		/** The text is a street name. */
		STREET_NAME,

		/** The text is a close misspelling of a name or alias, and of nothing else. */
		CLOSE_SPELLING

	}

	public Resolution {
		alsoPossible = List.copyOf(alsoPossible);
	}

	/** Whether the matched term is also used for other substances. */
	public boolean ambiguous() {
		return !alsoPossible.isEmpty();
	}

}
