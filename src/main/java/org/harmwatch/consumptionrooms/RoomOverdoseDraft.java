package org.harmwatch.consumptionrooms;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An overdose managed in the room during a visit.
 *
 * @param occurredAt when it happened
 * @param oxygen whether oxygen was given
 * @param naloxoneDoses doses of naloxone given, 0 when none
 * @param naloxoneRoute {@code NASAL} or {@code INJECTED}, when naloxone was given
 * @param ambulanceCalled whether an ambulance was called
 * @param outcome what became of the client
 */
public record RoomOverdoseDraft(Instant occurredAt, boolean oxygen, int naloxoneDoses, @Nullable String naloxoneRoute,
		boolean ambulanceCalled, RoomOverdoseOutcome outcome) {

}
