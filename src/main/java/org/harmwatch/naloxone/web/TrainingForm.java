package org.harmwatch.naloxone.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.jspecify.annotations.Nullable;

/** Training given, as sent. */
record TrainingForm(@NotBlank(message = "{naloxone.training.trainedOn.required}") @Nullable String trainedOn,
		@NotBlank(message = "{naloxone.training.trainer.required}") @Size(max = 200,
				message = "{naloxone.training.trainer.size}") @Nullable String trainer,
		@NotBlank(message = "{naloxone.training.group.required}") @Nullable String group,
		@NotBlank(message = "{naloxone.training.people.required}") @Nullable String people, @Nullable String holderId,
		@Nullable String refresherDue) {

	TrainingForm {
		trainedOn = FormValues.trim(trainedOn);
		trainer = FormValues.trim(trainer);
		group = FormValues.trim(group);
		people = FormValues.trim(people);
		holderId = FormValues.trim(holderId);
		refresherDue = FormValues.trim(refresherDue);
	}

	static TrainingForm of(String today) {
		return new TrainingForm(today, null, null, "1", null, null);
	}

}
