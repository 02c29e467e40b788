package org.harmwatch.drugchecking;

/** What the sample looks like. */
public enum DosageForm {

	PILL, POWDER, CRYSTAL, CAPSULE, LIQUID, BLOTTER, OTHER

}
