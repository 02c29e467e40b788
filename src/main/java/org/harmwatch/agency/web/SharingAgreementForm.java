package org.harmwatch.agency.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A data-sharing agreement to record: the two agencies, what is shared and for what, the
 * legal basis and the dates. Enumerations and dates arrive as text and are read by the
 * controller, so a wrong value is a field error, not a 400.
 */
record SharingAgreementForm(
		@NotBlank(message = "{admin.sharing.reference.required}") @Size(max = 100,
				message = "{admin.sharing.reference.size}") @Nullable String reference,
		@NotBlank(message = "{admin.sharing.owner.required}") @Nullable String owner,
		@NotBlank(message = "{admin.sharing.recipient.required}") @Nullable String recipient,
		@NotBlank(message = "{admin.sharing.capability.required}") @Nullable String capability,
		@NotBlank(message = "{admin.sharing.access.required}") @Nullable String access,
		@NotBlank(message = "{admin.sharing.purpose.required}") @Nullable String purpose,
		@NotBlank(message = "{admin.sharing.legalBasis.required}") @Size(max = 1000,
				message = "{admin.sharing.legalBasis.size}") @Nullable String legalBasis,
		@NotBlank(message = "{admin.sharing.startsOn.required}") @Nullable String startsOn, @Nullable String endsOn) {

	SharingAgreementForm {
		reference = FormErrors.trim(reference);
		owner = FormErrors.trim(owner);
		recipient = FormErrors.trim(recipient);
		capability = FormErrors.trim(capability);
		access = FormErrors.trim(access);
		purpose = FormErrors.trim(purpose);
		legalBasis = FormErrors.trim(legalBasis);
		startsOn = FormErrors.trim(startsOn);
		endsOn = FormErrors.trim(endsOn);
	}

	static SharingAgreementForm empty() {
		return new SharingAgreementForm(null, null, null, null, "READ", null, null, null, null);
	}

}
