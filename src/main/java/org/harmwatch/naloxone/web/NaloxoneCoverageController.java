package org.harmwatch.naloxone.web;

import java.time.LocalDate;

import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.naloxone.Coverage;

import org.harmwatch.naloxone.CoverageManagement;
import org.harmwatch.naloxone.FinderManagement;
import org.harmwatch.naloxone.KitLedgerManagement;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.MapProperties;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.web.FormValues;
import org.harmwatch.platform.web.MapBands;
import org.harmwatch.platform.web.MapFrame;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Coverage and the postcode lottery: kits supplied per 1,000 people and per 100 overdoses
 * by district, LSOA and deprivation decile, in tables a commissioner can sort; the same
 * figures as a choropleth, and the hotspots where naloxone would save most lives with the
 * agencies active there, each map drawn from the table beside it (the keyboard
 * alternative).
 */
@Controller
class NaloxoneCoverageController {

	private static final String FORM = "coverageForm";

	private final CoverageManagement coverage;

	private final KitLedgerManagement ledger;

	private final FinderManagement finder;

	private final GeographyManagement geography;

	private final MapProperties mapProperties;

	NaloxoneCoverageController(CoverageManagement coverage, KitLedgerManagement ledger, FinderManagement finder,
			GeographyManagement geography, MapProperties mapProperties) {
		this.coverage = coverage;
		this.ledger = ledger;
		this.finder = finder;
		this.geography = geography;
		this.mapProperties = mapProperties;
	}

	@GetMapping("/naloxone/coverage")
	@Requires(capability = Capability.NALOXONE, action = Action.READ)
	String coverage(@Validated @ModelAttribute(FORM) CoverageForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var today = ledger.today();
		var from = form.from() == null ? today.minusYears(1).plusDays(1) : FormValues.date(form.from(), "from", result);
		LocalDate to = form.to() == null ? today : FormValues.date(form.to(), "to", result);
		var sort = form.sort() == null ? CoverageSort.PER_THOUSAND
				: FormValues.choice(CoverageSort.class, form.sort(), "sort", result);
		boolean descending = !"asc".equals(form.dir());
		if (form.dir() != null && !form.dir().equals("asc") && !form.dir().equals("desc")) {
			result.rejectValue("dir", "naloxone.form.choose");
		}
		if (!result.hasErrors() && from != null && to != null && sort != null) {
			try {
				var found = coverage.coverage(user, from, to, form.district());
				model.addAttribute("coverage", found);
				model.addAttribute("districtRows",
						found.districts().stream().sorted(sort.districts(descending)).toList());
				model.addAttribute("lsoaRows", found.lsoas().stream().sorted(sort.lsoas(descending)).toList());
				// The map shades the LSOAs of the district chosen, or else the districts.
				model.addAttribute("bands",
						MapBands.of(form.district() == null
								? found.districts().stream().map(Coverage.District::perThousand).toList()
								: found.lsoas().stream().map(Coverage.Lsoa::perThousand).toList()));
				model.addAttribute("hotspots", coverage.hotspots(user, from, to, form.district()));
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		FormErrorOrder.inPageOrder(model, FORM);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("sort", sort == null ? CoverageSort.PER_THOUSAND : sort);
		model.addAttribute("descending", descending);
		model.addAttribute("districts", finder.districts());
		model.addAttribute("lsoaVintage", geography.vintage(AreaLevel.LSOA));
		model.addAttribute("ladVintage", geography.vintage(AreaLevel.LAD));
		MapFrame.addTo(model, mapProperties, geography.attribution(), geography.bounds());
		return "naloxone/coverage";
	}

}
