package org.harmwatch.geography;

import org.harmwatch.platform.web.MapFrame;

/**
 * A bounding box in WGS84 degrees; a map page opens on it ({@link MapFrame}).
 *
 * @param south the lowest latitude
 * @param west the lowest longitude
 * @param north the highest latitude
 * @param east the highest longitude
 */
public record Bounds(double south, double west, double north, double east) implements MapFrame.Box {

	/** Whether the point lies in the box (edges included). */
	public boolean contains(double lat, double lon) {
		return lat >= south && lat <= north && lon >= west && lon <= east;
	}

}
