package org.harmwatch.hatclinic;

import java.time.LocalDate;

/**
 * A prescriber's Home Office licence to record.
 */
public record LicenceDraft(String prescriber, String licenceNumber, LocalDate validFrom, LocalDate validTo) {
}
