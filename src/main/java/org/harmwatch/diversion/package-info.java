/**
 * Diversion: deferred-prosecution schemes for drug-related offending, after Durham's
 * Checkpoint and West Midlands' Operation Turning Point.
 *
 * <p>
 * A police agency runs a scheme with its own eligibility rules; each referral gets an
 * explained eligibility decision, a recorded allocation (random and stratified when the
 * scheme is a trial, else the custody decision-maker's choice with a reason), and on the
 * diversion arm a contract of up to four months with up to five conditions, the
 * navigator's sessions, breaches and prosecution decisions. Outcomes at 12 and 24 months
 * per arm carry their window and interval, and rates with different windows are never
 * compared unlabelled.
 *
 * <p>
 * Every record belongs to the police agency and is held for {@code POLICING}. Treatment
 * staff (health) only report, against a pseudonymised link with a recorded legal basis,
 * whether an appointment was attended and when; they read nothing here.
 * {@link org.harmwatch.diversion.DiversionContractStarted} and
 * {@link org.harmwatch.diversion.DiversionContractCompleted} tell the funding ledger.
 */
@NullMarked
@ApplicationModule(displayName = "Diversion", allowedDependencies = { "shared", "platform", "geography", "agency" })
package org.harmwatch.diversion;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
