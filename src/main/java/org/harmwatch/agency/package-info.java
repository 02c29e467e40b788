/**
 * Agencies, their staff, roles and API clients: who works for whom and what each may do.
 *
 * <p>
 * Used by system administrators (the admin pages) and by every other module through
 * {@link org.harmwatch.agency.AgencyManagement}. Roles grant actions on capabilities for
 * purposes; an agency's type limits the purposes its staff may hold, so a police officer
 * can never be given a health role.
 */
@NullMarked
@ApplicationModule(displayName = "Agencies and staff",
		allowedDependencies = { "shared", "platform", "platform :: forms" })
package org.harmwatch.agency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
