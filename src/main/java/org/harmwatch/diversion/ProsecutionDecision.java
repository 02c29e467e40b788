package org.harmwatch.diversion;

/**
 * What follows a breach: prosecution for the original offence (the contract ends), or the
 * contract continues with the condition to be met.
 */
public enum ProsecutionDecision {

	PROSECUTE, CONTINUE

}
