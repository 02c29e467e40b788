package org.harmwatch.drugchecking.web;

import java.io.IOException;
import java.time.Clock;
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
import org.harmwatch.drugchecking.SampleImportJob;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SessionView;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.Requires;
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
 * Importing historical or partner results into a session, in steps: upload the CSV (stored with its import job, not in
 * the HTTP session); map its columns (chosen from its header); then the job checks every row and imports all or
 * nothing in the background while its page shows the progress ({@link ImportStatusApiController} answers the page's
 * script). Only the user who uploaded a file sees its job; anyone else is told there is no such import.
 */
@Controller
class ImportController {

	/** Bad rows listed on the page. */
	static final int PROBLEMS_SHOWN = 200;

	private final DrugCheckingManagement drugChecking;

	private final DrugCheckingImports imports;

	private final Clock clock;

	ImportController(DrugCheckingManagement drugChecking, DrugCheckingImports imports, Clock clock) {
		this.drugChecking = drugChecking;
		this.imports = imports;
		this.clock = clock;
	}

	@GetMapping("/drug-checking/sessions/{id}/import")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String upload(@PathVariable UUID id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		return uploadForm(model, drugChecking.session(id, user, Action.WRITE), List.of());
	}

	private String uploadForm(Model model, SessionView session, List<Problem> problems) {
		model.addAttribute("checkingSession", session);
		model.addAttribute("maxMegabytes", imports.maxFileSize() / (1024 * 1024));
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
			return uploadForm(model, session, List.of(new Problem("file",
					"Choose a CSV file smaller than " + imports.maxFileSize() / (1024 * 1024) + " MB.")));
		}
		try {
			var filename = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
			var job = imports.upload(id, filename, file.getBytes(), user.getUsername(), clock.instant());
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
	}

	/** The job: its mapping form while it waits for one, then its progress, then what it did. */
	@GetMapping("/drug-checking/imports/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String job(@PathVariable UUID id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var job = job(id, user);
		if (job.status() == SampleImportJob.Status.UPLOADED) {
			var header = job.header();
			var form = new MappingForm(guess(header, "sampleid", "sample_id", "sample"), guess(header, "substance"),
					guess(header, "expectedsubstance", "sold_as", "soldas"), guess(header, "form", "sampletype"),
					guess(header, "abundance", "trace"), guess(header, "method"), guess(header, "date_complete", "date"),
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
		if (job.status() != SampleImportJob.Status.UPLOADED) {
			response.setStatus(409);
			return progress(model, job, user, true);
		}
		var problems = new ArrayList<Problem>();
		if (form.sampleKey() == null || form.sampleKey().isBlank()) {
			problems.add(new Problem("sampleKey", "Choose the column with the sample's id."));
		}
		if (form.substance() == null || form.substance().isBlank()) {
			problems.add(new Problem("substance", "Choose the column with the substance found."));
		}
		var mode = Forms.parse(SampleMode.class, form.mode(), "mode", "Choose how the samples came in.", problems);
		var method = Forms.parse(AnalysisMethod.class, form.defaultMethod(), "defaultMethod",
				"Choose a method from the list.", problems);
		if (mode == null && problems.stream().noneMatch(p -> p.field().equals("mode"))) {
			problems.add(new Problem("mode", "Choose how the samples came in."));
		}
		if (method == null && problems.stream().noneMatch(p -> p.field().equals("defaultMethod"))) {
			problems.add(new Problem("defaultMethod", "Choose a method from the list."));
		}
		for (var column : new String[][] { { "sampleKey", form.sampleKey() }, { "substance", form.substance() },
				{ "soldAs", form.soldAs() }, { "form", form.form() }, { "trace", form.trace() },
				{ "method", form.method() }, { "date", form.date() } }) {
			if (column[1] != null && !column[1].isBlank() && !job.header().contains(column[1].strip())) {
				problems.add(new Problem(column[0], "Choose a column from the file's header."));
			}
		}
		if (!problems.isEmpty() || mode == null || method == null || form.sampleKey() == null
				|| form.substance() == null) {
			response.setStatus(422);
			return mapping(model, job, form, problems);
		}
		var mapping = new ImportMapping(form.sampleKey().strip(), form.substance().strip(), blank(form.soldAs()),
				blank(form.form()), blank(form.trace()), blank(form.method()), blank(form.date()), mode, method);
		if (!imports.start(id, mapping, user.getUsername(), user.displayName(), clock.instant())) {
			// Started meanwhile, e.g. by a second click in another tab.
			response.setStatus(409);
			return progress(model, job(id, user), user, true);
		}
		return "redirect:/drug-checking/imports/" + id;
	}

	private String mapping(Model model, SampleImportJob job, MappingForm form, List<Problem> problems) {
		model.addAttribute("checkingSession", found(job.sessionId()));
		model.addAttribute("job", job);
		model.addAttribute("columns", job.header());
		model.addAttribute("form", form);
		model.addAttribute("modes", SampleMode.values());
		model.addAttribute("methods", AnalysisMethod.values());
		Forms.problems(model, problems);
		return "drugchecking/importMapping";
	}

	private String progress(Model model, SampleImportJob job, HarmwatchUser user, boolean alreadyStarted) {
		model.addAttribute("checkingSession", found(job.sessionId()));
		model.addAttribute("job", job);
		model.addAttribute("alreadyStarted", alreadyStarted);
		model.addAttribute("badRows", job.problemCount() > 0
				? imports.problems(job.id(), user.getUsername(), PROBLEMS_SHOWN) : List.of());
		return "drugchecking/importJob";
	}

	private SampleImportJob job(UUID id, HarmwatchUser user) {
		return imports.job(id, user.getUsername()).orElseThrow(() -> new DrugCheckingManagement.NotFound("import " + id));
	}

	private static @Nullable String guess(List<String> header, String... names) {
		for (var name : names) {
			for (var column : header) {
				if (column.equalsIgnoreCase(name)) {
					return column;
				}
			}
		}
		return null;
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private SessionView found(UUID id) {
		return drugChecking.session(id).orElseThrow(() -> new DrugCheckingManagement.NotFound("session " + id));
	}

}
