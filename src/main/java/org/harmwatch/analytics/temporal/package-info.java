/**
 * Temporal aberration detection on count series: EARS C1, C2 and C3, a Poisson CUSUM,
 * Farrington flexible with the Noufaily improvements, and rolling-window spike rules ("N
 * events in 24 hours in one area").
 *
 * <p>
 * Definitions follow CDC EARS and R surveillance 1.20.3 ({@code earsC},
 * {@code algo.cusum}, {@code farringtonFlexible}); the golden tests compare against
 * outputs of those functions. Plain Java: no Spring, no I/O; every class is safe to call
 * from many threads.
 */
@NullMarked
@NamedInterface("temporal")
package org.harmwatch.analytics.temporal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
