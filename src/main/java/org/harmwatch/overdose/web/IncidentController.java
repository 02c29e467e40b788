package org.harmwatch.overdose.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.overdose.AgeBand;
import org.harmwatch.overdose.IncidentFilter;
import org.harmwatch.overdose.IncidentOutcome;
import org.harmwatch.overdose.IncidentSource;
import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.overdose.NaloxoneRoute;
import org.harmwatch.overdose.OverdoseImports;
import org.harmwatch.overdose.OverdoseManagement;
import org.harmwatch.overdose.RecordedVia;
import org.harmwatch.overdose.Sex;
import org.harmwatch.overdose.SubstanceBasis;
import org.harmwatch.overdose.internal.OverdosePolicy;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The incident pages: the phone form that records an overdose in under a minute, the list
 * with its filters and pages, and one incident, each showing what {@code OverdosePolicy}
 * lets the reader see.
 */
@Controller
class IncidentController {

	static final String FORM = "incidentForm";

	private final OverdoseManagement overdoses;

	private final GeographyManagement geography;

	private final RegionSettings region;

	private final OverdoseImports imports;

	IncidentController(OverdoseManagement overdoses, GeographyManagement geography, RegionSettings region,
			OverdoseImports imports) {
		this.overdoses = overdoses;
		this.imports = imports;
		this.geography = geography;
		this.region = region;
	}

	@GetMapping("/overdose/incidents")
	@Requires(capability = Capability.OVERDOSE, action = Action.READ)
	String list(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String ladCode,
			@RequestParam(required = false) @Nullable String fatal,
			@RequestParam(required = false) @Nullable String page, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var districts = districts();
		var chosenLad = Parsing.text(ladCode);
		var filter = new IncidentFilter(date(from), date(to),
				chosenLad != null && districts.containsKey(chosenLad) ? chosenLad : null,
				"true".equals(fatal) ? Boolean.TRUE : "false".equals(fatal) ? Boolean.FALSE : null);
		int number = 1;
		try {
			number = page == null || page.isBlank() ? 1 : Integer.parseInt(page.strip());
		}
		catch (NumberFormatException ex) {
			number = 1;
		}
		var incidents = overdoses.incidents(filter, number, user);
		model.addAttribute("incidents", incidents);
		model.addAttribute("filter", filter);
		model.addAttribute("districts", districts);
		model.addAttribute("mayRecord", OverdosePolicy.mayRecord(user));
		model.addAttribute("mayImport", imports.allowed(user));
		model.addAttribute("zone", region.timeZone());
		return "overdose/list";
	}

	@GetMapping("/overdose/incidents/new")
	@Requires(capability = Capability.OVERDOSE, action = Action.WRITE)
	String form(Model model, @AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute(FORM, IncidentForm.empty(user));
		return form(model);
	}

	@PostMapping("/overdose/incidents")
	@Requires(capability = Capability.OVERDOSE, action = Action.WRITE)
	String create(@Validated @ModelAttribute(FORM) IncidentForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		if (!result.hasErrors()) {
			try {
				var recorded = overdoses.record(form.draft(region.timeZone(), user), user, RecordedVia.FORM);
				return "redirect:/overdose/incidents/" + recorded.id() + "?recorded";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return form(model);
	}

	@GetMapping("/overdose/incidents/{id}")
	@Requires(capability = Capability.OVERDOSE, action = Action.READ)
	String incident(@PathVariable String id, @RequestParam(required = false) @Nullable String recorded, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("overdose.notFound.incident", id);
		}
		model.addAttribute("incident", overdoses.incident(uuid, user));
		model.addAttribute("justRecorded", recorded != null);
		model.addAttribute("zone", region.timeZone());
		return "overdose/incident";
	}

	private String form(Model model) {
		FormErrorOrder.inPageOrder(model, FORM);
		var fatalOptions = new LinkedHashMap<String, String>();
		fatalOptions.put("false", "overdose.form.fatal.false");
		fatalOptions.put("true", "overdose.form.fatal.true");
		model.addAttribute("fatalOptions", fatalOptions);
		model.addAttribute("routes", options(NaloxoneRoute.values(), "overdose.route."));
		model.addAttribute("givers", options(NaloxoneGiver.values(), "overdose.giver."));
		model.addAttribute("ageBands", options(AgeBand.values(), "overdose.ageBand."));
		model.addAttribute("sexes", options(Sex.values(), "overdose.sex."));
		model.addAttribute("bases", options(SubstanceBasis.values(), "overdose.basis."));
		model.addAttribute("outcomes", options(IncidentOutcome.values(), "overdose.outcome."));
		model.addAttribute("sources", options(IncidentSource.values(), "overdose.source."));
		return "overdose/form";
	}

	static Map<String, String> options(Enum<?>[] values, String prefix) {
		var options = new LinkedHashMap<String, String>();
		for (var value : values) {
			options.put(value.name(), prefix + value.name());
		}
		return options;
	}

	private Map<String, String> districts() {
		var districts = new LinkedHashMap<String, String>();
		geography.areas(AreaLevel.LAD).forEach(area -> districts.put(area.code(), area.name()));
		return districts;
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		var value = Parsing.text(text);
		if (value == null || value.length() > 10) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
