package org.harmwatch.earlywarning.web;

import org.jspecify.annotations.Nullable;

/** The coordinator's review of a neighbouring region's alert: what they concluded. */
record ReviewForm(String note) {

	ReviewForm(@Nullable String note) {
		this.note = note == null ? "" : note;
	}

}
