/**
 * The administration pages: agencies, staff accounts, roles and API clients.
 *
 * <p>
 * Administrators (AGENCY:MANAGE) change them; auditors (AGENCY:READ) may look. Every
 * change goes through {@link org.harmwatch.agency.AgencyManagement}, which checks the
 * access rules and writes the audit log.
 */
@NullMarked
package org.harmwatch.agency.web;

import org.jspecify.annotations.NullMarked;
