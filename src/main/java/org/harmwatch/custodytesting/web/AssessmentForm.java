package org.harmwatch.custodytesting.web;

import java.time.ZoneId;
import java.util.ArrayList;

import jakarta.validation.constraints.NotBlank;
import org.harmwatch.custodytesting.AssessmentStatus;
import org.harmwatch.custodytesting.AssessmentUpdate;
import org.harmwatch.custodytesting.MissedConsequence;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;

/** A required assessment's form: book it, or record it attended or missed. */
record AssessmentForm(@NotBlank(message = "{custodytesting.status.required}") @Nullable String status,
		@Nullable String appointmentAt, @Nullable String attendedOn, @Nullable String consequence) {

	static AssessmentForm empty() {
		return new AssessmentForm(null, null, null, null);
	}

	/**
	 * The update this form describes.
	 * @throws InputRejectedException naming every field that cannot be read
	 */
	AssessmentUpdate update(ZoneId zone) {
		var problems = new ArrayList<FieldProblem>();
		var statusOf = FormValues.constant(AssessmentStatus.class, status, "status", problems);
		var appointment = FormValues.localTime(appointmentAt, "appointmentAt", problems);
		var attended = FormValues.date(attendedOn, "attendedOn", problems);
		var consequenceOf = FormValues.constant(MissedConsequence.class, consequence, "consequence", problems);
		if (!problems.isEmpty() || statusOf == null) {
			throw new InputRejectedException(problems);
		}
		return new AssessmentUpdate(statusOf, appointment == null ? null : appointment.atZone(zone).toInstant(),
				attended, consequenceOf);
	}

}
