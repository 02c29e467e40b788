/**
 * Heroin-assisted treatment: who might be suitable (referrals assessed against the
 * documented criteria), enrolment and prescribing under a Home Office licence, supervised
 * dosing twice a day, the Treatment Outcomes Profile, and the cost per patient-year
 * against the programme's comparators.
 *
 * <p>
 * A health service: every record belongs to the clinic's agency and is held for
 * {@code HEALTH}; a client is known only by the service's pseudonymous client code. No
 * law-enforcement reader reaches any record about a person; the published outcomes are
 * aggregates per cohort with counts under five suppressed.
 * {@link org.harmwatch.hatclinic.HatTreatmentStarted} tells the programme's ledger when a
 * person's first dose is given.
 */
@NullMarked
@ApplicationModule(displayName = "Heroin-assisted treatment",
		allowedDependencies = { "shared", "platform", "platform :: forms", "agency", "geography" })
package org.harmwatch.hatclinic;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
