package org.harmwatch.earlywarning;

/**
 * Where a signal stands: open until the coordinator validates or dismisses it.
 */
public enum SignalStatus {

	OPEN, VALIDATED, DISMISSED

}
