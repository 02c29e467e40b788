package org.harmwatch.earlywarning;

/**
 * How much harm a signal could do if nothing is done, as a panel member grades it, from
 * the least to the most.
 */
public enum PotentialHarm {

	LOW, MODERATE, HIGH, SEVERE

}
