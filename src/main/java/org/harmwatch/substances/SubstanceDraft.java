package org.harmwatch.substances;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A substance as a coordinator wants it to be: from the edit form or a row of an imported
 * CSV.
 *
 * @param code its code; {@code null} for a new substance whose code is to be derived from
 * its name
 * @param name its preferred name
 * @param substanceClass its pharmacological group
 * @param flags its risk flags
 * @param parentCode the code of what it is a kind or form of, or {@code null}
 * @param aliases synonyms and street names
 * @param pubchemCid PubChem compound id, or {@code null}
 * @param casNumber CAS registry number, or {@code null}
 * @param notes free text, or {@code null}
 */
public record SubstanceDraft(@Nullable String code, String name, SubstanceClass substanceClass, Set<RiskFlag> flags,
		@Nullable String parentCode, List<Alias> aliases, @Nullable Long pubchemCid, @Nullable String casNumber,
		@Nullable String notes) {

	public SubstanceDraft {
		name = name.strip();
		flags = RiskFlags.copy(flags);
		aliases = List.copyOf(aliases);
	}

}
