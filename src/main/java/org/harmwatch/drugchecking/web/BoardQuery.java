package org.harmwatch.drugchecking.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harmwatch.drugchecking.BoardFilter;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRanges;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The board's filter as typed: parsed into a {@link BoardFilter}, with a problem for each
 * part that cannot be used (that part is then ignored). The page shows the problems;
 * downloads and the API answer 400.
 */
record BoardQuery(@Nullable String substance, @Nullable String form, @Nullable String colour, @Nullable String logo,
		@Nullable String from, @Nullable String to) {

	static final int MAX_TEXT = 100;

	record Parsed(BoardFilter filter, List<FieldProblem> problems) {
	}

	Parsed parse() {
		var problems = new ArrayList<FieldProblem>();
		DosageForm dosageForm = null;
		if (!blank(form)) {
			dosageForm = Arrays.stream(DosageForm.values())
				.filter(f -> f.name().equalsIgnoreCase(form.strip()))
				.findFirst()
				.orElse(null);
			if (dosageForm == null) {
				problems.add(FieldProblem.of("form", "board.error.form", shorten(form)));
			}
		}
		var first = month(from, "from", problems);
		var last = month(to, "to", problems);
		if (first != null && last != null && last.isBefore(first)) {
			problems.add(FieldProblem.of("to", "board.error.toBeforeFrom"));
			last = null;
		}
		return new Parsed(new BoardFilter(text(substance, "substance", problems), dosageForm,
				text(colour, "colour", problems), text(logo, "logo", problems), first, last), problems);
	}

	/**
	 * The filter as a query string (starting with "?", or empty), for links to pages and
	 * downloads.
	 */
	String queryString() {
		var params = new LinkedHashMap<String, @Nullable String>();
		params.put("substance", substance);
		params.put("form", form);
		params.put("colour", colour);
		params.put("logo", logo);
		params.put("from", from);
		params.put("to", to);
		var builder = UriComponentsBuilder.newInstance();
		for (Map.Entry<String, @Nullable String> e : params.entrySet()) {
			if (!blank(e.getValue())) {
				builder.queryParam(e.getKey(), e.getValue().strip());
			}
		}
		return builder.encode().build().toUriString();
	}

	private static @Nullable YearMonth month(@Nullable String value, String field, List<FieldProblem> problems) {
		if (blank(value)) {
			return null;
		}
		try {
			var month = YearMonth.parse(value.strip());
			if (InputRanges.isAccepted(month)) {
				return month;
			}
		}
		catch (DateTimeParseException ex) {
			// said below
		}
		problems.add(FieldProblem.of(field, "board.error.month", shorten(value)));
		return null;
	}

	private static @Nullable String text(@Nullable String value, String field, List<FieldProblem> problems) {
		if (blank(value)) {
			return null;
		}
		if (value.strip().length() > MAX_TEXT) {
			problems.add(FieldProblem.of(field, "board.error.atMost", MAX_TEXT));
			return null;
		}
		return value.strip();
	}

	private static String shorten(String value) {
		var v = value.strip();
		return v.length() > 40 ? v.substring(0, 40) + "…" : v;
	}

	@org.jspecify.annotations.NullUnmarked
	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
