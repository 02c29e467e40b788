package org.harmwatch.substances;

/**
 * The pharmacological group a substance belongs to, as early-warning panels and
 * drug-checking services use them.
 */
public enum SubstanceClass {

	/**
	 * Heroin, morphine, methadone, buprenorphine and other opioids that are not in a
	 * class below.
	 */
	OPIOID,

	/** Fentanyl and its analogues (carfentanil, para-fluorofentanyl…). */
	HIGH_POTENCY_SYNTHETIC_OPIOID,

	/** 2-Benzylbenzimidazole opioids (isotonitazene, metonitazene, protonitazepyne…). */
	NITAZENE,

	/** Synthetic cannabinoid receptor agonists ("spice"). */
	SYNTHETIC_CANNABINOID,

	/** Cannabis and its natural cannabinoids. */
	CANNABIS,

	/**
	 * Benzodiazepines, designer benzodiazepines and drugs that act like them (etizolam).
	 */
	BENZODIAZEPINE,

	/**
	 * Other depressants: veterinary alpha-2 sedatives (xylazine, medetomidine), GHB,
	 * gabapentinoids, alcohol.
	 */
	SEDATIVE,

	/** Cocaine, amphetamines and other stimulants. */
	STIMULANT,

	/** Synthetic cathinones (mephedrone, MDPV, alpha-PVP…). */
	SYNTHETIC_CATHINONE,

	/** MDMA and its relatives (MDA, PMMA, PMA). */
	MDMA_TYPE,

	/** Ketamine, nitrous oxide and other dissociatives. */
	DISSOCIATIVE,

	/** LSD, psilocybin, NBOMes and other psychedelics. */
	PSYCHEDELIC,

	/** Cutting agents and adulterants (caffeine, lidocaine, levamisole, phenacetin…). */
	ADULTERANT,

	/**
	 * Precursors, manufacturing by-products and metabolites that show another drug was
	 * there (4-ANPP).
	 */
	PRECURSOR_OR_BYPRODUCT,

	/** Anything else. */
	OTHER;

	/** Whether substances of this class are opioids, so that naloxone advice applies. */
	public boolean isOpioid() {
		return this == OPIOID || this == HIGH_POTENCY_SYNTHETIC_OPIOID || this == NITAZENE;
	}

}
