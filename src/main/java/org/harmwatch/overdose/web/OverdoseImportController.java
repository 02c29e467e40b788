package org.harmwatch.overdose.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.overdose.IncidentSource;
import org.harmwatch.overdose.OverdoseImports;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.imports.ImportJob;
import org.harmwatch.platform.imports.Imports;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
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

/**
 * Importing incidents from a partner's CSV, in steps, through the platform's import
 * facility: upload the file with the name of its source; map its columns (offered from
 * the mapping saved for that source, else guessed from the header); then the job checks
 * every row and stores all or nothing in the background while its page shows the
 * progress. A job belongs to the uploader's agency; for anyone else there is no such
 * import.
 */
@Controller
class OverdoseImportController {

	static final int PROBLEMS_SHOWN = 200;

	static final String UPLOAD_FORM = "uploadForm";

	static final String MAPPING_FORM = "mappingForm";

	private final OverdoseImports imports;

	OverdoseImportController(OverdoseImports imports) {
		this.imports = imports;
	}

	@GetMapping("/overdose/imports/new")
	@Requires(capability = Capability.OVERDOSE, action = Action.WRITE)
	String upload(Model model, @AuthenticationPrincipal HarmwatchUser user) {
		imports.mayImport(user);
		model.addAttribute(UPLOAD_FORM, UploadForm.empty());
		return uploadForm(model, user);
	}

	private String uploadForm(Model model, HarmwatchUser user) {
		model.addAttribute("maxMegabytes", imports.maxMegabytes());
		model.addAttribute("sources", imports.sources(user));
		return "overdose/importUpload";
	}

	@PostMapping("/overdose/imports")
	@Requires(capability = Capability.OVERDOSE, action = Action.WRITE)
	String uploaded(@ModelAttribute(UPLOAD_FORM) UploadForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) throws IOException {
		imports.mayImport(user);
		var file = form.file();
		try {
			if (file == null || file.isEmpty()) {
				throw new InputRejectedException(
						FieldProblem.of("file", "overdose.import.file.required", imports.maxMegabytes()));
			}
			var job = imports.upload(form.sourceName(), file.getOriginalFilename(), file.getBytes(), user);
			return "redirect:/overdose/imports/" + job.id();
		}
		catch (InputRejectedException rejected) {
			rejected.addTo(result);
			return uploadForm(model, user);
		}
	}

	/**
	 * The job: its mapping form while it waits for one, then its progress, then what it
	 * did.
	 */
	@GetMapping("/overdose/imports/{id}")
	@Requires(capability = Capability.OVERDOSE, action = Action.WRITE)
	String job(@PathVariable String id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var job = job(id, user);
		if (job.status() == ImportJob.Status.UPLOADED) {
			model.addAttribute(MAPPING_FORM, MappingForm.of(imports.guess(job), null));
			return mapping(model, job);
		}
		return progress(model, job, user, false);
	}

	@PostMapping("/overdose/imports/{id}")
	@Requires(capability = Capability.OVERDOSE, action = Action.WRITE)
	String start(@PathVariable String id, @ModelAttribute(MAPPING_FORM) MappingForm form, BindingResult result,
			Model model, HttpServletResponse response, @AuthenticationPrincipal HarmwatchUser user) {
		var job = job(id, user);
		if (job.status() != ImportJob.Status.UPLOADED) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return progress(model, job, user, true);
		}
		var mapping = imports.mapping(form.chosen());
		var problems = new ArrayList<FieldProblem>();
		imports.check(mapping, job).forEach(problem -> problems.add(problem.problem()));
		var allFatal = Parsing.text(form.allFatal());
		if (allFatal != null && !allFatal.equals("true") && !allFatal.equals("false")) {
			problems.add(FieldProblem.of("allFatal", "overdose.choice.invalid"));
		}
		var source = Parsing.constant(IncidentSource.class, form.source(), "source", problems);
		if (!problems.isEmpty()) {
			new InputRejectedException(problems).addTo(result);
			return mapping(model, job);
		}
		if (!imports.start(job.id(), mapping, allFatal == null ? null : Boolean.valueOf(allFatal), source,
				"true".equals(form.keepPlaces()), user)) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return progress(model, job(id, user), user, true);
		}
		return "redirect:/overdose/imports/" + job.id();
	}

	@GetMapping("/api/overdose/imports/{id}")
	@Requires(capability = Capability.OVERDOSE, action = Action.WRITE)
	@ResponseBody
	ResponseEntity<Imports.Status> status(@PathVariable String id, @AuthenticationPrincipal HarmwatchUser user) {
		var job = job(id, user);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Imports.Status.of(job));
	}

	private String mapping(Model model, ImportJob job) {
		FormErrorOrder.inPageOrder(model, MAPPING_FORM);
		model.addAttribute("job", job);
		model.addAttribute("source", OverdoseImports.sourceOf(job));
		var columns = new LinkedHashMap<String, String>();
		job.header().forEach(column -> columns.put(column, column));
		model.addAttribute("columns", columns);
		model.addAttribute("fields", List.of(MappingForm.COLUMNS));
		model.addAttribute("required",
				imports.columns().stream().filter(c -> c.required()).map(c -> c.name()).toList());
		var fatal = new LinkedHashMap<String, String>();
		fatal.put("true", "overdose.import.allFatal.true");
		fatal.put("false", "overdose.import.allFatal.false");
		model.addAttribute("fatalOptions", fatal);
		model.addAttribute("sources", IncidentController.options(IncidentSource.values(), "overdose.source."));
		model.addAttribute("keepOptions", new LinkedHashMap<>(Map.of("true", "overdose.import.keepPlaces.yes")));
		return "overdose/importMapping";
	}

	private String progress(Model model, ImportJob job, HarmwatchUser user, boolean alreadyStarted) {
		model.addAttribute("job", job);
		model.addAttribute("source", OverdoseImports.sourceOf(job));
		model.addAttribute("alreadyStarted", alreadyStarted);
		model.addAttribute("badRows",
				job.problemCount() > 0 ? imports.problems(job.id(), user, PROBLEMS_SHOWN) : List.of());
		return "overdose/importJob";
	}

	private ImportJob job(String id, HarmwatchUser user) {
		imports.mayImport(user);
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("overdose.notFound.import", id);
		}
		return imports.job(uuid, user).orElseThrow(() -> new NotFoundException("overdose.notFound.import", id));
	}

}
