package org.harmwatch.hatclinic;

/** A client's housing in a Treatment Outcomes Profile. */
public enum Housing {

	STABLE, AT_RISK, NO_FIXED_ABODE

}
