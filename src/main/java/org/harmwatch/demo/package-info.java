/**
 * The one-command demo: a small believable scenario seeded through each module's public
 * API, and an outbox that keeps every e-mail and text message the demo sends.
 *
 * <p>
 * Nothing here runs in a deployment: the scenario only with
 * {@code harmwatch.demo.scenario} and the outbox only with {@code harmwatch.demo.outbox},
 * both on in the {@code demo} profile that {@code ./harmwatch run} starts. The scenario
 * goes through the same management APIs, rules and audit as a person would (a report is
 * filed, validated, graded, alerted on and approved), so it shows the loop as it works;
 * its alerts are exercises. Nothing depends on this module.
 */
@NullMarked
@ApplicationModule(displayName = "Demo",
		allowedDependencies = { "shared", "platform", "earlywarning", "earlywarning :: events", "drugchecking",
				"overdose", "overdose :: events", "drugchecking :: events", "dissemination", "dissemination :: events",
				"naloxone", "programme", "agency", "custodytesting", "diversion", "hatclinic", "consumptionrooms" })
package org.harmwatch.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
