package org.harmwatch.overdose;

import java.util.List;

/**
 * One page of incidents, newest first.
 *
 * @param page the page number, from 1
 * @param total incidents matching the filter that the reader may see
 */
public record IncidentPage(List<IncidentView> incidents, int page, int pageSize, long total) {

	public IncidentPage {
		incidents = List.copyOf(incidents);
	}

	public int pages() {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}

}
