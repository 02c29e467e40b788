package org.harmwatch.diversion;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A diversion contract started: the funding ledger counts it. No personal data.
 *
 * @param contractId the contract's id in this module
 * @param districtCode the local authority district (LAD code) of the scheme
 * @param on the day the contract starts
 */
@NamedInterface("events")
public record DiversionContractStarted(UUID contractId, String districtCode, LocalDate on) {
}
