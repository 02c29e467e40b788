/**
 * Overdose surveillance: fatal and non-fatal overdoses reported by ambulance, emergency
 * departments, police, consumption rooms, drug services, prisons and coroners, and the
 * drug-related deaths that coroners find.
 *
 * <p>
 * Used by the staff who record incidents (a phone form, the partner API, CSV imports), by
 * public health analysts who watch for spikes and hotspots, and by the public through
 * suppressed open data. Every incident becomes an observation for the analytics engine,
 * and {@link org.harmwatch.overdose.OverdoseRecorded} tells other modules (naloxone
 * reissue, consumption rooms) without this module knowing them; an import tells them only
 * of the incidents at which naloxone was given, many at a time
 * ({@link org.harmwatch.overdose.OverdosesImported}).
 *
 * <p>
 * Every incident belongs to the agency that reported it; another agency reads it only
 * under a data-sharing agreement recorded in
 * {@link org.harmwatch.agency.SharingManagement}. A person is known only by a
 * pseudonymous code per source, and no law-enforcement reader ever sees that code or an
 * exact point.
 */
@NullMarked
@ApplicationModule(displayName = "Overdose", allowedDependencies = { "shared", "platform", "platform :: forms",
		"platform :: imports", "substances", "geography", "agency", "analytics", "consumptionrooms :: events" })
package org.harmwatch.overdose;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
