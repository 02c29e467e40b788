package org.harmwatch.drugchecking.web;

import jakarta.validation.constraints.NotBlank;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.ImportMapping;
import org.harmwatch.drugchecking.SampleMode;
import org.jspecify.annotations.Nullable;

/**
 * The chosen mapping of an import's columns, as text: a column of the file's header for
 * each field (or none), how the samples came in, and the method when the file names none.
 */
record MappingForm(@Nullable String sampleKey, @Nullable String substance, @Nullable String soldAs,
		@Nullable String form, @Nullable String trace, @Nullable String method, @Nullable String date,
		@NotBlank(message = "{drugchecking.error.import.mode}") @Readable(value = SampleMode.class,
				message = "{drugchecking.error.import.mode}") @Nullable String mode,
		@NotBlank(message = "{drugchecking.error.method.choose}") @Readable(value = AnalysisMethod.class,
				message = "{drugchecking.error.method.choose}") @Nullable String defaultMethod) {

	/** The fields that name a column, in the order of the form. */
	static final String[] COLUMNS = { "sampleKey", "substance", "soldAs", "form", "trace", "method", "date" };

	/** The mapping; what could not be read is replaced by the default. */
	ImportMapping mapping() {
		var chosenMode = FormText.constant(SampleMode.class, mode);
		var chosenMethod = FormText.constant(AnalysisMethod.class, defaultMethod);
		return new ImportMapping(text(sampleKey), text(substance), blank(soldAs), blank(form), blank(trace),
				blank(method), blank(date), chosenMode == null ? SampleMode.FRONT_OF_HOUSE : chosenMode,
				chosenMethod == null ? AnalysisMethod.GC_MS : chosenMethod);
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
