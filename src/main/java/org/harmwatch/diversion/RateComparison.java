package org.harmwatch.diversion;

import org.jspecify.annotations.Nullable;

/**
 * Two rates side by side, and the difference between them: refused when their follow-up
 * windows differ and nobody labelled the comparison as such (the programme text sets 19 %
 * reconvicted within 12 months beside 4 % within 18 months).
 *
 * @param first one rate
 * @param second the other
 * @param label what the reader is told about the comparison; required when the windows
 * differ
 */
public record RateComparison(Rate first, Rate second, @Nullable String label) {

	/** The comparison was refused: different windows and no label. */
	public static final class WindowsDiffer extends RuntimeException {

		private final int firstWindow;

		private final int secondWindow;

		WindowsDiffer(int firstWindow, int secondWindow) {
			super("Rates with follow-up windows of " + firstWindow + " and " + secondWindow
					+ " months are compared only with a label saying so");
			this.firstWindow = firstWindow;
			this.secondWindow = secondWindow;
		}

		public int firstWindow() {
			return firstWindow;
		}

		public int secondWindow() {
			return secondWindow;
		}

	}

	/**
	 * Compares two rates.
	 * @throws WindowsDiffer when their windows differ and the label is blank
	 */
	public static RateComparison of(Rate first, Rate second, @Nullable String label) {
		var text = label == null || label.isBlank() ? null : label.strip();
		if (first.windowMonths() != second.windowMonths() && text == null) {
			throw new WindowsDiffer(first.windowMonths(), second.windowMonths());
		}
		return new RateComparison(first, second, text);
	}

	/** Whether the two windows differ (the label then says so). */
	public boolean windowsDiffer() {
		return first.windowMonths() != second.windowMonths();
	}

	/** The first proportion minus the second, in percentage points. */
	public double differenceInPoints() {
		return 100 * (first.proportion() - second.proportion());
	}

}
