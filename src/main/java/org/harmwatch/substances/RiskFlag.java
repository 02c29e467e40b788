package org.harmwatch.substances;

/**
 * A property of a substance that changes what an alert must say or do.
 */
public enum RiskFlag {

	/**
	 * Harmful in microgram or low-milligram amounts, so uneven mixing or a small mistake
	 * can kill.
	 */
	HIGH_POTENCY,

	/**
	 * Often found in other drugs without the buyer knowing, and harmful at the amounts
	 * found.
	 */
	DANGEROUS_ADULTERANT,

	/** Its effects on breathing are reversed by naloxone. */
	NALOXONE_RESPONSIVE,

	/**
	 * More than one dose of naloxone is often needed (fentanyls, nitazenes,
	 * buprenorphine).
	 */
	REPEAT_NALOXONE_LIKELY,

	/**
	 * Causes sedation that naloxone does not reverse (xylazine, benzodiazepines, GHB).
	 * Naloxone should still be given when an opioid may also be involved.
	 */
	SEDATIVE_NOT_NALOXONE_RESPONSIVE,

	/**
	 * Acts for long enough that an overdose can return after naloxone wears off
	 * (methadone).
	 */
	LONG_ACTING,

	/**
	 * Slow to take effect, so people take more thinking the first dose did not work
	 * (PMMA, PMA).
	 */
	DELAYED_ONSET,

	/** Can cause dangerous overheating (MDMA, PMMA, cathinones). */
	OVERHEATING,

	/**
	 * Causes skin wounds or necrosis, also away from injection sites (xylazine,
	 * levamisole).
	 */
	CAUSES_WOUNDS

}
