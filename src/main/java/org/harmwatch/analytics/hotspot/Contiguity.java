package org.harmwatch.analytics.hotspot;

/**
 * Which polygons count as neighbours by touching, as in {@code spdep::poly2nb}.
 */
public enum Contiguity {

	/**
	 * Polygons that share at least one boundary point (a vertex, within the snap
	 * distance).
	 */
	QUEEN,

	/**
	 * Polygons that share at least two boundary points (vertices, within the snap
	 * distance): an edge, not a corner.
	 */
	ROOK

}
