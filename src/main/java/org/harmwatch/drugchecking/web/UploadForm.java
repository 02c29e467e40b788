package org.harmwatch.drugchecking.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** A CSV file of results to import. */
record UploadForm(@Nullable MultipartFile file) {

	static UploadForm empty() {
		return new UploadForm(null);
	}

}
