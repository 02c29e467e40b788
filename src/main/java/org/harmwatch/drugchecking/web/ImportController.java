package org.harmwatch.drugchecking.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.DrugCheckingImports;
import org.harmwatch.drugchecking.DrugCheckingManagement;
import org.harmwatch.drugchecking.DrugCheckingRejectedException;
import org.harmwatch.drugchecking.ImportMapping;
import org.harmwatch.drugchecking.Problem;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SessionView;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.imports.ColumnMapping;
import org.harmwatch.platform.imports.ImportJob;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

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

	private static final String[] COLUMNS = { "sampleKey", "substance", "soldAs", "form", "trace", "method", "date" };

	private final DrugCheckingManagement drugChecking;

	private final DrugCheckingImports imports;

	ImportController(DrugCheckingManagement drugChecking, DrugCheckingImports imports) {
		this.drugChecking = drugChecking;
		this.imports = imports;
	}

	@GetMapping("/drug-checking/sessions/{id}/import")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String upload(@PathVariable UUID id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		return uploadForm(model, drugChecking.session(id, user, Action.WRITE), List.of());
	}

	private String uploadForm(Model model, SessionView session, List<Problem> problems) {
		model.addAttribute("checkingSession", session);
		model.addAttribute("maxMegabytes", imports.maxMegabytes());
		Forms.problems(model, problems);
		return "drugchecking/importUpload";
	}

	@PostMapping("/drug-checking/sessions/{id}/import/upload")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String uploaded(@PathVariable UUID id, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			Model model, HttpServletResponse response, @AuthenticationPrincipal HarmwatchUser user) throws IOException {
		var session = drugChecking.session(id, user, Action.WRITE);
		if (file == null || file.isEmpty() || file.getSize() > imports.maxFileSize()) {
			response.setStatus(422);
			return uploadForm(model, session,
					List.of(new Problem("file", "Choose a CSV file smaller than " + imports.maxMegabytes() + " MB.")));
		}
		try {
			var job = imports.upload(id, file.getOriginalFilename(), file.getBytes(), user);
			return "redirect:/drug-checking/imports/" + job.id();
		}
		catch (DrugCheckingRejectedException rejected) {
			response.setStatus(422);
			return uploadForm(model, session, rejected.problems());
		}
	}

	/** The chosen mapping, as text. */
	record MappingForm(@Nullable String sampleKey, @Nullable String substance, @Nullable String soldAs,
			@Nullable String form, @Nullable String trace, @Nullable String method, @Nullable String date,
			@Nullable String mode, @Nullable String defaultMethod) {

		@Nullable String column(String name) {
			return switch (name) {
				case "sampleKey" -> sampleKey;
				case "substance" -> substance;
				case "soldAs" -> soldAs;
				case "form" -> form;
				case "trace" -> trace;
				case "method" -> method;
				case "date" -> date;
				default -> null;
			};
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
			var form = new MappingForm(guess.header("sampleKey"), guess.header("substance"), guess.header("soldAs"),
					guess.header("form"), guess.header("trace"), guess.header("method"), guess.header("date"),
					SampleMode.FRONT_OF_HOUSE.name(), AnalysisMethod.GC_MS.name());
			return mapping(model, job, form, List.of());
		}
		return progress(model, job, user, false);
	}

	@PostMapping("/drug-checking/imports/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String start(@PathVariable UUID id, MappingForm form, Model model, HttpServletResponse response,
			@AuthenticationPrincipal HarmwatchUser user) {
		var job = job(id, user);
		if (job.status() != ImportJob.Status.UPLOADED) {
			response.setStatus(409);
			return progress(model, job, user, true);
		}
		var problems = new ArrayList<Problem>();
		var mode = Forms.parse(SampleMode.class, form.mode(), "mode", "Choose how the samples came in.", problems);
		var method = Forms.parse(AnalysisMethod.class, form.defaultMethod(), "defaultMethod",
				"Choose a method from the list.", problems);
		if (mode == null && problems.stream().noneMatch(p -> p.field().equals("mode"))) {
			problems.add(new Problem("mode", "Choose how the samples came in."));
		}
		if (method == null && problems.stream().noneMatch(p -> p.field().equals("defaultMethod"))) {
			problems.add(new Problem("defaultMethod", "Choose a method from the list."));
		}
		var mapping = new ImportMapping(text(form.sampleKey()), text(form.substance()), blank(form.soldAs()),
				blank(form.form()), blank(form.trace()), blank(form.method()), blank(form.date()),
				mode == null ? SampleMode.FRONT_OF_HOUSE : mode, method == null ? AnalysisMethod.GC_MS : method);
		for (var problem : imports.check(mapping, job)) {
			problems.add(new Problem(problem.column(), switch (problem.reason()) {
				case MISSING -> problem.column().equals("sampleKey") ? "Choose the column with the sample's id."
						: "Choose the column with the substance found.";
				case NOT_IN_HEADER -> "Choose a column from the file's header.";
			}));
		}
		if (!problems.isEmpty()) {
			problems.sort(java.util.Comparator.comparingInt(p -> order(p.field())));
			response.setStatus(422);
			return mapping(model, job, form, problems);
		}
		if (!imports.start(id, mapping, user)) {
			// Started meanwhile, e.g. by a second click in another tab.
			response.setStatus(409);
			return progress(model, job(id, user), user, true);
		}
		return "redirect:/drug-checking/imports/" + id;
	}

	/** Where a field's problem comes in the error summary: in the order of the form. */
	private static int order(String field) {
		for (int i = 0; i < COLUMNS.length; i++) {
			if (COLUMNS[i].equals(field)) {
				return i;
			}
		}
		return field.equals("mode") ? COLUMNS.length : COLUMNS.length + 1;
	}

	private String mapping(Model model, ImportJob job, MappingForm form, List<Problem> problems) {
		model.addAttribute("checkingSession", found(DrugCheckingImports.sessionOf(job)));
		model.addAttribute("job", job);
		model.addAttribute("columns", job.header());
		model.addAttribute("form", form);
		model.addAttribute("modes", SampleMode.values());
		model.addAttribute("methods", AnalysisMethod.values());
		Forms.problems(model, problems);
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
		return imports.job(id, user).orElseThrow(() -> new DrugCheckingManagement.NotFound("import " + id));
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private SessionView found(UUID id) {
		return drugChecking.session(id).orElseThrow(() -> new DrugCheckingManagement.NotFound("session " + id));
	}

}
