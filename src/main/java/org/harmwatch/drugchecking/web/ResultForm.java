package org.harmwatch.drugchecking.web;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultDraft;
import org.jspecify.annotations.Nullable;

/**
 * The result form: up to three components (rows), as text.
 *
 * <p>
 * The rows are bound by their index as text ({@code components[0].text}): a map from
 * index to row, so that an index far beyond the form's is ignored rather than grown into
 * a list. Rows from 0 to the last one sent are kept, at most {@link #MAX_ROWS}.
 *
 * @param confirmed {@code true} when the box is ticked; the page sends {@code _confirmed}
 * with it, so that an unticked box reads as {@code false}
 */
record ResultForm(Map<String, @Valid Row> components, @Nullable String confirmed, @Nullable String notes) {

	/** Rows the form shows. */
	static final int ROWS = 3;

	/** Rows read at most: those beyond are ignored. */
	static final int MAX_ROWS = 10;

	ResultForm {
		var sent = new TreeMap<Integer, Row>();
		for (var entry : (components == null ? Map.<String, Row>of() : components).entrySet()) {
			var index = index(entry.getKey());
			if (index >= 0 && index < MAX_ROWS && entry.getValue() != null) {
				sent.put(index, entry.getValue());
			}
		}
		int rows = Math.max(ROWS, sent.isEmpty() ? 0 : sent.lastKey() + 1);
		var ordered = new LinkedHashMap<String, Row>();
		for (int i = 0; i < rows; i++) {
			ordered.put(String.valueOf(i), sent.getOrDefault(i, Row.EMPTY));
		}
		components = Collections.unmodifiableMap(ordered);
	}

	static ResultForm empty() {
		return new ResultForm(Map.of(), "true", null);
	}

	private static int index(String key) {
		if (key == null || !key.matches("\\d{1,2}")) {
			return -1;
		}
		return Integer.parseInt(key);
	}

	/** The rows in order, for the page. */
	public List<Row> rows() {
		return List.copyOf(components.values());
	}

	/** One component row. */
	record Row(@Nullable String text,
			@Readable(value = BigDecimal.class, message = "{drugchecking.error.number}") @Nullable String quantity,
			@Readable(value = QuantityUnit.class, message = "{drugchecking.error.unit.choose}") @Nullable String unit,
			@Readable(value = Basis.class, message = "{drugchecking.error.basis.choose}") @Nullable String basis,
			@Readable(value = Confidence.class,
					message = "{drugchecking.error.confidence.choose}") @Nullable String confidence,
			@Readable(value = AnalysisMethod.class,
					message = "{drugchecking.error.method.choose}") @Nullable String method) {

		static final Row EMPTY = new Row(null, null, null, null, null, null);

		ComponentDraft draft() {
			return new ComponentDraft(text, FormText.number(quantity), FormText.constant(QuantityUnit.class, unit),
					FormText.constant(Basis.class, basis), FormText.constant(Confidence.class, confidence),
					FormText.constant(AnalysisMethod.class, method));
		}

	}

	/** Whether the result is confirmed. */
	public boolean confirmedTicked() {
		return "true".equalsIgnoreCase(confirmed) || "on".equalsIgnoreCase(confirmed);
	}

	/** The draft, with what could not be read left out. */
	ResultDraft draft() {
		return new ResultDraft(rows().stream().map(Row::draft).toList(), confirmedTicked(), notes);
	}

}
