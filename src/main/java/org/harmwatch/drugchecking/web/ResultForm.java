package org.harmwatch.drugchecking.web;

import java.util.ArrayList;
import java.util.List;

import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.Problem;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultDraft;
import org.jspecify.annotations.Nullable;

/** The result form: up to three components, as text. */
public class ResultForm {

	static final int ROWS = 3;

	private List<Row> components = new ArrayList<>(List.of(new Row(), new Row(), new Row()));

	private boolean confirmed = true;

	private @Nullable String notes;

	/** One component row. */
	public static class Row {

		private @Nullable String text;

		private @Nullable String quantity;

		private @Nullable String unit;

		private @Nullable String basis;

		private @Nullable String confidence;

		private @Nullable String method;

		public @Nullable String getText() {
			return text;
		}

		public void setText(@Nullable String text) {
			this.text = text;
		}

		public @Nullable String getQuantity() {
			return quantity;
		}

		public void setQuantity(@Nullable String quantity) {
			this.quantity = quantity;
		}

		public @Nullable String getUnit() {
			return unit;
		}

		public void setUnit(@Nullable String unit) {
			this.unit = unit;
		}

		public @Nullable String getBasis() {
			return basis;
		}

		public void setBasis(@Nullable String basis) {
			this.basis = basis;
		}

		public @Nullable String getConfidence() {
			return confidence;
		}

		public void setConfidence(@Nullable String confidence) {
			this.confidence = confidence;
		}

		public @Nullable String getMethod() {
			return method;
		}

		public void setMethod(@Nullable String method) {
			this.method = method;
		}

	}

	ResultDraft toDraft(List<Problem> problems) {
		var drafts = new ArrayList<ComponentDraft>();
		for (int i = 0; i < components.size() && i < 10; i++) {
			var r = components.get(i);
			var f = "components[" + i + "].";
			drafts.add(new ComponentDraft(r.text, Forms.number(r.quantity, f + "quantity", problems),
					Forms.parse(QuantityUnit.class, r.unit, f + "unit", "Choose a unit from the list.", problems),
					Forms.parse(Basis.class, r.basis, f + "basis", "Choose salt or base.", problems),
					Forms.parse(Confidence.class, r.confidence, f + "confidence", "Choose a confidence from the list.",
							problems),
					Forms.parse(AnalysisMethod.class, r.method, f + "method", "Choose a method from the list.",
							problems)));
		}
		return new ResultDraft(drafts, confirmed, notes);
	}

	public List<Row> getComponents() {
		return components;
	}

	public void setComponents(@Nullable List<Row> components) {
		this.components = components == null ? new ArrayList<>() : components;
		while (this.components.size() < ROWS) {
			this.components.add(new Row());
		}
	}

	public boolean isConfirmed() {
		return confirmed;
	}

	public void setConfirmed(boolean confirmed) {
		this.confirmed = confirmed;
	}

	public @Nullable String getNotes() {
		return notes;
	}

	public void setNotes(@Nullable String notes) {
		this.notes = notes;
	}

}
