package org.harmwatch.naloxone;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Training given, as entered.
 *
 * @param trainedOn the day
 * @param trainer who trained them (a role or a name of staff, never a trainee's name)
 * @param group who was trained
 * @param people how many people were trained, at least 1
 * @param holderId the holder where it took place, if any
 * @param refresherDue when a refresher is due; two years after the training when
 * {@code null}
 */
public record TrainingDraft(LocalDate trainedOn, String trainer, TraineeGroup group, int people,
		@Nullable UUID holderId, @Nullable LocalDate refresherDue) {

}
