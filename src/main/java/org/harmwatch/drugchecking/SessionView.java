package org.harmwatch.drugchecking;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A checking session, its site and its licence conditions. */
public record SessionView(UUID id, String name, String siteName, SiteKind siteKind, @Nullable String siteLadCode,
		LocalDate startsOn, LocalDate endsOn, String staff, List<LicenceCondition> conditions, long samples) {

	public SessionView {
		conditions = List.copyOf(conditions);
	}

	public boolean has(LicenceCondition condition) {
		return conditions.contains(condition);
	}

}
