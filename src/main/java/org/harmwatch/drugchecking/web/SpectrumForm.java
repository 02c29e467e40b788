package org.harmwatch.drugchecking.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * A JCAMP-DX spectrum for a result version; {@code ResultManagement} says what is wrong.
 */
record SpectrumForm(@Nullable MultipartFile spectrum) {

	static SpectrumForm empty() {
		return new SpectrumForm(null);
	}

}
