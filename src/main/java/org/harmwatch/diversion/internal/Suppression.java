package org.harmwatch.diversion.internal;

import org.jspecify.annotations.Nullable;

/**
 * Suppression of a table of counts for publication: every count from 1 to 4 is withheld,
 * and then enough others that nothing shown gives a withheld one away.
 *
 * <p>
 * The table's columns nest (referred, of them eligible, of them diverted, of them
 * completed), its rows split one dimension (e.g. age bands) and each column's total is
 * shown. So: a count whose difference from the count it nests in (same row, column to the
 * left) is 1 to 4 is withheld, as that difference would be a small count; and where a
 * column has exactly one withheld count, the smallest other non-zero count in it (or a
 * zero, when there is none) is withheld too, as the total would give it away. Repeated
 * until nothing changes. The totals themselves are withheld when from 1 to 4, or when
 * their difference from the total they nest in is.
 */
public final class Suppression {

	/** Counts under this are withheld (zero is shown: it is nobody). */
	public static final long THRESHOLD = 5;

	private Suppression() {
	}

	/**
	 * The table with withheld counts as {@code null}.
	 * @param counts rows by columns; each column nests in the one to its left
	 */
	public static @Nullable Long[][] suppress(long[][] counts) {
		int rows = counts.length;
		int columns = rows == 0 ? 0 : counts[0].length;
		var shown = new @Nullable Long[rows][columns];
		var withheld = new boolean[rows][columns];
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < columns; c++) {
				withheld[r][c] = small(counts[r][c]) || (c > 0 && small(counts[r][c - 1] - counts[r][c]));
			}
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int c = 0; c < columns; c++) {
				int count = 0;
				for (int r = 0; r < rows; r++) {
					count += withheld[r][c] ? 1 : 0;
				}
				if (count == 1) {
					// The smallest other non-zero count; failing that a zero, else the
					// total (equal to the withheld count) would give it away.
					int smallest = -1;
					for (int r = 0; r < rows; r++) {
						if (!withheld[r][c] && (smallest < 0 || rank(counts[r][c]) < rank(counts[smallest][c]))) {
							smallest = r;
						}
					}
					if (smallest >= 0) {
						withheld[smallest][c] = true;
						changed = true;
					}
				}
			}
			// A count nested in a withheld one stays only when the difference is not
			// small
			// (checked above); a withheld count does not reveal its neighbours.
		}
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < columns; c++) {
				shown[r][c] = withheld[r][c] ? null : counts[r][c];
			}
		}
		return shown;
	}

	/** Totals of nested columns, withheld as the table's rows are. */
	public static @Nullable Long[] suppressTotals(long[] totals) {
		var shown = new @Nullable Long[totals.length];
		for (int c = 0; c < totals.length; c++) {
			shown[c] = small(totals[c]) || (c > 0 && small(totals[c - 1] - totals[c])) ? null : totals[c];
		}
		return shown;
	}

	/** Non-zero counts first, smallest first; zeros after every non-zero count. */
	private static long rank(long count) {
		return count == 0 ? Long.MAX_VALUE : count;
	}

	/** Whether a count is withheld on its own: from 1 to 4. */
	public static boolean small(long count) {
		return count > 0 && count < THRESHOLD;
	}

}
