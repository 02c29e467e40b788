package org.harmwatch.overdose;

import java.util.UUID;

/**
 * The outcome of recording an incident.
 *
 * @param id the incident's id
 * @param created false when the source had sent it before (same source reference): the
 * stored incident is unchanged
 */
public record Recorded(UUID id, boolean created) {
}
