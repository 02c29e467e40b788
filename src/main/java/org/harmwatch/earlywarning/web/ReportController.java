package org.harmwatch.earlywarning.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.HowKnown;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.ReportAttachments;
import org.harmwatch.earlywarning.Reporter;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff report form (short, for a phone) and the reports list and details for the
 * coordinator and panel.
 */
@Controller
class ReportController {

	static final String FORM = "reportForm";

	private final EarlyWarningManagement earlyWarning;

	private final ReportAttachments attachments;

	private final Clock clock;

	private final ZoneId zone;

	ReportController(EarlyWarningManagement earlyWarning, ReportAttachments attachments, Clock clock,
			RegionSettings region) {
		this.earlyWarning = earlyWarning;
		this.attachments = attachments;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	/**
	 * Binds the forms through their constructors only: a list is read whole there (an
	 * indexed name such as {@code substances[0]} included) and nothing is set afterwards.
	 */
	@InitBinder
	void constructorOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/early-warning/reports/new")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.WRITE)
	String newReport(Model model) {
		model.addAttribute(FORM, ReportForm.startingAt(clock.instant(), zone));
		return form(model);
	}

	@PostMapping("/early-warning/reports")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.WRITE)
	String submit(@Validated @ModelAttribute(FORM) ReportForm form, BindingResult result,
			@RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> files,
			@AuthenticationPrincipal HarmwatchUser user, Model model, RedirectAttributes redirect) throws IOException {
		var problems = new ArrayList<FieldProblem>();
		var draft = form.toDraft(Channel.STAFF_FORM, zone, problems);
		FormProblems.add(result, problems);
		var now = clock.instant();
		var uploads = new ArrayList<ReportAttachments.Upload>();
		for (var file : files == null ? List.<MultipartFile>of() : files) {
			uploads.add(new ReportAttachments.Upload(file.getOriginalFilename(), file.getBytes()));
		}
		if (!result.hasErrors()) {
			try {
				var id = attachments.submit(draft,
						new Reporter(user.id(), user.displayName(), user.agencyCode(), user.agencyName()), now,
						uploads);
				redirect.addFlashAttribute("sent", id.toString().substring(0, 8));
				return "redirect:/early-warning/reports/new";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		else {
			FormProblems.addWhereNone(result, earlyWarning.check(draft, now));
			FormProblems.add(result, attachments.check(uploads));
		}
		return form(model);
	}

	@GetMapping("/early-warning/reports")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("result", earlyWarning.reports(page));
		model.addAttribute("zone", zone);
		return "earlywarning/reportList";
	}

	/**
	 * The reports the signed-in person sent, with what became of each: anyone who may
	 * report may see their own.
	 */
	@GetMapping("/early-warning/reports/mine")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.WRITE)
	String mine(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal HarmwatchUser user, Model model) {
		model.addAttribute("result", earlyWarning.ownReports(user, page));
		model.addAttribute("zone", zone);
		return "earlywarning/reportsMine";
	}

	@GetMapping("/early-warning/reports/{id}")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String details(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user, Model model) {
		model.addAttribute("report", earlyWarning.report(id, user));
		model.addAttribute("attachments", attachments.of(id, user));
		model.addAttribute("zone", zone);
		return "earlywarning/reportDetails";
	}

	/**
	 * A report's photo or lab report, as a download (never shown inline, so it cannot run
	 * in our origin).
	 */
	@GetMapping("/early-warning/reports/{id}/attachments/{attachmentId}")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId,
			@AuthenticationPrincipal HarmwatchUser user) {
		var file = attachments.read(id, attachmentId, user);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.attachment().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.attachment().filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore())
			.body(file.content());
	}

	private String form(Model model) {
		addChoices(model, earlyWarning);
		model.addAttribute("sourceTypes", SourceType.values());
		model.addAttribute("howKnown", HowKnown.values());
		model.addAttribute("classes", SubstanceClass.values());
		return "earlywarning/reportForm";
	}

	static void addChoices(Model model, EarlyWarningManagement earlyWarning) {
		model.addAttribute("districts", earlyWarning.districts());
		model.addAttribute("outcomes", Outcome.values());
	}

}
