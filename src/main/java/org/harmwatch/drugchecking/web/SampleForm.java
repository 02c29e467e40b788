package org.harmwatch.drugchecking.web;

import java.math.BigDecimal;
import java.util.UUID;

import org.harmwatch.drugchecking.AgeBand;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleMode;
import org.jspecify.annotations.Nullable;

/**
 * The intake form, as text. There is no field for a name, contact details or a date of
 * birth. The client id, made when the form is drawn, makes a second send of the same form
 * store the sample once.
 */
record SampleForm(@Nullable String clientId,
		@Readable(value = SampleMode.class, message = "{drugchecking.error.mode.required}") @Nullable String mode,
		@Nullable String soldAs,
		@Readable(value = DosageForm.class, message = "{drugchecking.error.form.required}") @Nullable String form,
		@Nullable String pillColour, @Nullable String pillLogo, @Nullable String pillShape,
		@Nullable String pillScoreLine,
		@Readable(value = BigDecimal.class, message = "{drugchecking.error.number}") @Nullable String pillWeightMg,
		@Nullable String obtainedLadCode, @Nullable String intendedDose, @Nullable String consent,
		@Readable(value = AgeBand.class, message = "{drugchecking.error.ageBand.choose}") @Nullable String ageBand) {

	static SampleForm empty() {
		return new SampleForm(UUID.randomUUID().toString(), null, null, null, null, null, null, null, null, null, null,
				null, null);
	}

	/** Whether the consent box was ticked. */
	public boolean consented() {
		return "true".equalsIgnoreCase(consent) || "on".equalsIgnoreCase(consent);
	}

	/** The draft, with what could not be read left out. */
	SampleDraft draft() {
		var client = FormText.uuid(clientId);
		return new SampleDraft(client == null ? UUID.randomUUID() : client, FormText.constant(SampleMode.class, mode),
				soldAs, FormText.constant(DosageForm.class, form), pillColour, pillLogo, pillShape,
				pillScoreLine == null || pillScoreLine.isBlank() ? null : "yes".equals(pillScoreLine),
				FormText.number(pillWeightMg), obtainedLadCode, intendedDose, consented(),
				FormText.constant(AgeBand.class, ageBand));
	}

}
