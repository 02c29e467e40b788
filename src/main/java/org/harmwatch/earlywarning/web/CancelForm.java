package org.harmwatch.earlywarning.web;

import org.jspecify.annotations.Nullable;

/** Why an issued alert is cancelled; the alert checks that there is a reason. */
record CancelForm(String note) {

	CancelForm(@Nullable String note) {
		this.note = note == null ? "" : note;
	}

}
