package org.harmwatch.custodytesting;

import java.util.List;

/** One page of arrests, newest first. */
public record ArrestPage(List<ArrestView> arrests, int page, int pageSize, long total) {

	public ArrestPage {
		arrests = List.copyOf(arrests);
	}

	/** How many pages there are; at least one. */
	public int pages() {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}

}
