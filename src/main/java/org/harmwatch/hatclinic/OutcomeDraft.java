package org.harmwatch.hatclinic;

import java.time.LocalDate;

/**
 * A Treatment Outcomes Profile to record: the last 28 days.
 */
public record OutcomeDraft(Stage stage, LocalDate completedOn, int streetHeroinDays, int crackDays, int otherOpiateDays,
		int alcoholDays, int cannabisDays, int injectingDays, int crimes, int psychologicalHealth, int physicalHealth,
		int qualityOfLife, Housing housing, int workDays) {
}
