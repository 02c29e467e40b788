package org.harmwatch.drugchecking;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A checking session, its site, its licence conditions and the agency that owns it (ran
 * it).
 *
 * @param ownerAgency the code of the owning agency: its staff use the session; others
 * only under a data-sharing agreement
 */
public record SessionView(UUID id, String name, String siteName, SiteKind siteKind, @Nullable String siteLadCode,
		LocalDate startsOn, LocalDate endsOn, String staff, List<LicenceCondition> conditions, long samples,
		String ownerAgency) {

	public SessionView {
		conditions = List.copyOf(conditions);
	}

	public boolean has(LicenceCondition condition) {
		return conditions.contains(condition);
	}

}
