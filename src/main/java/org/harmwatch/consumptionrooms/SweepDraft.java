package org.harmwatch.consumptionrooms;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A council's visit to a reported place.
 *
 * @param found whether needles were found there
 * @param collected how many needles were collected (0 when none were found)
 * @param sweptAt when the place was visited
 * @param notes what the sweeper adds, if anything
 */
public record SweepDraft(boolean found, int collected, Instant sweptAt, @Nullable String notes) {

}
