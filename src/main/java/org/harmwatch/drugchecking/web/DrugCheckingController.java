package org.harmwatch.drugchecking.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.drugchecking.DrugCheckingNotFoundException;
import org.harmwatch.drugchecking.AgeBand;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.ReleaseManagement;
import org.harmwatch.drugchecking.DrugCheckingRejectedException;
import org.harmwatch.drugchecking.IntendedChange;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.Problem;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.PhotoManagement;
import org.harmwatch.drugchecking.SessionView;
import org.harmwatch.drugchecking.SiteKind;
import org.harmwatch.drugchecking.internal.DrugCheckingPolicy;
import org.harmwatch.drugchecking.internal.QrCodes;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The analyst's pages: sessions, intake, results, labels and the consultation. Results
 * are shown only through {@link ReleaseManagement#release} and
 * {@link ReleaseManagement#releases}, which apply the licence conditions for the
 * signed-in reader.
 */
@Controller
class DrugCheckingController {

	private final SessionManagement sessionManagement;

	private final SampleManagement sampleManagement;

	private final ResultManagement resultManagement;

	private final ReleaseManagement releaseManagement;

	private final PhotoManagement photos;

	private final Clock clock;

	private final ZoneId zone;

	DrugCheckingController(SessionManagement sessionManagement, SampleManagement sampleManagement,
			ResultManagement resultManagement, ReleaseManagement releaseManagement, PhotoManagement photos, Clock clock,
			RegionSettings region) {
		this.sessionManagement = sessionManagement;
		this.sampleManagement = sampleManagement;
		this.resultManagement = resultManagement;
		this.releaseManagement = releaseManagement;
		this.photos = photos;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	// ---- Sessions

	@GetMapping("/drug-checking/sessions")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	String sessions(@RequestParam(defaultValue = "1") int page, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute("result", sessionManagement.sessions(page, user));
		return "drugchecking/sessionList";
	}

	@GetMapping("/drug-checking/sessions/new")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String newSession(Model model) {
		return sessionForm(model, new SessionForm(), List.of());
	}

	@PostMapping("/drug-checking/sessions")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String createSession(@ModelAttribute("form") SessionForm form, Model model, HttpServletResponse response,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var problems = new ArrayList<Problem>();
		var draft = form.toDraft(problems);
		if (problems.isEmpty()) {
			try {
				var id = sessionManagement.createSession(draft, user.getUsername(), user.agencyCode(), clock.instant());
				redirect.addFlashAttribute("created", true);
				return "redirect:/drug-checking/sessions/" + id;
			}
			catch (DrugCheckingRejectedException ex) {
				problems.addAll(ex.problems());
			}
		}
		else {
			Forms.merge(problems, sessionManagement.check(draft));
		}
		response.setStatus(422);
		return sessionForm(model, form, problems);
	}

	private String sessionForm(Model model, SessionForm form, List<Problem> problems) {
		model.addAttribute("form", form);
		model.addAttribute("siteKinds", SiteKind.values());
		model.addAttribute("conditions", LicenceCondition.values());
		model.addAttribute("districts", sessionManagement.districts());
		Forms.problems(model, problems);
		return "drugchecking/sessionForm";
	}

	@GetMapping("/drug-checking/sessions/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	String session(@PathVariable UUID id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var session = sessionManagement.session(id, user, Action.READ);
		model.addAttribute("checkingSession", session);
		model.addAttribute("releases", releaseManagement.releases(id, user));
		model.addAttribute("zone", zone);
		return "drugchecking/session";
	}

	@GetMapping("/drug-checking/sessions/{id}/results.csv")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.EXPORT)
	ResponseEntity<String> export(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		sessionManagement.session(id, user, Action.EXPORT);
		var csv = new StringBuilder();
		releaseManagement.exportCsv(id, user, csv);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("drug-checking-results.csv").build().toString())
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.toString());
	}

	// ---- Intake

	@GetMapping("/drug-checking/sessions/{id}/samples/new")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String newSample(@PathVariable UUID id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		return sampleForm(model, sessionManagement.session(id, user, Action.WRITE), new SampleForm(), List.of());
	}

	@PostMapping("/drug-checking/sessions/{id}/samples")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String takeIn(@PathVariable UUID id, @ModelAttribute("form") SampleForm form, Model model,
			HttpServletResponse response, @AuthenticationPrincipal HarmwatchUser user) {
		var session = sessionManagement.session(id, user, Action.WRITE);
		var problems = new ArrayList<Problem>();
		var draft = form.toDraft(problems);
		if (problems.isEmpty()) {
			try {
				var sample = sampleManagement.takeIn(id, draft, user.getUsername(), clock.instant());
				return "redirect:/drug-checking/samples/" + sample.id() + "/label";
			}
			catch (DrugCheckingRejectedException ex) {
				problems.addAll(ex.problems());
			}
		}
		else {
			Forms.merge(problems, sampleManagement.check(id, draft));
		}
		response.setStatus(422);
		return sampleForm(model, session, form, problems);
	}

	private String sampleForm(Model model, SessionView session, SampleForm form, List<Problem> problems) {
		model.addAttribute("checkingSession", session);
		model.addAttribute("form", form);
		model.addAttribute("modes", SampleMode.values());
		model.addAttribute("forms", DosageForm.values());
		model.addAttribute("ageBands", AgeBand.values());
		model.addAttribute("districts", sessionManagement.districts());
		Forms.problems(model, problems);
		return "drugchecking/sampleForm";
	}

	@GetMapping("/drug-checking/samples/{id}/label")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	String label(@PathVariable UUID id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var sample = sampleManagement.labelled(id, user);
		model.addAttribute("sample", sample);
		model.addAttribute("checkingSession", sessionManagement.session(sample.sessionId(), user, Action.READ));
		model.addAttribute("lookupUrl", lookupUrl(sample.code()));
		return "drugchecking/label";
	}

	@GetMapping(path = "/drug-checking/samples/{id}/qr.svg", produces = "image/svg+xml")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	ResponseEntity<String> qr(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		var sample = sampleManagement.labelled(id, user);
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.body(QrCodes.svg(lookupUrl(sample.code())));
	}

	private static String lookupUrl(String code) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/drug-checking/results")
			.queryParam("code", code)
			.toUriString();
	}

	// ---- Results and consultation

	@GetMapping("/drug-checking/samples/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	String sample(@PathVariable UUID id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		return samplePage(id, model, user, new ResultForm(), null, List.of());
	}

	@PostMapping("/drug-checking/samples/{id}/results")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String recordResult(@PathVariable UUID id, @ModelAttribute("resultForm") ResultForm form, Model model,
			HttpServletResponse response, @AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		sampleManagement.sample(id, user, Action.WRITE);
		var problems = new ArrayList<Problem>();
		var draft = form.toDraft(problems);
		if (problems.isEmpty()) {
			try {
				var result = resultManagement.recordResult(id, draft, user.displayName(), clock.instant());
				redirect.addFlashAttribute("recorded", result.version());
				return "redirect:/drug-checking/samples/" + id;
			}
			catch (DrugCheckingRejectedException ex) {
				problems.addAll(ex.problems());
			}
		}
		else {
			Forms.merge(problems, resultManagement.check(draft));
		}
		response.setStatus(422);
		return samplePage(id, model, user, form, null, problems);
	}

	@PostMapping("/drug-checking/samples/{id}/consultation")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String consult(@PathVariable UUID id, @RequestParam(required = false) @Nullable String advice,
			@RequestParam(required = false) @Nullable String disposed,
			@RequestParam(required = false) @Nullable String intendedChange,
			@RequestParam(required = false) @Nullable String referral, Model model, HttpServletResponse response,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		sampleManagement.sample(id, user, Action.WRITE);
		var problems = new ArrayList<Problem>();
		var change = Forms.parse(IntendedChange.class, intendedChange, "intendedChange",
				"Choose an intended change from the list.", problems);
		Boolean dispose = disposed == null || disposed.isBlank() ? null : "yes".equals(disposed);
		if (problems.isEmpty()) {
			try {
				resultManagement.recordConsultation(id, advice, dispose, change, referral, user.displayName(),
						clock.instant());
				redirect.addFlashAttribute("advised", true);
				return "redirect:/drug-checking/samples/" + id;
			}
			catch (DrugCheckingRejectedException ex) {
				problems.addAll(ex.problems());
			}
		}
		response.setStatus(422);
		return samplePage(id, model, user, new ResultForm(), advice, problems);
	}

	@PostMapping("/drug-checking/results/{id}/spectra")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String attach(@PathVariable UUID id, @RequestParam("sampleId") UUID sampleId,
			@RequestParam(name = "spectrum", required = false) @Nullable MultipartFile file, Model model,
			HttpServletResponse response, @AuthenticationPrincipal HarmwatchUser user) throws java.io.IOException {
		sampleId = sampleManagement.sampleOfResult(id, user, Action.WRITE).id();
		try {
			if (file == null || file.isEmpty()) {
				throw new DrugCheckingRejectedException(
						List.of(new Problem("spectrum", "Choose a JCAMP-DX file (.jdx).")));
			}
			resultManagement.attachSpectrum(id, String.valueOf(file.getOriginalFilename()), file.getBytes(),
					user.displayName(), clock.instant());
			return "redirect:/drug-checking/samples/" + sampleId;
		}
		catch (DrugCheckingRejectedException ex) {
			response.setStatus(422);
			return samplePage(sampleId, model, user, new ResultForm(), null, ex.problems());
		}
	}

	@GetMapping("/drug-checking/spectra/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	ResponseEntity<byte[]> spectrum(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		var file = resultManagement.spectrum(id, user)
			.orElseThrow(() -> new DrugCheckingNotFoundException("spectrum " + id));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.filename()).build().toString())
			.contentType(MediaType.valueOf("chemical/x-jcamp-dx"))
			.body(file.content());
	}

	// ---- Photos of the sample

	@PostMapping("/drug-checking/samples/{id}/photos")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String addPhoto(@PathVariable UUID id, @RequestParam(name = "photo", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String caption, Model model, HttpServletResponse response,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) throws java.io.IOException {
		sampleManagement.sample(id, user, Action.WRITE);
		try {
			photos.add(id, file == null ? null : file.getBytes(), caption, user.displayName(), clock.instant());
			redirect.addFlashAttribute("photoAdded", true);
			return "redirect:/drug-checking/samples/" + id + "#photos";
		}
		catch (DrugCheckingRejectedException ex) {
			response.setStatus(422);
			model.addAttribute("photoCaption", caption);
			return samplePage(id, model, user, new ResultForm(), null, ex.problems());
		}
	}

	/**
	 * A photo of a sample, under the same licence conditions as the sample's results; not
	 * found when withheld.
	 */
	@GetMapping("/drug-checking/photos/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	ResponseEntity<byte[]> photo(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		var photo = photos.read(id, user).orElseThrow(() -> new DrugCheckingNotFoundException("photo " + id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.photo().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(photo.photo().filename()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(photo.content());
	}

	@PostMapping("/drug-checking/samples/{id}/photos/{photoId}/delete")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String deletePhoto(@PathVariable UUID id, @PathVariable UUID photoId, RedirectAttributes redirect,
			@AuthenticationPrincipal HarmwatchUser user) {
		sampleManagement.sample(id, user, Action.WRITE);
		photos.delete(id, photoId);
		redirect.addFlashAttribute("photoDeleted", true);
		return "redirect:/drug-checking/samples/" + id + "#photos";
	}

	private String samplePage(UUID id, Model model, HarmwatchUser user, ResultForm form, @Nullable String advice,
			List<Problem> problems) {
		var release = releaseManagement.release(id, user);
		model.addAttribute("release", release);
		model.addAttribute("photos", photos.of(release));
		model.addAttribute("maxPhotos", PhotoManagement.MAX_PHOTOS);
		model.addAttribute("maxPhotoMb", PhotoManagement.MAX_BYTES / (1024 * 1024));
		model.addAttribute("sample", release.sample());
		model.addAttribute("checkingSession", release.session());
		model.addAttribute("resultForm", form);
		model.addAttribute("methods", AnalysisMethod.values());
		model.addAttribute("units", QuantityUnit.values());
		model.addAttribute("bases", Basis.values());
		model.addAttribute("confidences", Confidence.values());
		model.addAttribute("changes", IntendedChange.values());
		model.addAttribute("zone", zone);
		var consultation = release.consultation();
		model.addAttribute("advice",
				advice != null ? advice
						: consultation != null ? consultation.advice()
								: release.isWithheld() || !DrugCheckingPolicy.seesConsultation(release.audience()) ? ""
										: resultManagement.draftAdvice(id).orElse(""));
		Forms.problems(model, problems);
		return "drugchecking/sample";
	}

}
