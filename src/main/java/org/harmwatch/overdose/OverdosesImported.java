package org.harmwatch.overdose;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * Overdoses at which naloxone was given were recorded by an import: what
 * {@link OverdoseRecorded} says of each, for up to tens of thousands of incidents at once
 * (a file of a million rows publishes at most a few dozen of these, not a million
 * events). Published only after the import's rows are stored, in its transaction;
 * listeners stay idempotent by each incident's id.
 *
 * <p>
 * <strong>Only the incidents at which naloxone was given</strong>: the others are stored
 * and observed (the analytics engine has them) but not in this event, and a chunk of the
 * file with none publishes none. Its one listener (naloxone: administrations and reissue
 * tasks) has nothing to do for them, and carrying every incident (about 150 bytes of JSON
 * each, written into the event publication table in the import's transaction) cost a few
 * per cent of a million-row import. A module that needs every imported incident must not
 * take it from here: count them in the database, or widen this event and measure the
 * import again (docs/benchmarks.md).
 *
 * @param incidents the incidents stored at which naloxone was given, in file order; never
 * empty
 */
@NamedInterface("events")
public record OverdosesImported(List<OverdoseRecorded> incidents) {

	public OverdosesImported {
		incidents = List.copyOf(incidents);
	}

}
