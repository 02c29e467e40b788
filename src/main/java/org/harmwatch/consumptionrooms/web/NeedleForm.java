package org.harmwatch.consumptionrooms.web;

import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** A needle report as the public form sends it: the pin, what was seen, a photo. */
record NeedleForm(@Nullable String lat, @Nullable String lon,
		@Size(max = 2000, message = "{consumptionrooms.needle.description.size}") @Nullable String description,
		@Nullable MultipartFile photo) {

	NeedleForm {
		lat = FormValues.trim(lat);
		lon = FormValues.trim(lon);
		description = FormValues.trim(description);
	}

	static NeedleForm empty() {
		return new NeedleForm(null, null, null, null);
	}

}
