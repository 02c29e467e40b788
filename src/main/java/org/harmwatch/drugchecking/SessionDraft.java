package org.harmwatch.drugchecking;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A checking session to create. The site is found by name, or created with the kind and
 * district given.
 */
public record SessionDraft(@Nullable String siteName, @Nullable SiteKind siteKind, @Nullable String siteLadCode,
		@Nullable String name, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable String staff,
		Set<LicenceCondition> conditions) {

	public SessionDraft {
		conditions = Set.copyOf(conditions);
	}

}
