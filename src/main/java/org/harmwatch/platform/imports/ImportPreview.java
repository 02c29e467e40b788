package org.harmwatch.platform.imports;

import java.util.List;
import java.util.Optional;

/**
 * What applying a checked file would change, shown before the person confirms it
 * ({@link Imports#checkFirst}): for each kind of change (e.g. {@code created},
 * {@code changed}, {@code unchanged}) how many records, and the names of the first ones.
 *
 * @param changes the kinds of change, in the order the page shows them
 */
public record ImportPreview(List<Change> changes) {

	/** Names kept per kind of change: enough to read through, not a copy of the file. */
	public static final int MAX_ITEMS = 5000;

	public ImportPreview {
		changes = List.copyOf(changes);
	}

	/**
	 * One kind of change.
	 *
	 * @param change what happens to these records, e.g. {@code created}; the module's
	 * page words it
	 * @param count how many records
	 * @param items the names of the first {@link #MAX_ITEMS} of them (none when the kind
	 * does not name them)
	 */
	public record Change(String change, int count, List<String> items) {

		public Change {
			items = List.copyOf(items.size() > MAX_ITEMS ? items.subList(0, MAX_ITEMS) : items);
		}

	}

	/** A preview of one change that names its records. */
	public static Change named(String change, List<String> items) {
		return new Change(change, items.size(), items);
	}

	/** A preview of one change that only counts its records. */
	public static Change counted(String change, int count) {
		return new Change(change, count, List.of());
	}

	/** The change of this name, if the preview has it. */
	public Optional<Change> change(String change) {
		return changes.stream().filter(c -> c.change().equals(change)).findFirst();
	}

	/** How many records the change of this name has; 0 when there is none. */
	public int count(String change) {
		return change(change).map(Change::count).orElse(0);
	}

	/** The names of the change's records; none when there is no such change. */
	public List<String> items(String change) {
		return change(change).map(Change::items).orElse(List.of());
	}

}
