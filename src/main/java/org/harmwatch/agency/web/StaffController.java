package org.harmwatch.agency.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.groups.Default;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.AgencyManagement.ChangedMeanwhile;
import org.harmwatch.agency.internal.Agency;
import org.harmwatch.agency.internal.PasswordRules;
import org.harmwatch.agency.internal.Role;
import org.harmwatch.agency.internal.Staff;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
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

import static org.harmwatch.agency.AgencyManagement.MAX_PASSWORD_LENGTH;
import static org.harmwatch.agency.AgencyManagement.MIN_PASSWORD_LENGTH;

/**
 * Staff accounts: find them, look at one, create, change, clear failed sign-ins and set a
 * password. Password hashes never leave the module's tables.
 */
@Controller
@RequestMapping("/admin/staff")
class StaffController {

	private static final String FORM = "staffForm";

	private final AgencyManagement agencies;

	private final Clock clock;

	private final PasswordRules passwordRules;

	StaffController(AgencyManagement agencies, Clock clock, PasswordRules passwordRules) {
		this.agencies = agencies;
		this.clock = clock;
		this.passwordRules = passwordRules;
	}

	@GetMapping
	@Requires(capability = Capability.AGENCY, action = Action.READ)
	String list(@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable String role, @RequestParam(defaultValue = "1") int page,
			Model model) {
		var criteria = new Criteria(FormErrors.trim(text), FormErrors.trim(agency), FormErrors.trim(role));
		model.addAttribute("criteria", criteria);
		model.addAttribute("result", agencies.staffPage(criteria.text(), criteria.agency(), criteria.role(), page));
		model.addAttribute("agencies", agencies.agencies());
		model.addAttribute("roles", agencies.roles());
		model.addAttribute("now", clock.instant());
		return "agency/staffList";
	}

	/** What the staff list is filtered by. */
	record Criteria(@Nullable String text, @Nullable String agency, @Nullable String role) {
	}

	@GetMapping("/{id}")
	@Requires(capability = Capability.AGENCY, action = Action.READ)
	String view(@PathVariable UUID id, Model model) {
		var member = agencies.staffMember(id);
		model.addAttribute("member", member);
		model.addAttribute("agency", agencies.agenciesById().get(member.agencyId()));
		model.addAttribute("roles",
				agencies.rolesOf(member).stream().sorted(Comparator.comparing(Role::title)).toList());
		model.addAttribute("signIns", agencies.signInStatus(member).orElse(null));
		// Whether there is a password, never the hash itself.
		model.addAttribute("hasPassword", member.passwordHash() != null);
		return "agency/staffDetails";
	}

	@GetMapping("/new")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String newStaff(Model model) {
		model.addAttribute(FORM, StaffForm.empty());
		return form(model, null);
	}

