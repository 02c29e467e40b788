package org.harmwatch.overdose.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** A CSV file of incidents and the source it came from. */
record UploadForm(@Nullable String sourceName, @Nullable MultipartFile file) {

	static UploadForm empty() {
		return new UploadForm(null, null);
	}

}
