/**
 * The drugs early-warning system: reports of harm come in (staff form, partner API,
 * anonymous public form), and reports and other modules' events (spikes, dangerous
 * drug-checking samples) are grouped into signals that rules open with an urgency.
 *
 * <p>
 * Used by frontline staff and partner systems (reporting), the early-warning coordinator
 * (validating or dismissing signals, recording the panel's outcome, drafting alerts,
 * reviewing other regions' alerts and following the measures) and the expert panel
 * (grading validated signals through {@link org.harmwatch.earlywarning.PanelManagement},
 * approving alerts). Follows the PHE Local Drug Information System model: receive,
 * validate and corroborate, grade, respond.
 *
 * <p>
 * Alerts ({@code AlertManagement}) are drafted by the coordinator from graded signals
 * (or, on the urgent path, from validated ones with two named approvers), issued with
 * {@code AlertIssued} for the delivery module, and published to the public as pages, CAP
 * 1.2 and Atom feeds. Neighbouring regions' CAP feeds are polled into external alerts
 * ({@code FederationManagement}): evidence only, never re-broadcast.
 */
@NullMarked
@ApplicationModule(displayName = "Drugs early warning", allowedDependencies = { "shared", "platform", "agency",
		"geography", "substances", "analytics :: events", "drugchecking :: events" })
package org.harmwatch.earlywarning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
