package org.harmwatch.overdose;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A coroner's finding on a death, as sent or imported.
 *
 * @param sourceReference the coroner's case reference (a finding sent again is kept once)
 * @param dateOfDeath when the person died
 * @param dateOfRegistration when the death was registered; null until it is
 * @param ladCode the district of the person's usual residence (ONS counts by it)
 * @param underlyingCause the ICD-10 code of the underlying cause, e.g. {@code X42}
 * @param substances toxicology: the substances found, in words the vocabulary resolves
 * @param controlledUnderMisuseOfDrugsAct whether any substance found is controlled under
 * the Misuse of Drugs Act 1971 (the vocabulary does not hold this); null if not known
 */
public record DeathDraft(@Nullable String sourceReference, @Nullable LocalDate dateOfDeath,
		@Nullable LocalDate dateOfRegistration, @Nullable String ladCode, @Nullable String underlyingCause,
		List<String> substances, @Nullable Boolean controlledUnderMisuseOfDrugsAct) {

	public DeathDraft {
		substances = List.copyOf(substances);
	}

}
