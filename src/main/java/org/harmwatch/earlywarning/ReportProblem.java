package org.harmwatch.earlywarning;

/**
 * What is wrong with one field of a report.
 *
 * @param field the field, as the form and the API name it
 * @param message what is wrong, in plain words
 */
public record ReportProblem(String field, String message) {

}
