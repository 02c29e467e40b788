package org.harmwatch.substances.web;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.SafeText;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.substances.ImportReport;
import org.harmwatch.substances.SubstanceManagement;
import org.harmwatch.substances.VocabularyProblem;
import org.harmwatch.substances.internal.SubstanceCsv;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CSV import for coordinators: upload, read the report (every bad row named, with why),
 * then confirm. The file is imported whole or not at all, and checked again when
 * confirmed in case the vocabulary changed meanwhile.
 *
 * <p>
 * Between the two steps the file waits in the session, which is stored in the database,
 * so any instance can take the confirmation.
 */
@Controller
@Requires(capability = Capability.SUBSTANCES, action = Action.MANAGE)
class SubstanceImportController {

	static final String PENDING = "substances.pendingImport";

	/** A checked file waiting for confirmation. */
	record PendingImport(String token, String filename, String csv) implements Serializable {
	}

	private final SubstanceManagement substances;

	SubstanceImportController(SubstanceManagement substances) {
		this.substances = substances;
	}

	@GetMapping("/substances/import")
	String form(Model model) {
		model.addAttribute("columns", SubstanceCsv.COLUMNS);
		return "substances/import";
	}

	@PostMapping("/substances/import")
	String check(@RequestParam(required = false) @Nullable MultipartFile file, HttpSession session, Model model,
			HttpServletResponse response) throws IOException {
		model.addAttribute("columns", SubstanceCsv.COLUMNS);
		session.removeAttribute(PENDING);
		if (file == null || file.isEmpty()) {
			return refused(model, response, "file", "Choose a CSV file to import.");
		}
		String csv;
		try {
			csv = SafeText.decodeUtf8(file.getBytes());
		}
		catch (SafeText.NotText ex) {
			return refused(model, response, "file", "This is not a CSV file the import can read: " + ex.getMessage()
					+ ". In a spreadsheet, save it as \"CSV UTF-8 (comma delimited)\".");
		}
		var filename = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
		var report = substances.checkImport(csv);
		model.addAttribute("filename", filename);
		model.addAttribute("report", report);
		if (!report.valid()) {
			response.setStatus(422);
			return "substances/import";
		}
		var pending = new PendingImport(UUID.randomUUID().toString(), filename, csv);
		session.setAttribute(PENDING, pending);
		model.addAttribute("token", pending.token());
		return "substances/import";
	}

	@PostMapping("/substances/import/confirm")
	String confirm(@RequestParam(required = false) @Nullable String token, HttpSession session, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var pending = session.getAttribute(PENDING) instanceof PendingImport p ? p : null;
		if (pending == null || !pending.token().equals(token)) {
			redirect.addFlashAttribute("expired", true);
			return "redirect:/substances/import";
		}
		session.removeAttribute(PENDING);
		var report = substances.importCsv(pending.csv());
		model.addAttribute("columns", SubstanceCsv.COLUMNS);
		model.addAttribute("filename", pending.filename());
		model.addAttribute("report", report);
		if (!report.valid()) {
			response.setStatus(422);
			return "substances/import";
		}
		model.addAttribute("imported", true);
		return "substances/import";
	}

	private static String refused(Model model, HttpServletResponse response, String field, String message) {
		response.setStatus(422);
		model.addAttribute("report",
				new ImportReport(0, List.of(new VocabularyProblem(null, field, message)), List.of(), List.of(), 0));
		return "substances/import";
	}

}
