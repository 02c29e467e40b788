package org.harmwatch.drugchecking;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A result to record as the sample's next version.
 *
 * @param confirmed whether the analyst confirms it; flags are computed, and the event
 * published, only for confirmed versions
 */
public record ResultDraft(List<ComponentDraft> components, boolean confirmed, @Nullable String notes) {

	public ResultDraft {
		components = List.copyOf(components);
	}

}
