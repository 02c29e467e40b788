package org.harmwatch.substances;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Unmodifiable sets of risk flags in declaration order. */
final class RiskFlags {

	private RiskFlags() {
	}

	static Set<RiskFlag> copy(Collection<RiskFlag> flags) {
		return Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(RiskFlag.class) : EnumSet.copyOf(flags));
	}

}
