package org.harmwatch.substances;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Everything the vocabulary holds about one substance.
 *
 * @param id its stable code
 * @param name its preferred name
 * @param substanceClass its pharmacological group
 * @param flags its risk flags
 * @param parent what it is a kind or form of, if anything
 * @param aliases synonyms and street names, in the order the coordinator gave them
 * @param pubchemCid its PubChem compound id, where known
 * @param casNumber its CAS registry number, where known
 * @param notes what frontline staff and the panel should know, and why ambiguous names
 * resolve as they do
 * @param updatedAt when it last changed
 * @param updatedBy who changed it last
 */
public record SubstanceDetails(SubstanceId id, String name, SubstanceClass substanceClass, Set<RiskFlag> flags,
		@Nullable SubstanceId parent, List<Alias> aliases, @Nullable Long pubchemCid, @Nullable String casNumber,
		@Nullable String notes, Instant updatedAt, String updatedBy) {

	public SubstanceDetails {
		flags = RiskFlags.copy(flags);
		aliases = List.copyOf(aliases);
	}

	public SubstanceSummary summary() {
		return new SubstanceSummary(id, name, substanceClass, flags, aliasTexts(TermKind.SYNONYM),
				aliasTexts(TermKind.STREET_NAME), parent);
	}

	/** The aliases of one kind, as written. */
	public List<String> aliasTexts(TermKind kind) {
		return aliases.stream().filter(a -> a.kind() == kind).map(Alias::text).toList();
	}

	/** The substance as a draft, to change it. */
	public SubstanceDraft draft() {
		return new SubstanceDraft(id.code(), name, substanceClass, flags, parent == null ? null : parent.code(),
				aliases, pubchemCid, casNumber, notes);
	}

}
