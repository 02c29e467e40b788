package org.harmwatch.overdose;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * Overdoses were recorded by an import: what {@link OverdoseRecorded} says of each, for a
 * few thousand incidents at once (a file of a million rows publishes a few hundred of
 * these, not a million events). Published only after the import's rows are stored, in its
 * transaction; listeners stay idempotent by each incident's id.
 *
 * @param incidents the incidents stored, in file order
 */
@NamedInterface("events")
public record OverdosesImported(List<OverdoseRecorded> incidents) {

	public OverdosesImported {
		incidents = List.copyOf(incidents);
	}

}
