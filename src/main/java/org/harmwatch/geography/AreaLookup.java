package org.harmwatch.geography;

import org.jspecify.annotations.Nullable;

/**
 * The areas that contain a point: one per level.
 *
 * <p>
 * Each level is found by its own point-in-polygon test, so the ward need not lie in the
 * MSOA. A finer level is {@code null} only where its boundaries leave a gap that the
 * local authority boundary does not.
 *
 * @param lad the local authority district
 * @param ward the electoral ward
 * @param msoa the middle layer super output area
 * @param lsoa the lower layer super output area
 */
public record AreaLookup(AreaRef lad, @Nullable AreaRef ward, @Nullable AreaRef msoa, @Nullable AreaRef lsoa) {

	/** The area found at the given level, if any. */
	public @Nullable AreaRef at(AreaLevel level) {
		return switch (level) {
			case LAD -> lad;
			case WARD -> ward;
			case MSOA -> msoa;
			case LSOA -> lsoa;
		};
	}

}
