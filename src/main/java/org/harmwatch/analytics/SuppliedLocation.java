package org.harmwatch.analytics;

/**
 * A place the caller names itself (a point, or an area's representative point), for
 * hotspots and scans over places that are not the region's own areas.
 *
 * @param id the caller's name for it, unique in the request
 * @param lat latitude, WGS 84
 * @param lon longitude, WGS 84
 */
public record SuppliedLocation(String id, double lat, double lon) {

}
