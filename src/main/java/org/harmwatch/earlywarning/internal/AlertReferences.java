package org.harmwatch.earlywarning.internal;

import java.util.UUID;

/**
 * Reference numbers of alerts ({@code HW-<year>-<nnnn>}) and the row lock taken before
 * changing one; a fragment of {@link AlertRepository}.
 */
public interface AlertReferences {

	/**
	 * Gives the next reference number of a year; each number is given once, also under
	 * concurrent issues.
	 */
	int nextReferenceNumber(int year);

	/**
	 * Locks an alert's row until the transaction ends, so that two people changing or
	 * signing off the same alert at the same moment take turns: the second then sees the
	 * first's change instead of failing on the version.
	 */
	void lockForChange(UUID alertId);

}
