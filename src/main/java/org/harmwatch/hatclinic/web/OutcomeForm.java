package org.harmwatch.hatclinic.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * A Treatment Outcomes Profile as sent: the last 28 days.
 */
record OutcomeForm(
		@NotBlank(message = "{hatclinic.outcome.stage.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String stage,
		@NotBlank(message = "{hatclinic.outcome.completedOn.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String completedOn,
		@NotBlank(message = "{hatclinic.outcome.streetHeroinDays.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String streetHeroinDays,
		@NotBlank(message = "{hatclinic.outcome.crackDays.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String crackDays,
		@NotBlank(message = "{hatclinic.outcome.otherOpiateDays.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String otherOpiateDays,
		@NotBlank(message = "{hatclinic.outcome.alcoholDays.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String alcoholDays,
		@NotBlank(message = "{hatclinic.outcome.cannabisDays.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String cannabisDays,
		@NotBlank(message = "{hatclinic.outcome.injectingDays.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String injectingDays,
		@NotBlank(message = "{hatclinic.outcome.crimes.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String crimes,
		@NotBlank(message = "{hatclinic.outcome.psychologicalHealth.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String psychologicalHealth,
		@NotBlank(message = "{hatclinic.outcome.physicalHealth.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String physicalHealth,
		@NotBlank(message = "{hatclinic.outcome.qualityOfLife.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String qualityOfLife,
		@NotBlank(message = "{hatclinic.outcome.housing.required}") @Size(max = 20,
				message = "{hatclinic.form.size}") @Nullable String housing,
		@NotBlank(message = "{hatclinic.outcome.workDays.required}") @Size(max = 10,
				message = "{hatclinic.form.size}") @Nullable String workDays) {

	OutcomeForm {
		stage = FormValues.trim(stage);
		completedOn = FormValues.trim(completedOn);
		streetHeroinDays = FormValues.trim(streetHeroinDays);
		crackDays = FormValues.trim(crackDays);
		otherOpiateDays = FormValues.trim(otherOpiateDays);
		alcoholDays = FormValues.trim(alcoholDays);
		cannabisDays = FormValues.trim(cannabisDays);
		injectingDays = FormValues.trim(injectingDays);
		crimes = FormValues.trim(crimes);
		psychologicalHealth = FormValues.trim(psychologicalHealth);
		physicalHealth = FormValues.trim(physicalHealth);
		qualityOfLife = FormValues.trim(qualityOfLife);
		housing = FormValues.trim(housing);
		workDays = FormValues.trim(workDays);
	}

	static OutcomeForm empty() {
		return new OutcomeForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

}
