package org.harmwatch.overdose.web;

import java.util.HashMap;
import java.util.Map;

import org.harmwatch.platform.imports.ColumnMapping;
import org.jspecify.annotations.Nullable;

/**
 * The chosen mapping of an import's columns, as text: a header of the file for each
 * column (or none), whether every row is fatal when the file does not say, and who
 * reported the incidents.
 */
record MappingForm(@Nullable String occurredAt, @Nullable String location, @Nullable String lat, @Nullable String lon,
		@Nullable String fatal, @Nullable String naloxoneDoses, @Nullable String naloxoneRoute,
		@Nullable String naloxoneGivenBy, @Nullable String age, @Nullable String sex, @Nullable String substance1,
		@Nullable String substance2, @Nullable String substance3, @Nullable String substance4,
		@Nullable String substance5, @Nullable String substance6, @Nullable String substance7,
		@Nullable String substance8, @Nullable String substance9, @Nullable String substance10,
		@Nullable String substanceBasis, @Nullable String outcome, @Nullable String personCode,
		@Nullable String sourceReference, @Nullable String allFatal, @Nullable String source,
		@Nullable String keepPlaces) {

	/** The fields that name a column, in the order of the form. */
	static final String[] COLUMNS = { "occurredAt", "location", "lat", "lon", "fatal", "naloxoneDoses", "naloxoneRoute",
			"naloxoneGivenBy", "age", "sex", "substance1", "substance2", "substance3", "substance4", "substance5",
			"substance6", "substance7", "substance8", "substance9", "substance10", "substanceBasis", "outcome",
			"personCode", "sourceReference" };

	static MappingForm of(ColumnMapping guess, @Nullable String source) {
		return new MappingForm(guess.header("occurredAt"), guess.header("location"), guess.header("lat"),
				guess.header("lon"), guess.header("fatal"), guess.header("naloxoneDoses"),
				guess.header("naloxoneRoute"), guess.header("naloxoneGivenBy"), guess.header("age"),
				guess.header("sex"), guess.header("substance1"), guess.header("substance2"), guess.header("substance3"),
				guess.header("substance4"), guess.header("substance5"), guess.header("substance6"),
				guess.header("substance7"), guess.header("substance8"), guess.header("substance9"),
				guess.header("substance10"), guess.header("substanceBasis"), guess.header("outcome"),
				guess.header("personCode"), guess.header("sourceReference"), "", source, null);
	}

	/** The chosen headers by column name. */
	Map<String, @Nullable String> chosen() {
		var values = new @Nullable String[] { occurredAt, location, lat, lon, fatal, naloxoneDoses, naloxoneRoute,
				naloxoneGivenBy, age, sex, substance1, substance2, substance3, substance4, substance5, substance6,
				substance7, substance8, substance9, substance10, substanceBasis, outcome, personCode, sourceReference };
		var chosen = new HashMap<String, @Nullable String>();
		for (int i = 0; i < COLUMNS.length; i++) {
			chosen.put(COLUMNS[i], values[i]);
		}
		return chosen;
	}

}
