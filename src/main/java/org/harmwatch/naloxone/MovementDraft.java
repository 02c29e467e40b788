package org.harmwatch.naloxone;

import java.time.LocalDate;
import java.util.UUID;

import org.harmwatch.overdose.AgeBand;
import org.harmwatch.overdose.Sex;
import org.jspecify.annotations.Nullable;

/**
 * A movement of kits of one batch to record, as entered; which fields are needed depends
 * on the kind, and the management checks them against the ledger.
 *
 * @param kind how the kits moved
 * @param productCode the product
 * @param batchNumber the manufacturer's batch number
 * @param expiresOn the batch's expiry date; needed when a batch is received for the first
 * time, else it must match the recorded one when given
 * @param fromHolder the holder the kits leave, for transfers, supplies and disposals
 * @param toHolder the holder the kits enter, for receipts, transfers and returns
 * @param kits how many kits, at least 1
 * @param happenedOn the day it happened
 * @param clientCode the person's pseudonymous client code at the service, for supplies
 * and returns, if they have one
 * @param supplyType first supply or resupply, for supplies
 * @param reason why a kit is replaced, returned or disposed of
 * @param releasePoint the point of risk a supply was made at, if any
 * @param ageBand the age band of the person supplied, if known (supplies only)
 * @param sex the sex of the person supplied, if known (supplies only)
 */
public record MovementDraft(MovementKind kind, String productCode, String batchNumber, @Nullable LocalDate expiresOn,
		@Nullable UUID fromHolder, @Nullable UUID toHolder, int kits, LocalDate happenedOn, @Nullable String clientCode,
		@Nullable SupplyType supplyType, @Nullable KitReason reason, @Nullable ReleasePoint releasePoint,
		@Nullable AgeBand ageBand, @Nullable Sex sex) {

	/** A movement with no age band or sex of a person. */
	public MovementDraft(MovementKind kind, String productCode, String batchNumber, @Nullable LocalDate expiresOn,
			@Nullable UUID fromHolder, @Nullable UUID toHolder, int kits, LocalDate happenedOn,
			@Nullable String clientCode, @Nullable SupplyType supplyType, @Nullable KitReason reason,
			@Nullable ReleasePoint releasePoint) {
		this(kind, productCode, batchNumber, expiresOn, fromHolder, toHolder, kits, happenedOn, clientCode, supplyType,
				reason, releasePoint, null, null);
	}

}
