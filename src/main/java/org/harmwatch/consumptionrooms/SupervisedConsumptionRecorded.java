package org.harmwatch.consumptionrooms;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A supervised visit to a consumption room was recorded: the programme counts it.
 *
 * <p>
 * Published once per visit; it carries no person and no client code.
 *
 * @param visitId the visit's id in this module
 * @param districtCode the local authority district (ONS code) of the site
 * @param on the day of the visit, in the region's time zone
 */
@NamedInterface("events")
public record SupervisedConsumptionRecorded(UUID visitId, String districtCode, LocalDate on) {

}
