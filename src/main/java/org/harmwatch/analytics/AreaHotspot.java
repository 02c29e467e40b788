package org.harmwatch.analytics;

import org.harmwatch.analytics.hotspot.HotspotClass;

/**
 * Getis-Ord Gi* for one area.
 *
 * @param code the area's code
 * @param name its name
 * @param value the value tested
 * @param z the Gi* z-score (NaN when undefined, e.g. all values equal)
 * @param p the two-sided normal p-value
 * @param q the p-value that decided the class (adjusted by Benjamini-Hochberg for the FDR
 * kinds)
 * @param hotspot hot, cold or not significant
 * @param neighbourhoodSize areas in its neighbourhood, itself included
 */
public record AreaHotspot(String code, String name, double value, double z, double p, double q, HotspotClass hotspot,
		int neighbourhoodSize) {

}
