package org.harmwatch.substances;

import org.jspecify.annotations.Nullable;

/**
 * Why a change to the vocabulary cannot be made, for the person making it.
 *
 * @param row the CSV row (1 is the first row after the header), or {@code null} for a
 * form
 * @param field the form field or CSV column the problem is in
 * @param message what is wrong, in plain words
 */
public record VocabularyProblem(@Nullable Integer row, String field, String message) {

	/** The problem as one line, e.g. "Row 4, aliases: ‘spice’ already belongs to …". */
	public String describe() {
		return (row == null ? "" : "Row " + row + ", ") + field + ": " + message;
	}

}
