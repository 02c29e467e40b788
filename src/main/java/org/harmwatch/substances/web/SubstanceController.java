package org.harmwatch.substances.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.harmwatch.substances.SubstanceDraft;
import org.harmwatch.substances.internal.RowProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vocabulary's pages: list and search, details, and the coordinator's create and edit
 * forms, and the CSV download.
 *
 * <p>
 * Reading is open to anyone signed in: the vocabulary holds no personal data, and every
 * report form (frontline staff, panel, drug checking, overdose recording) needs it.
 * Changing it needs {@code SUBSTANCES:MANAGE}.
 */
@Controller
class SubstanceController {

	static final String FORM = "form";

	static final String MANAGE = "SUBSTANCES:MANAGE";

	private final SubstanceManagement substances;

	private final ZoneId zone;

	SubstanceController(SubstanceManagement substances, RegionSettings region) {
		this.substances = substances;
		this.zone = region.timeZone();
	}

	@GetMapping("/substances")
	@PreAuthorize("isAuthenticated()")
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(name = "class", required = false) @Nullable String substanceClass,
			@RequestParam(defaultValue = "1") int page, Authentication authentication, Model model) {
		var chosenClass = classOrNull(substanceClass);
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("chosenClass", chosenClass);
		model.addAttribute("classes", SubstanceClass.values());
		model.addAttribute("result", substances.page(q, chosenClass, page));
		model.addAttribute("canManage", canManage(authentication));
		return "substances/list";
	}

	@GetMapping("/substances/{code}")
	@PreAuthorize("isAuthenticated()")
	String details(@PathVariable String code, Authentication authentication, Model model) {
		var id = id(code);
		var substance = substances.details(id);
		model.addAttribute("substance", substance);
		model.addAttribute("parent",
				substance.parent() == null ? null : substances.find(substance.parent()).orElse(null));
		model.addAttribute("children", substances.children(id));
		model.addAttribute("names", new AliasNames(substances));
		model.addAttribute("zone", zone);
		model.addAttribute("canManage", canManage(authentication));
		return "substances/details";
	}

	@GetMapping("/substances/new")
	@Requires(capability = Capability.SUBSTANCES, action = Action.MANAGE)
	String newForm(Model model) {
		model.addAttribute(FORM, new SubstanceForm());
		return form(model, null);
	}

	@PostMapping("/substances")
	@Requires(capability = Capability.SUBSTANCES, action = Action.MANAGE)
	String create(@ModelAttribute(FORM) SubstanceForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			var created = substances.create(draft(form));
			redirect.addFlashAttribute("saved", created.name());
			return "redirect:/substances/" + created.id().code();
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		return form(model, null);
	}

	/**
	 * The form as a draft.
	 * @throws InputRejectedException naming each field that is not what a draft needs
	 */
	private static SubstanceDraft draft(SubstanceForm form) {
		var problems = new ArrayList<RowProblem>();
		var draft = form.toDraft(problems);
		if (draft == null) {
			throw new InputRejectedException(RowProblem.fieldProblems(problems));
		}
		return draft;
	}

	@GetMapping("/substances/{code}/edit")
	@Requires(capability = Capability.SUBSTANCES, action = Action.MANAGE)
	String editForm(@PathVariable String code, Model model) {
		var substance = substances.details(id(code));
		model.addAttribute(FORM, SubstanceForm.of(substance));
		return form(model, substance.id().code());
	}

	@PostMapping("/substances/{code}")
	@Requires(capability = Capability.SUBSTANCES, action = Action.MANAGE)
	String change(@PathVariable String code, @ModelAttribute(FORM) SubstanceForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		var id = id(code);
		substances.details(id);
		try {
			var changed = substances.change(id, draft(form));
			redirect.addFlashAttribute("saved", changed.name());
			return "redirect:/substances/" + code;
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		return form(model, code);
	}

	@GetMapping("/substances/export")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<byte[]> export() {
		var csv = new StringBuilder();
		substances.exportCsv(csv);
		var filename = "substances-" + LocalDate.now(zone) + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The form page; the form and its binding result (with any errors) are in the model.
	 */
	private String form(Model model, @Nullable String code) {
		model.addAttribute("code", code);
		model.addAttribute("classes", SubstanceClass.values());
		model.addAttribute("flags", RiskFlag.values());
		model.addAttribute("parents",
				substances.all().stream().filter(s -> code == null || !s.id().code().equals(code)).toList());
		return "substances/form";
	}

	static SubstanceId id(String code) {
		if (!SubstanceId.isValid(code)) {
			throw new NotFoundException("substances.error.notFound", code);
		}
		return new SubstanceId(code);
	}

	private static @Nullable SubstanceClass classOrNull(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (var candidate : SubstanceClass.values()) {
			if (candidate.name().equals(value)) {
				return candidate;
			}
		}
		return null;
	}

	static boolean canManage(@Nullable Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch(a -> MANAGE.equals(a.getAuthority()));
	}

	/** Names of substances by code, for "also used for" on the details page. */
	record AliasNames(SubstanceManagement substances) {

		public String of(SubstanceId id) {
			return substances.find(id).map(s -> s.name()).orElse(id.code());
		}

	}

}
