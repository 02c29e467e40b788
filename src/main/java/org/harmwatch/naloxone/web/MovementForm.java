package org.harmwatch.naloxone.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * Kits moving, as sent: the kind decides which fields are needed, which the ledger's
 * rules check; choices, dates and numbers are read by the controller.
 */
record MovementForm(@NotBlank(message = "{naloxone.movement.kind.required}") @Nullable String kind,
		@NotBlank(message = "{naloxone.movement.productCode.required}") @Nullable String productCode,
		@NotBlank(message = "{naloxone.movement.batchNumber.required}") @Size(max = 40,
				message = "{naloxone.movement.batchNumber.size}") @Nullable String batchNumber,
		@Nullable String expiresOn, @Nullable String fromHolder, @Nullable String toHolder,
		@NotBlank(message = "{naloxone.movement.kits.required}") @Nullable String kits,
		@NotBlank(message = "{naloxone.movement.happenedOn.required}") @Nullable String happenedOn,
		@Size(max = 40, message = "{naloxone.movement.clientCode.size}") @Nullable String clientCode,
		@Nullable String supplyType, @Nullable String reason, @Nullable String releasePoint, @Nullable String ageBand,
		@Nullable String sex) {

	MovementForm {
		kind = FormValues.trim(kind);
		productCode = FormValues.trim(productCode);
		batchNumber = FormValues.trim(batchNumber);
		expiresOn = FormValues.trim(expiresOn);
		fromHolder = FormValues.trim(fromHolder);
		toHolder = FormValues.trim(toHolder);
		kits = FormValues.trim(kits);
		happenedOn = FormValues.trim(happenedOn);
		clientCode = FormValues.trim(clientCode);
		supplyType = FormValues.trim(supplyType);
		reason = FormValues.trim(reason);
		releasePoint = FormValues.trim(releasePoint);
		ageBand = FormValues.trim(ageBand);
		sex = FormValues.trim(sex);
	}

	static MovementForm of(@Nullable String kind, String today) {
		return new MovementForm(kind, null, null, null, null, null, "1", today, null, null, null, null, null, null);
	}

}
