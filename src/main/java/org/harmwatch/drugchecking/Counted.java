package org.harmwatch.drugchecking;

/**
 * A count in a published aggregate. Counts below {@link #THRESHOLD} are suppressed: they
 * are shown as "fewer than 5" and never as the number, so a small count cannot point at a
 * person.
 */
public record Counted(String label, long count) {

	/** The smallest count that is published as a number. */
	public static final int THRESHOLD = 5;

	public static final String SUPPRESSED = "fewer than 5";

	public boolean suppressed() {
		return count < THRESHOLD;
	}

	/** The count as published: the number, or "fewer than 5". */
	public String shown() {
		return suppressed() ? SUPPRESSED : Long.toString(count);
	}

}
