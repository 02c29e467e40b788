package org.harmwatch.naloxone.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.harmwatch.naloxone.FinderEntry;
import org.harmwatch.naloxone.FinderManagement;
import org.harmwatch.platform.CsvWriter;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.PublicEndpoint;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The public naloxone finder: where to get a kit and be shown how to use it, as a page
 * that works on a phone and as open data (CSV and JSON under the Open Government
 * Licence), without signing in.
 */
@Controller
class NaloxoneFinderController {

	/** The licence the finder's open data is published under. */
	static final String LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

	private static final String LINK = "<" + LICENCE_URL + ">; rel=\"license\"";

	private static final String FORM = "finderForm";

	private final FinderManagement finder;

	NaloxoneFinderController(FinderManagement finder) {
		this.finder = finder;
	}

	@GetMapping("/naloxone/finder")
	@PublicEndpoint("Where to get a naloxone kit: services' names, addresses and opening hours, which they chose to publish")
	String page(@ModelAttribute(FORM) FinderForm form, BindingResult result, Model model) {
		if (form.district() != null && !finder.isDistrict(form.district())) {
			result.rejectValue("district", "naloxone.finder.district.unknown");
		}
		model.addAttribute("entries",
				result.hasErrors() ? List.of() : finder.entries(form.district(), form.trainsOnly()));
		model.addAttribute("districts", finder.districts());
		model.addAttribute("licenceUrl", LICENCE_URL);
		model.addAttribute("bounds", finder.bounds());
		return "naloxone/finder";
	}

	@GetMapping("/naloxone/finder.csv")
	@PublicEndpoint("The naloxone finder as CSV open data under the Open Government Licence")
	ResponseEntity<String> csv(@ModelAttribute(FORM) FinderForm form) {
		var out = new StringBuilder();
		var csv = new CsvWriter(out);
		csv.row("name", "kind", "address", "postcode", "district_code", "district", "opening_hours", "trains",
				"latitude", "longitude");
		for (var e : entries(form)) {
			csv.row(e.name(), e.kind().name(), e.address(), e.postcode(), e.ladCode(), e.ladName(), e.openingHours(),
					e.trains() ? "yes" : "no", e.latitude() == null ? null : e.latitude().toString(),
					e.longitude() == null ? null : e.longitude().toString());
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"naloxone-finder.csv\"")
			.header(HttpHeaders.LINK, LINK)
			.body(out.toString());
	}

	@GetMapping("/naloxone/finder.json")
	@PublicEndpoint("The naloxone finder as JSON open data under the Open Government Licence")
	ResponseEntity<FinderData> json(@ModelAttribute(FORM) FinderForm form) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.LINK, LINK)
			.body(new FinderData(LICENCE_URL, entries(form)));
	}

	private List<FinderEntry> entries(FinderForm form) {
		if (form.district() != null && !finder.isDistrict(form.district())) {
			throw new InputRejectedException(FieldProblem.of("district", "naloxone.finder.district.unknown"));
		}
		return finder.entries(form.district(), form.trainsOnly());
	}

	/** The finder's open data: the licence and the places. */
	record FinderData(String licence, List<FinderEntry> places) {
	}

}
