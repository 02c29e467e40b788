package org.harmwatch.overdose;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Which incidents a list shows; every part optional.
 *
 * @param from first day (in the region's time zone)
 * @param to last day
 * @param ladCode the district
 * @param fatal fatal only (true) or non-fatal only (false)
 */
public record IncidentFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String ladCode,
		@Nullable Boolean fatal) {

	public static IncidentFilter none() {
		return new IncidentFilter(null, null, null, null);
	}

}