	@PostMapping("/new")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String create(@Validated({ Default.class, OnCreate.class }) @ModelAttribute(FORM) StaffForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		checkAgency(form, result);
		var password = form.initialPassword();
		if (password != null) {
			checkPassword(password, form.username(), "initialPassword", result);
		}
		if (!result.hasErrors()) {
			try {
				var member = agencies.createStaff(form.username(), form.displayName(), form.email(), form.agency(),
						form.roles(), password);
				redirect.addFlashAttribute(Notice.ATTRIBUTE, new Notice("admin.staff.created", member.username()));
				return "redirect:/admin/staff/" + member.id();
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return form(model, null);
	}

	@GetMapping("/{id}/edit")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String edit(@PathVariable UUID id, Model model) {
		var member = agencies.staffMember(id);
		model.addAttribute(FORM, formOf(member));
		return form(model, member);
	}

	@PostMapping("/{id}/edit")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String change(@PathVariable UUID id, @Validated @ModelAttribute(FORM) StaffForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		checkAgency(form, result);
		if (!result.hasErrors()) {
			try {
				var member = agencies.changeStaff(id, form.displayName(), form.email(), form.agency(), form.roles(),
						form.enabledTicked(), form.versionNumber());
				redirect.addFlashAttribute(Notice.ATTRIBUTE, new Notice("admin.staff.changed", member.username()));
				return "redirect:/admin/staff/" + id;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
			catch (ChangedMeanwhile | OptimisticLockingFailureException ex) {
				var member = agencies.staffMember(id);
				FormErrors.showCurrent(model, FORM, formOf(member));
				return form(model, member);
			}
		}
		return form(model, agencies.staffMember(id));
	}

	@PostMapping("/{id}/unlock")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
		agencies.clearSignInFailures(id);
		redirect.addFlashAttribute(Notice.ATTRIBUTE, new Notice("admin.staff.unlocked", null));
		return "redirect:/admin/staff/" + id;
	}

	@GetMapping("/{id}/password")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String passwordForm(@PathVariable UUID id, Model model) {
		model.addAttribute("passwordForm", PasswordForm.empty());
		model.addAttribute("member", agencies.staffMember(id));
		return passwordPage(model);
	}

	@PostMapping("/{id}/password")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String setPassword(@PathVariable UUID id, @Validated @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		var password = form.password();
		if (password != null && !password.isEmpty()) {
			checkPassword(password, agencies.staffMember(id).username(), "password", result);
			if (!result.hasFieldErrors("password") && !password.equals(form.confirmation())) {
				result.rejectValue("confirmation", "admin.password.mismatch");
			}
		}
		if (!result.hasErrors()) {
			try {
				agencies.setPassword(id, password);
				redirect.addFlashAttribute(Notice.ATTRIBUTE, new Notice("admin.staff.passwordSet", null));
				return "redirect:/admin/staff/" + id;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		// The page's password inputs never echo what was typed (th:field leaves password
		// values out).
		model.addAttribute("member", agencies.staffMember(id));
		return passwordPage(model);
	}

	private String passwordPage(Model model) {
		FormErrorOrder.inPageOrder(model, "passwordForm");
		model.addAttribute("minLength", MIN_PASSWORD_LENGTH);
		return "agency/staffPassword";
	}

	private String form(Model model, @Nullable Staff member) {
		FormErrorOrder.inPageOrder(model, FORM);
		model.addAttribute("member", member);
		model.addAttribute("agencies", agencies.agencies());
		model.addAttribute("roles", agencies.roles());
		model.addAttribute("minLength", MIN_PASSWORD_LENGTH);
		return "agency/staffForm";
	}

	private StaffForm formOf(Staff member) {
		Agency agency = agencies.agenciesById().get(member.agencyId());
		List<String> roleNames = agencies.rolesOf(member).stream().map(Role::name).sorted().toList();
		return StaffForm.of(member, agency == null ? "" : agency.code(), roleNames);
	}

	/**
	 * The agency must exist, and its staff may hold the chosen roles: both reported with
	 * any other problem.
	 */
	private void checkAgency(StaffForm form, BindingResult result) {
		if (form.agency() == null) {
			return;
		}
		if (agencies.agency(form.agency()).isEmpty()) {
			result.rejectValue("agency", "admin.staff.agency.unknown");
			return;
		}
		try {
			agencies.checkRoles(form.agency(), form.roles());
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
	}

	private void checkPassword(String password, @Nullable String username, String field, BindingResult result) {
		if (password.length() < MIN_PASSWORD_LENGTH) {
			result.rejectValue(field, "admin.password.tooShort", new Object[] { MIN_PASSWORD_LENGTH }, null);
		}
		else if (password.length() > MAX_PASSWORD_LENGTH) {
			result.rejectValue(field, "admin.password.tooLong", new Object[] { MAX_PASSWORD_LENGTH }, null);
		}
		else {
			passwordRules.check(password, username).ifPresent(problem -> result.rejectValue(field, switch (problem) {
				case COMMON -> "admin.password.common";
				case CONTAINS_USERNAME -> "admin.password.containsUsername";
			}));
		}
	}

}
