package org.harmwatch.substances;

import java.util.List;

/**
 * What a CSV import would do, or did: rows read, problems found, substances to create or
 * change.
 *
 * @param rows data rows read (the header not counted)
 * @param problems every problem found; if there is one, nothing is imported
 * @param created names of substances the import creates
 * @param changed names of existing substances it changes
 * @param unchanged rows identical to what the vocabulary already holds
 */
public record ImportReport(int rows, List<VocabularyProblem> problems, List<String> created, List<String> changed,
		int unchanged) {

	public ImportReport {
		problems = List.copyOf(problems);
		created = List.copyOf(created);
		changed = List.copyOf(changed);
	}

	/** Whether the file can be imported as it is. */
	public boolean valid() {
		return problems.isEmpty();
	}

}
