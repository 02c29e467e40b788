package org.harmwatch.analytics.internal;

/**
 * Longitude and latitude to metres on a plane tangent near the region (equirectangular
 * about a reference latitude).
 *
 * <p>
 * The engine's distances and bandwidths are planar. Over a region the size of the West
 * Midlands (about 70 km across) the scale error of this projection is below 0.2%, far
 * less than any bandwidth is known to; a national deployment would use the British
 * National Grid instead.
 */
public final class LocalProjection {

	private static final double EARTH_RADIUS_METRES = 6_371_008.8;

	private final double lat0;

	private final double lon0;

	private final double metresPerDegreeLat;

	private final double metresPerDegreeLon;

	public LocalProjection(double lat0, double lon0) {
		this.lat0 = lat0;
		this.lon0 = lon0;
		this.metresPerDegreeLat = Math.toRadians(1) * EARTH_RADIUS_METRES;
		this.metresPerDegreeLon = metresPerDegreeLat * Math.cos(Math.toRadians(lat0));
	}

	public double x(double lon) {
		return (lon - lon0) * metresPerDegreeLon;
	}

	public double y(double lat) {
		return (lat - lat0) * metresPerDegreeLat;
	}

	public double lon(double x) {
		return lon0 + x / metresPerDegreeLon;
	}

	public double lat(double y) {
		return lat0 + y / metresPerDegreeLat;
	}

}
