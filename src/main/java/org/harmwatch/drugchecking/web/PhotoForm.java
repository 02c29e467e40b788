package org.harmwatch.drugchecking.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** A photo of the sample and its caption; {@code PhotoManagement} says what is wrong. */
record PhotoForm(@Nullable MultipartFile photo, @Nullable String caption) {

	static PhotoForm empty() {
		return new PhotoForm(null, null);
	}

}
