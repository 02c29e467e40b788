package org.harmwatch.diversion;

import java.time.LocalDate;
import java.util.UUID;

/** A contract on a navigator's caseload, and how many sessions it has had. */
public record CaseloadEntry(UUID referralId, String custodyReference, String schemeName, LocalDate endsOn,
		ContractStatus status, int sessions) {
}
