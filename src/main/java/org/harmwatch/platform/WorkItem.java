package org.harmwatch.platform;

/**
 * One line of a person's work queue on their home page: how many of something wait, and
 * where to deal with them.
 *
 * @param group the navigation section the work belongs to
 * @param labelKey message key of what is counted (e.g. "Urgent signals open")
 * @param count how many; zero is shown as "nothing waiting"
 * @param path the page where the person deals with them
 * @param urgency whether waiting items need attention now
 * @param order position in its section, lowest first
 */
public record WorkItem(NavigationGroup group, String labelKey, long count, String path, Urgency urgency, int order) {

	public WorkItem {
		if (count < 0) {
			throw new IllegalArgumentException("A count is never negative: " + count);
		}
	}

	/** Whether anything waits. */
	public boolean waiting() {
		return count > 0;
	}

	/**
	 * Whether the item is marked urgent on the page: something waits and it cannot wait.
	 */
	public boolean urgentNow() {
		return urgency == Urgency.URGENT && count > 0;
	}

	/** How soon waiting items need attention. */
	public enum Urgency {

		/** In the course of the day's work. */
		ROUTINE,

		/**
		 * Now: harm may follow from the wait (an urgent signal, an alert waiting to go
		 * out).
		 */
		URGENT

	}

}
