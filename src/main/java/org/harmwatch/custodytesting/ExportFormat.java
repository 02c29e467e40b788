package org.harmwatch.custodytesting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The export's columns, shaped like the national criminal-justice treatment data set (one
 * row per arrest; docs/custody-testing.md describes each field).
 */
final class ExportFormat {

	static final List<String> COLUMNS = List.of("AGNCY", "SUITE", "LADCODE", "CLIENTREF", "ARRDATE", "TRIGGER",
			"OFFENCE", "INSPAUTH", "TESTDATE", "TESTOUT", "COCAINE", "OPIATES", "RETEST", "RAINITSTAT", "RAINITDT",
			"RAFUSTAT", "RAFUDT", "RAMISSED", "REFLDT", "REFTEAM", "TRTSTART", "TRTSTARTDT");

	private ExportFormat() {
	}

	static String row(ArrestView a, ZoneId zone) {
		var cells = new ArrayList<@Nullable String>();
		cells.add(a.ownerAgency());
		cells.add(a.suite().code());
		cells.add(a.suite().districtCode());
		cells.add(a.personCode());
		cells.add(LocalDate.ofInstant(a.arrestedAt(), zone).toString());
		cells.add(a.basis() == TestBasis.TRIGGER_OFFENCE ? "Y" : "N");
		cells.add(a.offence() == null ? null : a.offence().code());
		cells.add(a.basis() == TestBasis.INSPECTOR_DISCRETION ? "Y" : "N");
		var first = a.tests().isEmpty() ? null : a.tests().get(0);
		cells.add(first == null ? null : LocalDate.ofInstant(first.sampleTakenAt(), zone).toString());
		cells.add(first == null ? TestOutcome.NOT_TESTED.name()
				: first.outcome() == TestOutcome.REFUSED ? "REFUSED" : first.positive() ? "POSITIVE" : "NEGATIVE");
		cells.add(first == null || first.cocaine() == null ? null : first.cocaine().name());
		cells.add(first == null || first.opiates() == null ? null : first.opiates().name());
		var retest = a.tests().stream().filter(TestView::retest).reduce((x, y) -> y).orElse(null);
		cells.add(retest == null ? "N"
				: retest.outcome() == TestOutcome.REFUSED ? "REFUSED" : retest.positive() ? "POSITIVE" : "NEGATIVE");
		String missed = null;
		for (var kind : AssessmentKind.values()) {
			var assessment = a.assessments().stream().filter(s -> s.kind() == kind).findFirst().orElse(null);
			cells.add(assessment == null ? null : assessment.status().name());
			cells
				.add(assessment == null || assessment.attendedOn() == null ? null : assessment.attendedOn().toString());
			if (assessment != null && assessment.consequence() != null) {
				missed = assessment.consequence().name();
			}
		}
		cells.add(missed);
		var referral = a.referral();
		cells.add(referral == null ? null : referral.referredOn().toString());
		cells.add(referral == null ? null : referral.teamAgency());
		cells.add(referral == null || referral.treatmentStarted() == null ? null
				: referral.treatmentStarted() ? "Y" : "N");
		cells.add(referral == null || referral.treatmentStartedOn() == null ? null
				: referral.treatmentStartedOn().toString());
		var line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append(cell(cells.get(i)));
		}
		return line.toString();
	}

	/** A cell, quoted when needed; a leading formula character is defused. */
	static String cell(@Nullable String value) {
		if (value == null) {
			return "";
		}
		var text = value;
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
