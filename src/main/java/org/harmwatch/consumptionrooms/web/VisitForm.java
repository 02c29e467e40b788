package org.harmwatch.consumptionrooms.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/** A visit as the room's form sends it. */
record VisitForm(@NotBlank(message = "{consumptionrooms.visit.siteId.required}") @Nullable String siteId,
		@NotBlank(message = "{consumptionrooms.visit.clientCode.required}") @Size(max = 30,
				message = "{consumptionrooms.visit.clientCode.invalid}") @Nullable String clientCode,
		@NotBlank(message = "{consumptionrooms.visit.date.required}") @Nullable String date,
		@NotBlank(message = "{consumptionrooms.visit.timeIn.required}") @Nullable String timeIn,
		@Nullable String timeOut,
		@NotBlank(message = "{consumptionrooms.visit.substances.required}") @Size(max = 500,
				message = "{consumptionrooms.visit.substances.size}") @Nullable String substances,
		@NotBlank(message = "{consumptionrooms.visit.route.required}") @Nullable String route,
		@Size(max = 10, message = "{consumptionrooms.visit.booth.invalid}") @Nullable String booth,
		@NotBlank(message = "{consumptionrooms.visit.otherwise.required}") @Nullable String otherwise,
		@NotBlank(message = "{consumptionrooms.visit.housing.required}") @Nullable String housing,
		@Size(max = 2000, message = "{consumptionrooms.visit.notes.invalid}") @Nullable String supervisionNotes,
		@Nullable String drugCheckingOffered) {

	VisitForm {
		siteId = FormValues.trim(siteId);
		clientCode = FormValues.trim(clientCode);
		date = FormValues.trim(date);
		timeIn = FormValues.trim(timeIn);
		timeOut = FormValues.trim(timeOut);
		substances = FormValues.trim(substances);
		route = FormValues.trim(route);
		booth = FormValues.trim(booth);
		otherwise = FormValues.trim(otherwise);
		housing = FormValues.trim(housing);
		supervisionNotes = FormValues.trim(supervisionNotes);
		drugCheckingOffered = FormValues.trim(drugCheckingOffered);
	}

	static VisitForm of(@Nullable String siteId, String today, String now) {
		return new VisitForm(siteId, null, today, now, null, null, null, null, null, null, null, null);
	}

}
