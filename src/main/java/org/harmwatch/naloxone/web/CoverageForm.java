package org.harmwatch.naloxone.web;

import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/** The period, district and order of the coverage tables, as sent in the query. */
record CoverageForm(@Nullable String from, @Nullable String to, @Nullable String district, @Nullable String sort,
		@Nullable String dir) {

	CoverageForm {
		from = FormValues.trim(from);
		to = FormValues.trim(to);
		district = FormValues.trim(district);
		sort = FormValues.trim(sort);
		dir = FormValues.trim(dir);
	}

}
