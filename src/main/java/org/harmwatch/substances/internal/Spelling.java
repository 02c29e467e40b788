package org.harmwatch.substances.internal;

/**
 * Edit distance between two keys: insertions, deletions, substitutions and swaps of
 * neighbouring letters each count one (Damerau-Levenshtein, optimal string alignment).
 */
final class Spelling {

	private Spelling() {
	}

	/**
	 * The distance between two strings, or {@code limit + 1} as soon as it is known to
	 * exceed {@code limit}.
	 */
	static int distance(String a, String b, int limit) {
		int n = a.length();
		int m = b.length();
		if (Math.abs(n - m) > limit) {
			return limit + 1;
		}
		int[] previous2 = new int[m + 1];
		int[] previous = new int[m + 1];
		int[] current = new int[m + 1];
		for (int j = 0; j <= m; j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= n; i++) {
			current[0] = i;
			int rowMinimum = current[0];
			for (int j = 1; j <= m; j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					value = Math.min(value, previous2[j - 2] + 1);
				}
				current[j] = value;
				rowMinimum = Math.min(rowMinimum, value);
			}
			if (rowMinimum > limit) {
				return limit + 1;
			}
			int[] recycled = previous2;
			previous2 = previous;
			previous = current;
			current = recycled;
		}
		return Math.min(previous[m], limit + 1);
	}

}
