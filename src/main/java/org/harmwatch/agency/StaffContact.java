package org.harmwatch.agency;

import java.util.Set;
import java.util.UUID;

/**
 * How to reach an enabled member of staff, and what they are (agency and role names), for
 * other modules that send them messages.
 */
public record StaffContact(UUID id, String displayName, String email, String agencyCode, Set<String> roleNames) {

}
