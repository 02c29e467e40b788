/**
 * The drugs early-warning system: reports of harm come in (staff form, partner API, anonymous public form), and
 * reports and other modules' events (spikes, dangerous drug-checking samples) are grouped into signals that rules open
 * with an urgency.
 *
 * <p>Used by frontline staff and partner systems (reporting), the early-warning coordinator (validating or dismissing
 * signals) and the expert panel (reading). Follows the PHE Local Drug Information System model: receive, validate and
 * corroborate, grade, respond; grading and alerts come later.
 */
@NullMarked
@ApplicationModule(displayName = "Drugs early warning",
		allowedDependencies = { "platform", "shared", "geography", "substances", "analytics", "drugchecking" })
package org.harmwatch.earlywarning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
