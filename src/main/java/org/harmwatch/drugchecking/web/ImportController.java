package org.harmwatch.drugchecking.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.DrugCheckingManagement;
import org.harmwatch.drugchecking.ImportMapping;
import org.harmwatch.drugchecking.Problem;
import org.harmwatch.drugchecking.SampleImportReport;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SessionView;
import org.harmwatch.drugchecking.internal.CsvReader;
import org.harmwatch.platform.HarmwatchUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing historical or partner results into a session, in steps: upload the CSV; map its columns (chosen from its
 * header); check, which names each bad row; import, all or nothing. The uploaded file is held in the signed-in
 * user's HTTP session between the steps, never on disk.
 */
@Controller
class ImportController {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	private final DrugCheckingManagement drugChecking;

	private final Clock clock;

	ImportController(DrugCheckingManagement drugChecking, Clock clock) {
		this.drugChecking = drugChecking;
		this.clock = clock;
	}

	@GetMapping("/drug-checking/sessions/{id}/import")
	@PreAuthorize("hasAuthority('DRUG_CHECKING:WRITE')")
	String upload(@PathVariable UUID id, Model model) {
		model.addAttribute("checkingSession", found(id));
		Forms.problems(model, List.of());
		return "drugchecking/importUpload";
	}

	@PostMapping("/drug-checking/sessions/{id}/import/upload")
	@PreAuthorize("hasAuthority('DRUG_CHECKING:WRITE')")
	String uploaded(@PathVariable UUID id, @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model, HttpSession http,
			HttpServletResponse response) throws IOException {
		var session = found(id);
		model.addAttribute("checkingSession", session);
		if (file == null || file.isEmpty() || file.getSize() > MAX_BYTES) {
			response.setStatus(422);
			Forms.problems(model, List.of(new Problem("file", "Choose a CSV file smaller than 5 MB.")));
			return "drugchecking/importUpload";
		}
		var csv = new String(file.getBytes(), StandardCharsets.UTF_8);
		var rows = CsvReader.read(csv);
		if (rows.isEmpty() || rows.get(0).size() < 2) {
			response.setStatus(422);
			Forms.problems(model, List.of(new Problem("file", "The file has no header row of comma-separated columns.")));
			return "drugchecking/importUpload";
		}
		var token = UUID.randomUUID().toString();
		http.setAttribute(key(token), csv);
		var header = rows.get(0).stream().map(String::strip).toList();
		var form = new MappingForm(guess(header, "sampleid", "sample_id", "sample"), guess(header, "substance"),
				guess(header, "expectedsubstance", "sold_as", "soldas"), guess(header, "form", "sampletype"),
				guess(header, "abundance", "trace"), guess(header, "method"), guess(header, "date_complete", "date"),
				SampleMode.FRONT_OF_HOUSE.name(), AnalysisMethod.GC_MS.name());
		return mapping(model, session, token, header, form, rows.size() - 1, null, List.of());
	}

	/** The chosen mapping, as text. */
	record MappingForm(@Nullable String sampleKey, @Nullable String substance, @Nullable String soldAs,
			@Nullable String form, @Nullable String trace, @Nullable String method, @Nullable String date,
			@Nullable String mode, @Nullable String defaultMethod) {
	}

	@PostMapping("/drug-checking/sessions/{id}/import")
	@PreAuthorize("hasAuthority('DRUG_CHECKING:WRITE')")
	String importCsv(@PathVariable UUID id, @RequestParam(required = false) @Nullable String token,
			MappingForm form, @RequestParam(defaultValue = "check") String step, Model model, HttpSession http,
			HttpServletResponse response, @AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var session = found(id);
		var csv = token == null ? null : (String) http.getAttribute(key(token));
		if (csv == null) {
			response.setStatus(422);
			model.addAttribute("checkingSession", session);
			Forms.problems(model, List.of(new Problem("file", "Upload the file again: the earlier upload has expired.")));
			return "drugchecking/importUpload";
		}
		var header = CsvReader.read(csv).get(0).stream().map(String::strip).toList();
		int rows = CsvReader.read(csv).size() - 1;
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
		if (!problems.isEmpty() || mode == null || method == null || form.sampleKey() == null
				|| form.substance() == null) {
			response.setStatus(422);
			return mapping(model, session, token, header, form, rows, null, problems);
		}
		var mapping = new ImportMapping(form.sampleKey(), form.substance(), blank(form.soldAs()), blank(form.form()),
				blank(form.trace()), blank(form.method()), blank(form.date()), mode, method);
		SampleImportReport report = "import".equals(step)
				? drugChecking.importCsv(id, csv, mapping, user.displayName(), clock.instant())
				: drugChecking.checkImport(id, csv, mapping);
		if (!report.ok()) {
			response.setStatus(422);
		}
		else if ("import".equals(step)) {
			http.removeAttribute(key(token));
			redirect.addFlashAttribute("imported", report.imported());
			redirect.addFlashAttribute("alreadyImported", report.alreadyImported());
			return "redirect:/drug-checking/sessions/" + id;
		}
		return mapping(model, session, token, header, form, rows, report, List.of());
	}

	private String mapping(Model model, SessionView session, String token, List<String> header, MappingForm form,
			int rows, @Nullable SampleImportReport report, List<Problem> problems) {
		model.addAttribute("checkingSession", session);
		model.addAttribute("token", token);
		model.addAttribute("columns", header);
		model.addAttribute("form", form);
		model.addAttribute("rows", rows);
		model.addAttribute("report", report);
		model.addAttribute("modes", SampleMode.values());
		model.addAttribute("methods", AnalysisMethod.values());
		Forms.problems(model, problems);
		return "drugchecking/importMapping";
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
		return value == null || value.isBlank() ? null : value;
	}

	private static String key(String token) {
		return "drugchecking.import." + token;
	}

	private SessionView found(UUID id) {
		return drugChecking.session(id).orElseThrow(() -> new DrugCheckingManagement.NotFound("session " + id));
	}

}
