package org.harmwatch.earlywarning;

/**
 * Where a signal stands: open until the coordinator validates or dismisses it; a validated signal goes to the panel,
 * which grades it.
 */
public enum SignalStatus {

	OPEN, VALIDATED, DISMISSED, GRADED

}
