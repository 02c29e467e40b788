package org.harmwatch.drugchecking;

import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * What the public results board is filtered by; every part is optional.
 *
 * @param substance a substance found (its vocabulary code or name, case-insensitive)
 * @param colour part of the pill's colour, case-insensitive
 * @param logo part of the pill's logo, case-insensitive
 * @param from first month taken in, inclusive
 * @param to last month taken in, inclusive
 */
public record BoardFilter(@Nullable String substance, @Nullable DosageForm form, @Nullable String colour,
		@Nullable String logo, @Nullable YearMonth from, @Nullable YearMonth to) {

	public static final BoardFilter NONE = new BoardFilter(null, null, null, null, null, null);

}
