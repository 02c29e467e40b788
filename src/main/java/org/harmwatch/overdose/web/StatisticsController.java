package org.harmwatch.overdose.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.overdose.AreaMonthTable;
import org.harmwatch.overdose.Cell;
import org.harmwatch.overdose.OverdoseStatistics;
import org.harmwatch.platform.CsvWriter;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.MapProperties;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.web.MapFrame;
import org.harmwatch.platform.web.Periods;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Overdoses by district and month as public open data under the Open Government Licence:
 * the page, and the same table as CSV and JSON. Counts under 5 and the totals that would
 * give them away are withheld; nothing names a person or a place smaller than a district.
 */
@Controller
class StatisticsController {

	static final String LINK = "<" + AreaMonthTable.LICENCE_URL + ">; rel=\"license\"";

	private final OverdoseStatistics statistics;

	private final GeographyManagement geography;

	private final MapProperties mapProperties;

	StatisticsController(OverdoseStatistics statistics, GeographyManagement geography, MapProperties mapProperties) {
		this.statistics = statistics;
		this.geography = geography;
		this.mapProperties = mapProperties;
	}

	/** The months and the fatal filter asked for. */
	record Query(YearMonth first, YearMonth last, @Nullable Boolean fatal) {

		String queryString() {
			return "from=" + first + "&to=" + last + (fatal == null ? "" : "&fatal=" + fatal);
		}

	}

	@GetMapping("/overdose/statistics")
	@PublicEndpoint("Overdoses by district and month, counts under 5 withheld, as published open data")
	String page(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String fatal,
			Model model) {
		var query = query(from, to, fatal);
		model.addAttribute("table", statistics.table(query.first(), query.last(), query.fatal()));
		model.addAttribute("query", query);
		model.addAttribute("qs", query.queryString());
		model.addAttribute("licenceUrl", AreaMonthTable.LICENCE_URL);
		model.addAttribute("threshold", AreaMonthTable.THRESHOLD);
		return "overdose/statistics";
	}

	/**
	 * The same table as a map of districts: each district's total over the months, from
	 * the one call the page's table and the downloads are drawn from.
	 */
	@GetMapping("/overdose/statistics/map")
	@PublicEndpoint("The published overdose table as a map of districts; counts under 5 withheld, no points")
	String map(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String fatal,
			Model model) {
		var query = query(from, to, fatal);
		var table = statistics.table(query.first(), query.last(), query.fatal());
		model.addAttribute("table", table);
		model.addAttribute("choropleth", PublishedChoropleth.of(table));
		model.addAttribute("query", query);
		model.addAttribute("qs", query.queryString());
		model.addAttribute("licenceUrl", AreaMonthTable.LICENCE_URL);
		model.addAttribute("threshold", AreaMonthTable.THRESHOLD);
		model.addAttribute("vintage", geography.vintage(AreaLevel.LAD));
		MapFrame.addTo(model, mapProperties, geography.attribution(), geography.bounds());
		return "overdose/publicMap";
	}

	@GetMapping("/overdose/statistics.csv")
	@PublicEndpoint("The published overdose table as CSV under the Open Government Licence; counts under 5 withheld")
	ResponseEntity<String> csv(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String fatal) {
		var query = query(from, to, fatal);
		var table = statistics.table(query.first(), query.last(), query.fatal());
		var out = new StringBuilder();
		var csv = new CsvWriter(out);
		csv.row("lad_code", "lad_name", "month", "count", "rate_per_100000", "rate_lower_95", "rate_upper_95",
				"suppressed");
		for (var row : table.rows()) {
			for (int m = 0; m < table.months().size(); m++) {
				csv.row(cells(row.ladCode(), row.ladName(), table.months().get(m).toString(), row.cells().get(m)));
			}
			csv.row(cells(row.ladCode(), row.ladName(), "all", row.total()));
		}
		for (int m = 0; m < table.months().size(); m++) {
			csv.row(cells("", "region", table.months().get(m).toString(), table.monthTotals().get(m)));
		}
		csv.row(cells("", "region", "all", table.total()));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"overdoses-by-district.csv\"")
			.header(HttpHeaders.LINK, LINK)
			.body(out.toString());
	}

	@GetMapping("/overdose/statistics.json")
	@PublicEndpoint("The published overdose table as JSON under the Open Government Licence; counts under 5 withheld")
	ResponseEntity<Map<String, Object>> json(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String fatal) {
		var query = query(from, to, fatal);
		var table = statistics.table(query.first(), query.last(), query.fatal());
		var body = new LinkedHashMap<String, Object>();
		body.put("licence", AreaMonthTable.LICENCE);
		body.put("licenceUrl", AreaMonthTable.LICENCE_URL);
		body.put("suppression", "Counts under " + AreaMonthTable.THRESHOLD
				+ " are withheld (suppressed, with no count, rate or interval), and so is any total that includes one.");
		body.put("table", table);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"overdoses-by-district.json\"")
			.header(HttpHeaders.LINK, LINK)
			.body(body);
	}

	private static List<@Nullable Object> cells(String code, String name, String month, Cell cell) {
		var cells = new ArrayList<@Nullable Object>();
		cells.add(code);
		cells.add(name);
		cells.add(month);
		cells.add(cell.count());
		cells.add(number(cell.rate()));
		cells.add(number(cell.lower()));
		cells.add(number(cell.upper()));
		cells.add(cell.suppressed());
		return cells;
	}

	private static @Nullable String number(@Nullable Double value) {
		return value == null ? null : String.format(Locale.ROOT, "%.2f", value);
	}

	private Query query(@Nullable String from, @Nullable String to, @Nullable String fatal) {
		var problems = new ArrayList<FieldProblem>();
		var months = Periods.months(from, to, statistics.lastTwelveMonths()[1].plusMonths(1), 12,
				OverdoseStatistics.MAX_MONTHS, problems);
		Boolean onlyFatal = null;
		var fatalText = Parsing.text(fatal);
		if ("true".equals(fatalText) || "false".equals(fatalText)) {
			onlyFatal = Boolean.valueOf(fatalText);
		}
		else if (fatalText != null) {
			problems.add(FieldProblem.of("fatal", "overdose.choice.invalid"));
		}
		if (!problems.isEmpty() || months == null) {
			throw new InputRejectedException(problems);
		}
		return new Query(months.from(), months.to(), onlyFatal);
	}

}
