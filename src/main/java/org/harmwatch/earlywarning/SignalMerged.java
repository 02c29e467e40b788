package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A duplicate signal was merged into another: read models that count signals count the
 * survivor only from now on.
 *
 * @param merged the duplicate
 * @param survivor the signal that now holds its evidence
 * @param mergedAt when
 */
@NamedInterface("events")
public record SignalMerged(UUID merged, UUID survivor, Instant mergedAt) {

}
