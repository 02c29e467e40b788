/**
 * The drugs early-warning system: reports of harm come in (staff form, partner API, anonymous public form), and
 * reports and other modules' events (spikes, dangerous drug-checking samples) are grouped into signals that rules open
 * with an urgency.
 *
 * <p>Used by frontline staff and partner systems (reporting), the early-warning coordinator (validating or dismissing
 * signals, recording the panel's outcome) and the expert panel (grading validated signals through
 * {@link org.harmwatch.earlywarning.PanelManagement}). Follows the PHE Local Drug Information System model: receive,
 * validate and corroborate, grade, respond.
 */
@NullMarked
@ApplicationModule(displayName = "Drugs early warning",
		allowedDependencies = { "platform", "shared", "agency", "geography", "substances", "analytics", "drugchecking" })
package org.harmwatch.earlywarning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
