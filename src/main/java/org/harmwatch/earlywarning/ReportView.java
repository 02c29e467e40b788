package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored report as one reader may see it.
 *
 * <p>
 * The reporter's name is there only when the reader may see it (the coordinator, or staff
 * of the reporter's own agency); everyone else sees the agency alone. Anonymous reports
 * have neither.
 *
 * @param id the report
 * @param channel how it arrived
 * @param sourceType who or what it came from
 * @param occurredAt when it happened
 * @param receivedAt when it was received
 * @param lat latitude of the pin, if one was dropped
 * @param lon longitude of the pin
 * @param ladCode the local authority district
 * @param ladName its name
 * @param wardName the ward, when a pin was dropped
 * @param lsoaCode the LSOA, when a pin was dropped
 * @param substances the substances it named
 * @param substanceClass the class chosen when no substance could be named
 * @param outcomes what happened
 * @param people how many people
 * @param description free text
 * @param reporterAgency the reporter's agency, or {@code null} when anonymous
 * @param reporterName the reporter, or {@code null} when anonymous or not for this reader
 * @param reporterWithheld whether a reporter exists but is withheld from this reader
 * @param signalId the signal it joined
 */
public record ReportView(UUID id, Channel channel, SourceType sourceType, Instant occurredAt, Instant receivedAt,
		@Nullable Double lat, @Nullable Double lon, String ladCode, String ladName, @Nullable String wardName,
		@Nullable String lsoaCode, List<ReportedSubstance> substances, @Nullable String substanceClass,
		Set<Outcome> outcomes, int people, @Nullable String description, @Nullable String reporterAgency,
		@Nullable String reporterName, boolean reporterWithheld, @Nullable UUID signalId) {

	/**
	 * A substance as the report named it and as it resolved.
	 *
	 * @param text the reporter's words
	 * @param code the substance it resolved to, or {@code null}
	 * @param name that substance's name
	 * @param substanceClass its class
	 * @param howKnown how the reporter knows
	 */
	public record ReportedSubstance(String text, @Nullable String code, @Nullable String name,
			@Nullable String substanceClass, HowKnown howKnown) {
	}

}
