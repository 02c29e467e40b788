package org.harmwatch.analytics;

/**
 * A point with a weight (how many events happened there).
 */
public record WeightedPoint(double lat, double lon, double weight) {

}
