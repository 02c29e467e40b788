package org.harmwatch.consumptionrooms.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of consumption rooms and needle reports
 * ({@code harmwatch.consumption-rooms.*}).
 *
 * @param publicReportCapacity needle reports one client may send at once from the web
 * form
 * @param publicReportRefillEvery how long until the client may send one more
 * @param open311Capacity Open311 requests one client may post at once
 * @param open311RefillEvery how long until the client may post one more
 */
@ConfigurationProperties("harmwatch.consumption-rooms")
public record ConsumptionRoomsProperties(@DefaultValue("5") int publicReportCapacity,
		@DefaultValue("PT10M") Duration publicReportRefillEvery, @DefaultValue("60") int open311Capacity,
		@DefaultValue("PT1M") Duration open311RefillEvery) {

}
