package org.harmwatch.programme;

import org.jspecify.annotations.Nullable;

/**
 * A count of outputs as it may be shown: not recorded in Harmwatch at all, fewer than 5
 * (the number withheld), or the number.
 *
 * @param recorded whether Harmwatch records this output
 * @param shown the count, or {@code null} when it is withheld (1 to 4) or not recorded
 */
public record Tally(boolean recorded, @Nullable Long shown) {

	/** Counts under this are withheld. */
	public static final int THRESHOLD = 5;

	/** A count of a recorded output, withheld when it is 1 to 4. */
	public static Tally of(long count) {
		return new Tally(true, count > 0 && count < THRESHOLD ? null : count);
	}

	/** An output Harmwatch does not record. */
	public static Tally notRecorded() {
		return new Tally(false, null);
	}

	/** Whether the count is withheld. */
	public boolean withheld() {
		return recorded && shown == null;
	}

}
