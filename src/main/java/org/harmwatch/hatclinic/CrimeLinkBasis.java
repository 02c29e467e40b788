package org.harmwatch.hatclinic;

import java.time.Instant;
import java.util.UUID;

/**
 * The legal basis the clinic relies on for recorded-crime links with a force: the
 * data-sharing agreement and its legal basis text as recorded.
 */
public record CrimeLinkBasis(UUID id, String forceAgency, String forceName, String agreementReference,
		String legalBasis, String recordedBy, Instant recordedAt) {

}
