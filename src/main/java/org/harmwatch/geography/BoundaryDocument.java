package org.harmwatch.geography;

/**
 * Boundaries of one level as a GeoJSON FeatureCollection (RFC 7946), ready to send.
 *
 * <p>
 * Each feature's {@code id} is the area's ONS code; its properties are {@code code},
 * {@code name}, {@code level}, {@code ladCode}, {@code ladName}, {@code vintage} and,
 * where known, {@code msoaCode}, {@code population}, {@code populationYear},
 * {@code imdRank} and {@code imdDecile}.
 *
 * @param content UTF-8 GeoJSON; do not modify
 * @param version changes whenever the content does (for ETags)
 * @param features the number of features
 */
public record BoundaryDocument(byte[] content, String version, int features) {

}
