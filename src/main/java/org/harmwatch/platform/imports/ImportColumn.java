package org.harmwatch.platform.imports;

import java.util.List;

/**
 * A column an {@link ImportKind} reads.
 *
 * @param name how the kind and the mapping form name it, e.g. {@code sampleKey}
 * @param required whether the mapping must name a column of the file for it
 * @param guesses header names (compared ignoring case) that are probably this column,
 * best first
 */
public record ImportColumn(String name, boolean required, List<String> guesses) {

	public ImportColumn {
		guesses = List.copyOf(guesses);
	}

	/** A column the mapping must name. */
	public static ImportColumn required(String name, String... guesses) {
		return new ImportColumn(name, true, List.of(guesses));
	}

	/** A column the file may lack. */
	public static ImportColumn optional(String name, String... guesses) {
		return new ImportColumn(name, false, List.of(guesses));
	}

}
