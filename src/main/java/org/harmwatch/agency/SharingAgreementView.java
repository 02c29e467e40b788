package org.harmwatch.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;

/**
 * A data-sharing agreement as administrators and auditors see it.
 *
 * @param access {@link Action#READ}, or {@link Action#WRITE} for read and change
 * @param inForce whether it is in force today
 */
public record SharingAgreementView(UUID id, String reference, String ownerCode, String ownerName, String recipientCode,
		String recipientName, Capability capability, Action access, Purpose purpose, String legalBasis,
		LocalDate startsOn, @Nullable LocalDate endsOn, String createdBy, Instant createdAt, @Nullable String endedBy,
		@Nullable Instant endedAt, boolean inForce) {
}
