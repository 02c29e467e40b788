package org.harmwatch.geography;

/**
 * A position in WGS84 degrees.
 *
 * @param lat latitude, -90 to 90
 * @param lon longitude, -180 to 180
 */
public record LatLon(double lat, double lon) {

}
