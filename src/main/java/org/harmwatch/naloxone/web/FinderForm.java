package org.harmwatch.naloxone.web;

import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * The finder's filter, as sent in the query: a district and whether to show only places
 * that train.
 */
record FinderForm(@Nullable String district, @Nullable String trains) {

	FinderForm {
		district = FormValues.trim(district);
		trains = FormValues.trim(trains);
	}

	public boolean trainsOnly() {
		return "true".equals(trains);
	}

}
