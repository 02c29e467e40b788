package org.harmwatch.naloxone.web;

import jakarta.validation.constraints.NotBlank;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/** People who left a point of risk at a holder in a month, as sent. */
record LeaversForm(@NotBlank(message = "{naloxone.leavers.holderId.required}") @Nullable String holderId,
		@NotBlank(message = "{naloxone.leavers.point.required}") @Nullable String point,
		@NotBlank(message = "{naloxone.leavers.month.required}") @Nullable String month,
		@NotBlank(message = "{naloxone.leavers.people.required}") @Nullable String people) {

	LeaversForm {
		holderId = FormValues.trim(holderId);
		point = FormValues.trim(point);
		month = FormValues.trim(month);
		people = FormValues.trim(people);
	}

	static LeaversForm of(String month) {
		return new LeaversForm(null, null, month, null);
	}

}
