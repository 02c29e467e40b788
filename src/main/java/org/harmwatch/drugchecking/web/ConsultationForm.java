package org.harmwatch.drugchecking.web;

import org.harmwatch.drugchecking.Consultation;
import org.harmwatch.drugchecking.IntendedChange;
import org.jspecify.annotations.Nullable;

/**
 * The advice given and what the person chose to do, as text.
 *
 * @param disposed {@code yes}, {@code no} or nothing (not said)
 */
record ConsultationForm(@Nullable String advice, @Nullable String disposed,
		@Readable(value = IntendedChange.class,
				message = "{drugchecking.error.intendedChange.choose}") @Nullable String intendedChange,
		@Nullable String referral) {

	/** The form filled with the consultation recorded, or with the drafted advice. */
	static ConsultationForm of(@Nullable Consultation consultation, String draftedAdvice) {
		if (consultation == null) {
			return new ConsultationForm(draftedAdvice, null, null, null);
		}
		return new ConsultationForm(consultation.advice(),
				consultation.disposed() == null ? null : consultation.disposed() ? "yes" : "no",
				consultation.intendedChange() == null ? null : consultation.intendedChange().name(),
				consultation.referral());
	}

	@Nullable Boolean disposedAnswer() {
		return disposed == null || disposed.isBlank() ? null : "yes".equals(disposed);
	}

	@Nullable IntendedChange change() {
		return FormText.constant(IntendedChange.class, intendedChange);
	}

}
