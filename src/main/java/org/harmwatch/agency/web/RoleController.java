package org.harmwatch.agency.web;

import java.util.List;

import jakarta.validation.groups.Default;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.AgencyManagement.ChangedMeanwhile;
import org.harmwatch.agency.internal.Role;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Roles and the grants they give: capability by action, each for any purpose or for named
 * purposes.
 */
@Controller
@RequestMapping("/admin/roles")
class RoleController {

	private static final String FORM = "roleForm";

	private final AgencyManagement agencies;

	RoleController(AgencyManagement agencies) {
		this.agencies = agencies;
	}

	/** A role with its grants in display order and how many staff hold it. */
	record RoleRow(Role role, List<Grant> grants, long holders) {
	}

	@GetMapping
	@Requires(capability = Capability.AGENCY, action = Action.READ)
	String list(Model model) {
		var holders = agencies.holdersPerRole();
		model.addAttribute("rows",
				agencies.roles()
					.stream()
					.map(role -> new RoleRow(role, Grants.sorted(role.grants()), holders.getOrDefault(role.id(), 0L)))
					.toList());
		return "agency/roleList";
	}

	@GetMapping("/new")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String newRole(Model model) {
		model.addAttribute(FORM, RoleForm.empty());
		return form(model, null);
	}

	@PostMapping("/new")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String create(@Validated({ Default.class, OnCreate.class }) @ModelAttribute(FORM) RoleForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		var grants = parse(form.grants(), result);
		if (!result.hasErrors()) {
			try {
				var role = agencies.createRole(form.name(), form.title(), descriptionOf(form), grants);
				redirect.addFlashAttribute(Notice.ATTRIBUTE, new Notice("admin.role.created", role.title()));
				return "redirect:/admin/roles";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return form(model, null);
	}

	@GetMapping("/{name}/edit")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String edit(@PathVariable String name, Model model) {
		var role = agencies.role(name);
		model.addAttribute(FORM, RoleForm.of(role));
		return form(model, role);
	}

	@PostMapping("/{name}/edit")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String change(@PathVariable String name, @Validated @ModelAttribute(FORM) RoleForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		var role = agencies.role(name);
		var grants = parse(form.grants(), result);
		if (!result.hasErrors()) {
			try {
				var changed = agencies.changeRole(name, form.title(), descriptionOf(form), grants,
						form.versionNumber());
				redirect.addFlashAttribute(Notice.ATTRIBUTE, new Notice("admin.role.changed", changed.title()));
				return "redirect:/admin/roles";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
			catch (ChangedMeanwhile | OptimisticLockingFailureException ex) {
				role = agencies.role(name);
				FormErrors.showCurrent(model, FORM, RoleForm.of(role));
			}
		}
		return form(model, role);
	}

	private String form(Model model, @Nullable Role role) {
		FormErrorOrder.inPageOrder(model, FORM);
		model.addAttribute("role", role);
		var form = (RoleForm) model.getAttribute(FORM);
		model.addAttribute("grantGrid", GrantGrid.of(form == null ? List.of() : form.grants()));
		model.addAttribute("types", AgencyType.values());
		return "agency/roleForm";
	}

	/**
	 * The ticked grants, or an error on the grants field if a value was not one the page
	 * offered.
	 */
	static List<Grant> parse(List<String> values, BindingResult result) {
		try {
			return Grants.parse(values);
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue("grants", "admin.grants.invalid");
			return List.of();
		}
	}

	private static String descriptionOf(RoleForm form) {
		return form.description() == null ? "" : form.description();
	}

}
