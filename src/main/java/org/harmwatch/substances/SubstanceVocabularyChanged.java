package org.harmwatch.substances;

import java.time.Instant;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * The substance vocabulary changed: substances were created or changed by hand or by an
 * import.
 *
 * @param version the vocabulary's version after the change
 * @param substances the codes of the substances created or changed
 * @param changedAt when
 */
@NamedInterface("events")
public record SubstanceVocabularyChanged(long version, List<SubstanceId> substances, Instant changedAt) {

	public SubstanceVocabularyChanged {
		substances = List.copyOf(substances);
	}

}
