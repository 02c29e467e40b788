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
 * person's first dose is given. Referrals also arrive by event from custody testing's
 * treatment teams and from diversion's treatment staff, with the person's consent: the
 * clinic takes each in once and knows the person by a client code of its own.
 */
@NullMarked
@ApplicationModule(displayName = "Heroin-assisted treatment", allowedDependencies = { "shared", "platform",
		"platform :: forms", "agency", "geography", "custodytesting :: events", "diversion :: events" })
package org.harmwatch.hatclinic;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
