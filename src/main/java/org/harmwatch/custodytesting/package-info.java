/**
 * Custody drug testing, the legacy of the Drug Interventions Programme: a test on arrest
 * for a trigger offence (or at an inspector's discretion), the required assessments that
 * follow a positive test, the referral to a criminal-justice treatment team, and the
 * funnel from arrest to treatment per custody suite and month.
 *
 * <p>
 * Every arrest, test, assessment and referral belongs to the police agency that recorded
 * it and is held for {@code POLICING}; another police agency reads it only under a
 * sharing agreement recorded in {@link org.harmwatch.agency.SharingManagement}. The
 * treatment team (a health agency the owner shares custody testing with for
 * {@code HEALTH}) sees only the referral it must answer: a pseudonymous code of its own
 * and a date, never an offence or a result. Its answer, whether treatment started and
 * when, is all that crosses back. Everyone else sees the funnel's counts, those under 5
 * withheld. The events in the {@code events} interface tell other modules (the funding
 * ledger) what was done, without a person in them.
 */
@NullMarked
@ApplicationModule(displayName = "Custody testing",
		allowedDependencies = { "shared", "platform", "geography", "agency" })
package org.harmwatch.custodytesting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
