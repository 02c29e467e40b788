package org.harmwatch.naloxone.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * A holder to add, as sent; the kind, district and checkboxes are read by the controller.
 */
record HolderForm(@NotBlank(message = "{naloxone.holder.kind.required}") @Nullable String kind,
		@NotBlank(message = "{naloxone.holder.name.required}") @Size(max = 200,
				message = "{naloxone.holder.name.size}") @Nullable String name,
		@Size(max = 40, message = "{naloxone.holder.agencyCode.size}") @Nullable String agencyCode,
		@Size(max = 20, message = "{naloxone.holder.ladCode.size}") @Nullable String ladCode,
		@Size(max = 300, message = "{naloxone.holder.address.size}") @Nullable String address,
		@Size(max = 10, message = "{naloxone.holder.postcode.size}") @Nullable String postcode,
		@Size(max = 300, message = "{naloxone.holder.openingHours.size}") @Nullable String openingHours,
		@Nullable String trains, @Nullable String publicListing,
		@Size(max = 30, message = "{naloxone.holder.latitude.invalid}") @Nullable String latitude,
		@Size(max = 30, message = "{naloxone.holder.longitude.invalid}") @Nullable String longitude,
		@Nullable String sector) {

	HolderForm {
		kind = FormValues.trim(kind);
		name = FormValues.trim(name);
		agencyCode = FormValues.trim(agencyCode);
		ladCode = FormValues.trim(ladCode);
		address = FormValues.trim(address);
		postcode = FormValues.trim(postcode);
		openingHours = FormValues.trim(openingHours);
		trains = FormValues.trim(trains);
		publicListing = FormValues.trim(publicListing);
		latitude = FormValues.trim(latitude);
		longitude = FormValues.trim(longitude);
		sector = FormValues.trim(sector);
	}

	static HolderForm empty() {
		return new HolderForm(null, null, null, null, null, null, null, null, null, null, null, null);
	}

}
