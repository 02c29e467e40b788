package org.harmwatch.drugchecking.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.DrugCheckingImports;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SessionView;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.imports.ImportJob;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Importing historical or partner results into a session, in steps, through the
 * platform's import facility: upload the CSV (kept with its import job in the database);
 * map its columns (guessed from its header, confirmed here); then the job checks every
 * row and imports all or nothing in the background while its page shows the progress
 * ({@link ImportStatusApiController} answers the page's script; without JavaScript the
 * page refreshes itself). A job belongs to the uploader's agency: its analysts see it;
 * for anyone else there is no such import.
 */
@Controller
class ImportController {

	/** Bad rows listed on the page. */
	static final int PROBLEMS_SHOWN = 200;

	static final String UPLOAD_FORM = "uploadForm";

	static final String MAPPING_FORM = "mappingForm";

	private final SessionManagement sessions;

	private final DrugCheckingImports imports;

	ImportController(SessionManagement sessions, DrugCheckingImports imports) {
		this.sessions = sessions;
		this.imports = imports;
	}

	@GetMapping("/drug-checking/sessions/{id}/import")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String upload(@PathVariable UUID id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute(UPLOAD_FORM, UploadForm.empty());
		return uploadForm(model, sessions.session(id, user, Action.WRITE));
	}

	private String uploadForm(Model model, SessionView session) {
		model.addAttribute("checkingSession", session);
		model.addAttribute("maxMegabytes", imports.maxMegabytes());
		return "drugchecking/importUpload";
	}

	@PostMapping("/drug-checking/sessions/{id}/import/upload")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String uploaded(@PathVariable UUID id, @ModelAttribute(UPLOAD_FORM) UploadForm form, BindingResult result,
			Model model, @AuthenticationPrincipal HarmwatchUser user) throws IOException {
		var session = sessions.session(id, user, Action.WRITE);
		var file = form.file();
		try {
			if (file == null || file.isEmpty() || file.getSize() > imports.maxFileSize()) {
				throw new InputRejectedException(
						FieldProblem.of("file", "drugchecking.error.file.required", imports.maxMegabytes()));
			}
			var job = imports.upload(id, file.getOriginalFilename(), file.getBytes(), user);
			return "redirect:/drug-checking/imports/" + job.id();
		}
		catch (InputRejectedException rejected) {
			rejected.addTo(result);
			return uploadForm(model, session);
		}
	}

	/**
	 * The job: its mapping form while it waits for one, then its progress, then what it
	 * did.
	 */
	@GetMapping("/drug-checking/imports/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String job(@PathVariable UUID id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var job = job(id, user);
		if (job.status() == ImportJob.Status.UPLOADED) {
			var guess = imports.guess(job);
			model.addAttribute(MAPPING_FORM,
					new MappingForm(guess.header("sampleKey"), guess.header("substance"), guess.header("soldAs"),
							guess.header("form"), guess.header("trace"), guess.header("method"), guess.header("date"),
							SampleMode.FRONT_OF_HOUSE.name(), AnalysisMethod.GC_MS.name()));
			return mapping(model, job);
		}
		return progress(model, job, user, false);
	}

	@PostMapping("/drug-checking/imports/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String start(@PathVariable UUID id, @Validated @ModelAttribute(MAPPING_FORM) MappingForm form, BindingResult result,
			Model model, HttpServletResponse response, @AuthenticationPrincipal HarmwatchUser user) {
		var job = job(id, user);
		if (job.status() != ImportJob.Status.UPLOADED) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return progress(model, job, user, true);
		}
		var mapping = form.mapping();
		FormProblems.addRules(result,
				imports.check(mapping, job)
					.stream()
					.map(problem -> FieldProblem.of(problem.column(), switch (problem.reason()) {
						case MISSING -> problem.column().equals("sampleKey") ? "drugchecking.error.import.sampleKey"
								: "drugchecking.error.import.substance";
						case NOT_IN_HEADER -> "drugchecking.error.import.notInHeader";
					}))
					.toList());
		if (result.hasErrors()) {
			return mapping(model, job);
		}
		if (!imports.start(id, mapping, user)) {
			// Started meanwhile, e.g. by a second click in another tab.
			response.setStatus(HttpStatus.CONFLICT.value());
			return progress(model, job(id, user), user, true);
		}
		return "redirect:/drug-checking/imports/" + id;
	}

	private String mapping(Model model, ImportJob job) {
		FormErrorOrder.inPageOrder(model, MAPPING_FORM);
		model.addAttribute("checkingSession", found(DrugCheckingImports.sessionOf(job)));
		model.addAttribute("job", job);
		var columns = new LinkedHashMap<String, String>();
		job.header().forEach(column -> columns.put(column, column));
		model.addAttribute("columns", columns);
		model.addAttribute("fields", MappingForm.COLUMNS);
		model.addAttribute("modes", DrugCheckingController.options(SampleMode.values(), "drugchecking.mode."));
		var methods = new LinkedHashMap<String, String>();
		for (var method : AnalysisMethod.values()) {
			methods.put(method.name(), method.label());
		}
		model.addAttribute("methods", methods);
		return "drugchecking/importMapping";
	}

	private String progress(Model model, ImportJob job, HarmwatchUser user, boolean alreadyStarted) {
		model.addAttribute("checkingSession", found(DrugCheckingImports.sessionOf(job)));
		model.addAttribute("job", job);
		model.addAttribute("alreadyStarted", alreadyStarted);
		model.addAttribute("badRows",
				job.problemCount() > 0 ? imports.problems(job.id(), user, PROBLEMS_SHOWN) : List.of());
		return "drugchecking/importJob";
	}

	private ImportJob job(UUID id, HarmwatchUser user) {
		return imports.job(id, user).orElseThrow(() -> new NotFoundException("drugchecking.notFound.import", id));
	}

	private SessionView found(UUID id) {
		return sessions.session(id).orElseThrow(() -> new NotFoundException("drugchecking.notFound.session", id));
	}

}
