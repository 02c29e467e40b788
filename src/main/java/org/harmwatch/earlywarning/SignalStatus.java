package org.harmwatch.earlywarning;

import org.springframework.modulith.NamedInterface;

/**
 * Where a signal stands: open until the coordinator validates or dismisses it; a
 * validated signal goes to the panel, which grades it.
 */
@NamedInterface("events")
public enum SignalStatus {

	OPEN, VALIDATED, DISMISSED, GRADED

}
