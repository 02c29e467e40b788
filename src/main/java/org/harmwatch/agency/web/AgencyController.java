package org.harmwatch.agency.web;

import jakarta.validation.groups.Default;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.AgencyManagement.ChangedMeanwhile;
import org.harmwatch.agency.internal.Agency;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Lists agencies, adds them and changes their name, type and whether they are active.
 */
@Controller
@RequestMapping("/admin/agencies")
class AgencyController {

	private static final String FORM = "agencyForm";

	private final AgencyManagement agencies;

	AgencyController(AgencyManagement agencies) {
		this.agencies = agencies;
	}

	@GetMapping
	@Requires(capability = Capability.AGENCY, action = Action.READ)
	String list(@RequestParam(required = false) @Nullable String type, @RequestParam(defaultValue = "1") int page,
			Model model) {
		var filter = typeNamed(type);
		var result = agencies.agencyPage(filter, page);
		if (result.getTotalPages() > 0 && result.getNumber() >= result.getTotalPages()) {
			// Past the end (an old link after agencies were filtered out): show the last
			// page.
			result = agencies.agencyPage(filter, result.getTotalPages());
		}
		model.addAttribute("agencies", result);
		model.addAttribute("page", result.getNumber() + 1);
		model.addAttribute("pages", Math.max(1, result.getTotalPages()));
		model.addAttribute("staffCounts", agencies.staffPerAgency());
		model.addAttribute("types", AgencyType.values());
		model.addAttribute("type", filter);
		return "agency/agencyList";
	}

	@GetMapping("/new")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String newAgency(Model model) {
		model.addAttribute(FORM, AgencyForm.empty());
		return form(model, null);
	}

	@PostMapping("/new")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String create(@Validated({ Default.class, OnCreate.class }) @ModelAttribute(FORM) AgencyForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		var type = checkType(form, result);
		if (!result.hasErrors()) {
			try {
				var agency = agencies.createAgency(form.code(), form.name(), type);
				redirect.addFlashAttribute(Notice.ATTRIBUTE, new Notice("admin.agency.created", agency.name()));
				return "redirect:/admin/agencies";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return form(model, null);
	}

	@GetMapping("/{code}/edit")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String edit(@PathVariable String code, Model model) {
		var agency = agencies.agencyByCode(code);
		model.addAttribute(FORM, AgencyForm.of(agency));
		return form(model, agency);
	}

	@PostMapping("/{code}/edit")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String change(@PathVariable String code, @Validated @ModelAttribute(FORM) AgencyForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		var agency = agencies.agencyByCode(code);
		var type = checkType(form, result);
		if (!result.hasErrors()) {
			try {
				var changed = agencies.changeAgency(code, form.name(), type, form.activeTicked(), form.versionNumber());
				redirect.addFlashAttribute(Notice.ATTRIBUTE, new Notice("admin.agency.changed", changed.name()));
				return "redirect:/admin/agencies";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
			catch (ChangedMeanwhile | OptimisticLockingFailureException ex) {
				agency = agencies.agencyByCode(code);
				FormErrors.showCurrent(model, FORM, AgencyForm.of(agency));
			}
		}
		return form(model, agency);
	}

	private String form(Model model, @Nullable Agency agency) {
		FormErrorOrder.inPageOrder(model, FORM);
		model.addAttribute("agency", agency);
		model.addAttribute("types", AgencyType.values());
		return "agency/agencyForm";
	}

	/** The chosen type; an error on the type field if what was sent names none. */
	private static AgencyType checkType(AgencyForm form, BindingResult result) {
		var type = form.agencyType();
		if (type == null) {
			if (form.type() != null) {
				result.rejectValue("type", "admin.agency.type.unknown");
			}
			return AgencyType.values()[0];
		}
		return type;
	}

	private static @Nullable AgencyType typeNamed(@Nullable String name) {
		for (var type : AgencyType.values()) {
			if (type.name().equals(name)) {
				return type;
			}
		}
		return null;
	}

}
