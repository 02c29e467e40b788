package org.harmwatch.earlywarning.internal;

import org.jspecify.annotations.Nullable;

/**
 * Where a report's harm happened, as the pin (kept to about 100 m) or the chosen district
 * resolved.
 */
public record ReportPlace(@Nullable Double lat, @Nullable Double lon, String ladCode, String ladName,
		@Nullable String wardCode, @Nullable String wardName, @Nullable String lsoaCode) {

}
