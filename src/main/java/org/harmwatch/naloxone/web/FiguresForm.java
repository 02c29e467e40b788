package org.harmwatch.naloxone.web;

import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/** The period (and holder) the figures are counted for, as sent in the query. */
record FiguresForm(@Nullable String from, @Nullable String to, @Nullable String holder) {

	FiguresForm {
		from = FormValues.trim(from);
		to = FormValues.trim(to);
		holder = FormValues.trim(holder);
	}

}
