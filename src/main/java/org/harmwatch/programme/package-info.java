/**
 * The programme's outcome indicators: how well the early-warning loop works, from the
 * signals waiting for a decision to the alerts that reached people and what they said
 * about them.
 *
 * <p>
 * Used by the early-warning coordinator (the measures page) and, as the programme's other
 * indicators arrive, by the commissioner's office. A read side: its own tables, fed by
 * the events of early warning and dissemination ({@code @ApplicationModuleListener}s in
 * {@code internal}, each idempotent), never by reading their tables; nothing depends on
 * it. All aggregate: nothing about a person.
 */
@NullMarked
@ApplicationModule(displayName = "Programme outcomes",
		allowedDependencies = { "shared", "platform", "earlywarning :: events", "dissemination :: events" })
package org.harmwatch.programme;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
