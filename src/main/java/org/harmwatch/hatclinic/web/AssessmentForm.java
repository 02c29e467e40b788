package org.harmwatch.hatclinic.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * An assessment as sent: the criteria, the decision and its reason.
 */
record AssessmentForm(
		@NotBlank(message = "{hatclinic.assessment.dependenceYears.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String dependenceYears,
		@NotBlank(message = "{hatclinic.assessment.failedOralEpisodes.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String failedOralEpisodes,
		@NotBlank(message = "{hatclinic.assessment.age.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String age,
		@NotBlank(message = "{hatclinic.assessment.attendsTwiceDaily.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String attendsTwiceDaily,
		@NotBlank(message = "{hatclinic.assessment.decision.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String decision,
		@NotBlank(message = "{hatclinic.assessment.reason.required}") @Size(max = 2000,
				message = "{hatclinic.form.size}") @Nullable String reason) {

	AssessmentForm {
		dependenceYears = FormValues.trim(dependenceYears);
		failedOralEpisodes = FormValues.trim(failedOralEpisodes);
		age = FormValues.trim(age);
		attendsTwiceDaily = FormValues.trim(attendsTwiceDaily);
		decision = FormValues.trim(decision);
		reason = FormValues.trim(reason);
	}

	static AssessmentForm empty() {
		return new AssessmentForm(null, null, null, null, null, null);
	}

}
