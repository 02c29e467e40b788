package org.harmwatch.platform.imports;

/**
 * One bad row.
 *
 * @param row its number as a spreadsheet shows it (the header is row 1)
 * @param message why it is bad, for the person who will correct the file
 */
public record ImportProblem(int row, String message) {
}
