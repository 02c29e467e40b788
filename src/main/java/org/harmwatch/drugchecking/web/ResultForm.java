package org.harmwatch.drugchecking.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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
 * @param confirmed {@code true} when the box is ticked; the page sends {@code _confirmed}
 * with it, so that an unticked box reads as {@code false}
 */
record ResultForm(List<@Valid Row> components, @Nullable String confirmed, @Nullable String notes) {

	/** Rows the form shows. */
	static final int ROWS = 3;

	/** Rows read at most: a longer list is cut. */
	static final int MAX_ROWS = 10;

	ResultForm {
		var rows = new ArrayList<Row>();
		for (var row : components == null ? List.<Row>of() : components) {
			if (rows.size() < MAX_ROWS) {
				rows.add(row == null ? Row.EMPTY : row);
			}
		}
		while (rows.size() < ROWS) {
			rows.add(Row.EMPTY);
		}
		components = List.copyOf(rows);
	}

	static ResultForm empty() {
		return new ResultForm(List.of(), "true", null);
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
		return new ResultDraft(components.stream().map(Row::draft).toList(), confirmedTicked(), notes);
	}

}
