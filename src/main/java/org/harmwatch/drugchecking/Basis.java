package org.harmwatch.drugchecking;

/** Whether milligrams are of the salt (e.g. MDMA hydrochloride) or of the free base. */
public enum Basis {

	SALT, BASE

}
