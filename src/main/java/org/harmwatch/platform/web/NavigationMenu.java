package org.harmwatch.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.jspecify.annotations.Nullable;

/**
 * The service navigation as one person sees it on one page: the sections they may use,
 * each with its entries, and which section and entry the page belongs to.
 *
 * <p>
 * A page belongs to the entry whose path it is, or is under (the longest such path wins);
 * a page under no entry (a sample, a report) still belongs to the section of the entry
 * that shares the most leading path segments with it, so that its section stays marked.
 * {@code current} values are those of {@code aria-current}: {@code page} for the page a
 * link leads to, {@code true} for the section or entry the page is in.
 *
 * @param sections in {@link NavigationGroup} order; only those with an entry the person
 * may see
 */
public record NavigationMenu(List<Section> sections) {

	public NavigationMenu {
		sections = List.copyOf(sections);
	}

	/** The section the page belongs to, if any. */
	public @Nullable Section current() {
		return sections.stream().filter(s -> s.current() != null).findFirst().orElse(null);
	}

	public boolean isEmpty() {
		return sections.isEmpty();
	}

	/**
	 * The menu of these entries (already filtered to what the person may see) for the
	 * page at this path.
	 * @param visible the entries, in any order
	 * @param path the page's path within the application, e.g.
	 * {@code /early-warning/signals/…}
	 */
	static NavigationMenu of(List<NavigationItem> visible, String path) {
		var sorted = visible.stream()
			.sorted(Comparator.comparing(NavigationItem::group).thenComparingInt(NavigationItem::order))
			.toList();
		NavigationItem currentItem = null;
		for (var item : sorted) {
			if (contains(item.path(), path)
					&& (currentItem == null || item.path().length() > currentItem.path().length())) {
				currentItem = item;
			}
		}
		NavigationGroup currentGroup = currentItem != null ? currentItem.group() : nearestGroup(sorted, path);
		var byGroup = new LinkedHashMap<NavigationGroup, List<NavigationItem>>();
		sorted.forEach(item -> byGroup.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item));
		var sections = new ArrayList<Section>();
		for (var group : byGroup.entrySet()) {
			var entries = new ArrayList<Entry>();
			for (var item : group.getValue()) {
				entries.add(new Entry(item, item == currentItem ? (item.path().equals(path) ? "page" : "true") : null));
			}
			var landing = entries.get(0);
			String current = group.getKey() != currentGroup ? null : "page".equals(landing.current()) ? "page" : "true";
			sections.add(new Section(group.getKey(), landing.item().path(), entries, current));
		}
		return new NavigationMenu(sections);
	}

	/** Whether the page at {@code path} is the entry's page or under it. */
	private static boolean contains(String entryPath, String path) {
		return path.equals(entryPath) || path.startsWith(entryPath.endsWith("/") ? entryPath : entryPath + "/");
	}

	private static @Nullable NavigationGroup nearestGroup(List<NavigationItem> items, String path) {
		var segments = segments(path);
		NavigationGroup nearest = null;
		int best = 0;
		for (var item : items) {
			var other = segments(item.path());
			int shared = 0;
			while (shared < segments.length && shared < other.length && segments[shared].equals(other[shared])) {
				shared++;
			}
			if (shared > best) {
				best = shared;
				nearest = item.group();
			}
		}
		return nearest;
	}

	private static String[] segments(String path) {
		var trimmed = path.replaceAll("^/+|/+$", "");
		return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
	}

	/**
	 * One section of the menu.
	 *
	 * @param group which section
	 * @param path where its link leads: its first entry
	 * @param entries what the person may use in it, in order
	 * @param current {@code aria-current} of its link: {@code page}, {@code true} or
	 * {@code null}
	 */
	public record Section(NavigationGroup group, String path, List<Entry> entries, @Nullable String current) {

		public Section {
			entries = List.copyOf(entries);
		}

		/** The message key of the section's label. */
		public String labelKey() {
			return "nav.group." + group.name();
		}

	}

	/**
	 * One entry of a section.
	 *
	 * @param item the module's navigation item
	 * @param current {@code aria-current} of its link: {@code page}, {@code true} or
	 * {@code null}
	 */
	public record Entry(NavigationItem item, @Nullable String current) {

	}

}
