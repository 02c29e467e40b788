package org.harmwatch.diversion;

/** Where a contract stands. */
public enum ContractStatus {

	ACTIVE, BREACHED, PROSECUTED, COMPLETED

}
