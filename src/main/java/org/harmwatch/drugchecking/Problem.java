package org.harmwatch.drugchecking;

/** What is wrong with one field of a draft. */
public record Problem(String field, String message) {
}
