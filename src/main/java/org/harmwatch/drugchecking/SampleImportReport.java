package org.harmwatch.drugchecking;

import java.util.List;

/**
 * What an import found: every bad row and why, or how many samples and components it stores.
 *
 * @param rows data rows read (the header not counted)
 * @param samples samples the file describes
 * @param imported samples stored; 0 when there are problems (all or nothing), or when only checking
 * @param alreadyImported samples skipped because an earlier import of the same key into the session stored them
 * @param problems each bad row (numbered as in a spreadsheet: the header is row 1) and why
 */
public record SampleImportReport(int rows, int samples, int imported, int alreadyImported, List<RowProblem> problems) {

	public SampleImportReport {
		problems = List.copyOf(problems);
	}

	/** One bad row. */
	public record RowProblem(int row, String message) {
	}

	public boolean ok() {
		return problems.isEmpty();
	}

}
