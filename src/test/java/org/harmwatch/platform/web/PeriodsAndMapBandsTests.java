package org.harmwatch.platform.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.harmwatch.platform.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one period parser of the map pages and the bands their choropleths are shaded in.
 */
class PeriodsAndMapBandsTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	static Stream<Arguments> days() {
		return Stream.of(Arguments.of(null, null, "2026-11-09..2026-12-06"),
				Arguments.of("2026-12-01", null, "2026-12-01..2026-12-28"),
				Arguments.of(null, "2026-01-28", "2026-01-01..2026-01-28"),
				Arguments.of(" 2026-01-01 ", "2026-01-01", "2026-01-01..2026-01-01"),
				Arguments.of("2026-01-01", "2026-12-31", "2026-01-01..2026-12-31"),
				Arguments.of("2026-01-01", "2027-01-01", "2026-01-01..2027-01-01"),
				Arguments.of("2026-01-01", "2027-01-02", "to:form.period.tooLong"),
				Arguments.of("2026-02-01", "2026-01-31", "to:form.period.backwards"),
				Arguments.of("2026-02-30", null, "from:form.period.date.invalid"),
				Arguments.of("01/02/2026", "x", "from:form.period.date.invalid to:form.period.date.invalid"),
				Arguments.of("2026-01-01\u0000", null, "from:form.period.date.invalid"),
				Arguments.of("9".repeat(400), null, "from:form.period.date.invalid"));
	}

	@ParameterizedTest
	@MethodSource
	void days(String from, String to, String expected) {
		var problems = new ArrayList<FieldProblem>();
		var days = Periods.days(from, to, TODAY, 28, 366, problems);
		assertThat(days == null ? describe(problems) : days.from() + ".." + days.to()).isEqualTo(expected);
	}

	static Stream<Arguments> months() {
		return Stream.of(Arguments.of(null, null, "2025-12..2026-11"),
				Arguments.of("2003-02", "2003-02", "2003-02..2003-02"),
				Arguments.of("2003-01", null, "2003-01..2003-12"), Arguments.of(null, "2004-06", "2003-07..2004-06"),
				Arguments.of("2000-01", "2004-12", "2000-01..2004-12"),
				Arguments.of("2000-01", "2005-01", "to:form.period.months.tooLong"),
				Arguments.of("2004-01", "2003-01", "to:form.period.backwards"),
				Arguments.of("1989-12", null, "from:form.period.month.invalid"),
				Arguments.of("2003-13", "99999-01", "from:form.period.month.invalid to:form.period.month.invalid"));
	}

	@ParameterizedTest
	@MethodSource
	void months(String from, String to, String expected) {
		var problems = new ArrayList<FieldProblem>();
		var months = Periods.months(from, to, YearMonth.of(2026, 12), 12, 60, problems);
		assertThat(months == null ? describe(problems) : months.from() + ".." + months.to()).isEqualTo(expected);
	}

	@Test
	void bandsCutAtTheQuantilesOfTheValuesShownAndKeepEqualValuesTogether() {
		var bands = MapBands.of(List.of(10.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0));
		assertThat(bands.bands()).extracting(b -> b.lower() + "-" + b.upper())
			.containsExactly("1.0-2.0", "3.0-4.0", "5.0-6.0", "7.0-8.0", "9.0-10.0");
		assertThat(bands.cssClassOf(4.0, "none")).isEqualTo("hw-band-1");
		assertThat(bands.cssClassOf(10.0, "none")).isEqualTo("hw-band-4");
		assertThat(bands.cssClassOf(null, "none")).isEqualTo("none");

		var zeros = MapBands.of(List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.5));
		assertThat(zeros.bands()).extracting(b -> b.lower() + "-" + b.upper()).containsExactly("0.0-0.0", "2.5-2.5");
		assertThat(zeros.cssClassOf(0.0, "none")).isEqualTo("hw-band-0");
		assertThat(zeros.cssClassOf(2.5, "none")).isEqualTo("hw-band-1");

		assertThat(MapBands.of(List.of(7.0)).bands()).hasSize(1);
		assertThat(MapBands.of(List.of()).bands()).isEmpty();
		assertThat(MapBands.of(List.of()).cssClassOf(3.0, "none")).isEqualTo("none");
	}

	private static String describe(List<FieldProblem> problems) {
		return String.join(" ", problems.stream().map(p -> p.field() + ":" + p.code()).toList());
	}

}
