package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;

/**
 * A report as submitted, before it is checked.
 *
 * @param channel how it arrived
 * @param sourceType who or what it comes from
 * @param occurredAt when it happened
 * @param lat latitude of the map pin, if one was dropped
 * @param lon longitude of the map pin
 * @param ladCode the local authority district chosen instead of a pin
 * @param substances substances suspected or confirmed
 * @param substanceClass the kind of drug, when no substance can be named
 * @param outcomes what happened
 * @param people how many people were affected
 * @param description free text
 */
public record ReportDraft(Channel channel, @Nullable SourceType sourceType, @Nullable Instant occurredAt,
		@Nullable Double lat, @Nullable Double lon, @Nullable String ladCode, List<SubstanceMention> substances,
		@Nullable SubstanceClass substanceClass, Set<Outcome> outcomes, @Nullable Integer people,
		@Nullable String description) {

	public ReportDraft {
		substances = List.copyOf(substances);
		outcomes = Set.copyOf(outcomes);
	}

}
