/**
 * The programme's outcome indicators and its money: how well the early-warning loop
 * works, and the funding ledger of recommendation 2 (streams, the services they pay for,
 * what those produce, the audit by district and the pooling what-if).
 *
 * <p>
 * Used by the early-warning coordinator (the measures page) and the commissioner's office
 * (the funding ledger). Its indicator and output tables are a read side, fed by the
 * events of the modules that deliver ({@code @ApplicationModuleListener}s in
 * {@code internal}, each idempotent), never by reading their tables; the ledger's own
 * records belong to the agency that keeps them ({@code internal/FundingPolicy}). Nothing
 * depends on it. All aggregate: nothing about a person.
 */
@NullMarked
@ApplicationModule(displayName = "Programme outcomes",
		allowedDependencies = { "shared", "platform", "platform :: forms", "geography", "agency",
				"earlywarning :: events", "dissemination :: events", "custodytesting :: events", "diversion :: events",
				"hatclinic :: events", "consumptionrooms :: events" })
package org.harmwatch.programme;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
