package org.harmwatch.substances;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What other modules need to know about a substance: its name, class, risk flags and the
 * names it goes by.
 *
 * @param id its stable code
 * @param name its preferred name
 * @param substanceClass its pharmacological group
 * @param flags its risk flags
 * @param aliases synonyms (chemical names, abbreviations, brands)
 * @param streetNames street names
 * @param parent what it is a kind or form of, if anything (crack cocaine: cocaine)
 */
public record SubstanceSummary(SubstanceId id, String name, SubstanceClass substanceClass, Set<RiskFlag> flags,
		List<String> aliases, List<String> streetNames, @Nullable SubstanceId parent) {

	public SubstanceSummary {
		flags = RiskFlags.copy(flags);
		aliases = List.copyOf(aliases);
		streetNames = List.copyOf(streetNames);
	}

	/** Whether it carries the flag. */
	public boolean has(RiskFlag flag) {
		return flags.contains(flag);
	}

}
