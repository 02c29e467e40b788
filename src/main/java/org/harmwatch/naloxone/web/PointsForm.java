package org.harmwatch.naloxone.web;

import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/** The months the points of risk are counted over, as sent in the query. */
record PointsForm(@Nullable String from, @Nullable String to) {

	PointsForm {
		from = FormValues.trim(from);
		to = FormValues.trim(to);
	}

}
