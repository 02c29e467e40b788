package org.harmwatch.earlywarning.internal;

/**
 * Reference numbers of alerts ({@code HW-<year>-<nnnn>}), a fragment of {@link AlertRepository}.
 */
public interface AlertReferences {

	/** Gives the next reference number of a year; each number is given once, also under concurrent issues. */
	int nextReferenceNumber(int year);

}
