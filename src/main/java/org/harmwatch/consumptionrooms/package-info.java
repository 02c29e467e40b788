/**
 * Drug consumption rooms and discarded needles: supervised visits, and the public's
 * reports of needles found in the street with the council's sweeps.
 *
 * <p>
 * Needle reports come from anyone, without signing in: a pin on a map, what they saw and
 * an optional photo (re-encoded by the platform without its metadata), from the web form
 * or from FixMyStreet and councils' own systems through Open311 GeoReport v2. Nothing
 * about the reporter is kept. A report belongs to the council set for the district it
 * lies in, whose staff sweep it (found or not, needles collected, when); each council has
 * a service level, and reports not answered within it are shown as breaches.
 *
 * <p>
 * A visit to a room is a health record owned by the site's agency and known only by the
 * site's pseudonymous client code; no law-enforcement reader ever sees one. Each visit
 * publishes {@link org.harmwatch.consumptionrooms.SupervisedConsumptionRecorded}. Who may
 * see what is decided in one place,
 * {@link org.harmwatch.consumptionrooms.internal.ConsumptionRoomsPolicy}.
 */
@NullMarked
@ApplicationModule(displayName = "Consumption rooms", allowedDependencies = { "shared", "platform", "platform :: forms",
		"geography", "agency", "substances", "analytics", "analytics :: density", "analytics :: hotspot" })
package org.harmwatch.consumptionrooms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
