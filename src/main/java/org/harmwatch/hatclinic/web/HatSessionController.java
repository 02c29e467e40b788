package org.harmwatch.hatclinic.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.harmwatch.hatclinic.DoseDraft;
import org.harmwatch.hatclinic.DoseSlot;
import org.harmwatch.hatclinic.HatClinicManagement;
import org.harmwatch.hatclinic.Observation;
import org.harmwatch.hatclinic.SessionRow;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.web.FormValues;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The clinic session screen for a tablet: every client in treatment with the dose to give
 * already filled in, so that a dose given is one tap (two with an observation) and a
 * missed dose one tap.
 */
@Controller
class HatSessionController {

	private static final String FORM = "doseForm";

	private final HatClinicManagement clinic;

	private final RegionSettings region;

	HatSessionController(HatClinicManagement clinic, RegionSettings region) {
		this.clinic = clinic;
		this.region = region;
	}

	@GetMapping("/hat/session")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String session(@RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String slot,
			@RequestParam(required = false) @Nullable String recorded,
			@RequestParam(required = false) @Nullable String review, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute(FORM, DoseForm.empty());
		var view = page(day(date), slot(slot), model, user);
		@SuppressWarnings("unchecked")
		var rows = (List<SessionRow>) model.getAttribute("rows");
		for (var row : rows == null ? List.<SessionRow>of() : rows) {
			var id = row.enrolmentId().toString();
			if (id.equals(recorded)) {
				model.addAttribute("recordedCode", row.clientCode());
			}
			if (id.equals(review)) {
				model.addAttribute("reviewCode", row.clientCode());
				model.addAttribute("reviewMissed", clinic.missedDosesBeforeReview());
			}
		}
		return view;
	}

	@PostMapping("/hat/session/doses")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String record(@Validated @ModelAttribute(FORM) DoseForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var enrolment = FormValues.id(form.enrolmentId(), "enrolmentId", result);
		var day = FormValues.date(form.date(), "date", result);
		var slot = FormValues.choice(DoseSlot.class, form.slot(), "slot", result);
		var observation = FormValues.choice(Observation.class, form.observation(), "observation", result);
		boolean given = "GIVEN".equals(form.status());
		if (!result.hasFieldErrors("status") && !given && !"MISSED".equals(form.status())) {
			result.rejectValue("status", "form.value.choose");
		}
		Integer dose = given ? FormValues.number(form.doseMg(), "doseMg", 1, 1000, result) : null;
		if (!result.hasErrors() && enrolment != null && day != null && slot != null) {
			try {
				var recorded = clinic.recordDose(new DoseDraft(enrolment, day, slot, given, dose,
						given ? (observation == null ? Observation.NO_CONCERNS : observation) : null,
						form.adverseEvent()), user);
				var target = UriComponentsBuilder.fromPath("/hat/session")
					.queryParam("date", day)
					.queryParam("slot", slot)
					.queryParam(recorded.reviewRaised() == null ? "recorded" : "review", enrolment)
					.fragment("row-" + enrolment)
					.build()
					.toUriString();
				return "redirect:" + target;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return page(day == null ? clinic.today() : day, slot == null ? slot(null) : slot, model, user);
	}

	private String page(LocalDate day, DoseSlot slot, Model model, HarmwatchUser user) {
		var rows = clinic.session(day, slot, user);
		model.addAttribute("rows", rows);
		model.addAttribute("day", day);
		model.addAttribute("slot", slot);
		model.addAttribute("slots", DoseSlot.values());
		model.addAttribute("observations", FormValues.options(Observation.class, "hatclinic.observation."));
		model.addAttribute("given", rows.stream().filter(r -> r.recorded() != null && r.recorded().given()).count());
		model.addAttribute("missed", rows.stream().filter(r -> r.recorded() != null && !r.recorded().given()).count());
		model.addAttribute("zone", region.timeZone());
		return "hatclinic/session";
	}

	private LocalDate day(@Nullable String text) {
		var today = clinic.today();
		var value = FormValues.trim(text);
		if (value == null || value.length() > 10) {
			return today;
		}
		try {
			var day = LocalDate.parse(value);
			return day.isAfter(today) || day.isBefore(today.minusYears(5)) ? today : day;
		}
		catch (DateTimeParseException ex) {
			return today;
		}
	}

	private DoseSlot slot(@Nullable String text) {
		for (var slot : DoseSlot.values()) {
			if (slot.name().equals(text)) {
				return slot;
			}
		}
		return LocalTime.now(region.timeZone()).getHour() < 14 ? DoseSlot.MORNING : DoseSlot.EVENING;
	}

}
