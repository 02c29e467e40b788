package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.UUID;

/**
 * A duplicate signal merged into the one that survives, by whom, when and why.
 *
 * @param merged the duplicate, which stays readable and says where it went
 * @param survivor the signal its evidence, questions and links moved to
 * @param mergedAt when
 * @param mergedBy who merged them
 * @param reason why
 */
public record SignalMerge(UUID merged, UUID survivor, Instant mergedAt, String mergedBy, String reason) {

}
