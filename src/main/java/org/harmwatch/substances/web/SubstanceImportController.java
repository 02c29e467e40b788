package org.harmwatch.substances.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.imports.ImportJob;
import org.harmwatch.platform.imports.Imports;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.substances.SubstanceImports;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CSV import of the vocabulary for coordinators, through the platform's import facility:
 * upload the file (kept in the database), and a background job checks it while its page
 * shows the progress; the page then shows what importing it would change (new, changed
 * and unchanged substances) or every bad row, before anything is written. Confirming
 * starts a job that checks every row again and imports all or nothing. Any instance can
 * take either step: nothing waits in the HTTP session.
 */
@Controller
@Requires(capability = Capability.SUBSTANCES, action = Action.MANAGE)
class SubstanceImportController {

	static final String FORM = "importForm";

	/** Bad rows listed on the page: as many as the facility keeps. */
	static final int PROBLEMS_SHOWN = 1000;

	/** The upload form: the file chosen. */
	record ImportForm(@Nullable MultipartFile file) {
	}

	private final SubstanceImports imports;

	SubstanceImportController(SubstanceImports imports) {
		this.imports = imports;
	}

	@GetMapping("/substances/import")
	String form(Model model) {
		model.addAttribute(FORM, new ImportForm(null));
		return upload(model);
	}

	@PostMapping("/substances/import")
	String check(@ModelAttribute(FORM) ImportForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) throws IOException {
		var file = form.file();
		try {
			var job = imports.check(file == null ? null : file.getOriginalFilename(),
					file == null ? new byte[0] : file.getBytes(), user);
			return "redirect:/substances/imports/" + job.id();
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		return upload(model);
	}

	private String upload(Model model) {
		model.addAttribute("columns", imports.columns());
		return "substances/import";
	}

	/**
	 * The import: its progress while checked, then what it would change (and the button
	 * to import it) or every bad row; its progress while imported, then what it changed.
	 */
	@GetMapping("/substances/imports/{id}")
	String job(@PathVariable UUID id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		return job(model, imports.job(id, user), user);
	}

	@PostMapping("/substances/imports/{id}/confirm")
	String confirm(@PathVariable UUID id, RedirectAttributes redirect, @AuthenticationPrincipal HarmwatchUser user) {
		var job = imports.job(id, user);
		if (!imports.confirm(job.id(), user)) {
			// Confirmed already (a second click, another tab): nothing is imported twice.
			redirect.addFlashAttribute("notWaiting", true);
		}
		return "redirect:/substances/imports/" + job.id();
	}

	/** The job's status for its page's script: the import facility's JSON. */
	@GetMapping("/api/substances/imports/{id}")
	@ResponseBody
	ResponseEntity<Imports.Status> status(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Imports.Status.of(imports.job(id, user)));
	}

	private String job(Model model, ImportJob job, HarmwatchUser user) {
		model.addAttribute("job", job);
		model.addAttribute("preview", imports.preview(job.id(), user).orElse(null));
		model.addAttribute("badRows",
				job.problemCount() > 0 ? imports.problems(job.id(), user, PROBLEMS_SHOWN) : List.of());
		return "substances/importJob";
	}

}
