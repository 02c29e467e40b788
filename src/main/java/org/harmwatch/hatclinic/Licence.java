package org.harmwatch.hatclinic;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A prescriber's Home Office licence in the register.
 */
public record Licence(UUID id, String prescriber, String licenceNumber, LocalDate validFrom, LocalDate validTo,
		String recordedBy) {

	/** Whether the licence is in force on the day. */
	public boolean currentOn(LocalDate day) {
		return !day.isBefore(validFrom) && !day.isAfter(validTo);
	}

}
