package org.harmwatch.analytics.temporal;

import java.time.Instant;
import java.util.Objects;

/**
 * One event (an overdose, a needle find) in an area at a moment, as the spike rules take
 * it.
 *
 * @param area area code (ward, LSOA, grid cell)
 * @param time when it happened
 */
public record AreaEvent(String area, Instant time) {

	public AreaEvent {
		Objects.requireNonNull(area, "area");
		Objects.requireNonNull(time, "time");
	}

}
