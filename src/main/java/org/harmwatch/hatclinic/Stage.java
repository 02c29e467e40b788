package org.harmwatch.hatclinic;

/** When a Treatment Outcomes Profile is completed. */
public enum Stage {

	START, MONTH_3, MONTH_6, MONTH_12

}
