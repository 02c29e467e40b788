package org.harmwatch.drugchecking.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.drugchecking.AgeBand;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.IntendedChange;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.PhotoManagement;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ReleaseManagement;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SessionView;
import org.harmwatch.drugchecking.SiteKind;
import org.harmwatch.drugchecking.internal.DrugCheckingPolicy;
import org.harmwatch.platform.QrCodes;
import org.harmwatch.geography.Area;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
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

	static final String SESSION_FORM = "sessionForm";

	static final String SAMPLE_FORM = "sampleForm";

	static final String RESULT_FORM = "resultForm";

	static final String CONSULTATION_FORM = "consultationForm";

	static final String PHOTO_FORM = "photoForm";

	static final String SPECTRUM_FORM = "spectrumForm";

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

	/**
	 * Forms are records, bound through their constructors only: a parameter that names no
	 * component (such as a row far beyond the result form's) is ignored, never set as a
	 * property.
	 */
	@InitBinder
	void constructorsOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
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
		model.addAttribute(SESSION_FORM, SessionForm.empty());
		return sessionForm(model);
	}

	@PostMapping("/drug-checking/sessions")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String createSession(@Validated @ModelAttribute(SESSION_FORM) SessionForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var draft = form.draft();
		if (!result.hasErrors()) {
			try {
				var id = sessionManagement.createSession(draft, user.getUsername(), user.agencyCode(), clock.instant());
				redirect.addFlashAttribute("created", true);
				return "redirect:/drug-checking/sessions/" + id;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		else {
			FormProblems.addRules(result, sessionManagement.check(draft));
		}
		return sessionForm(model);
	}

	private String sessionForm(Model model) {
		FormErrorOrder.inPageOrder(model, SESSION_FORM);
		model.addAttribute("siteKinds", options(SiteKind.values(), "drugchecking.siteKind."));
		model.addAttribute("conditions", LicenceCondition.values());
		model.addAttribute("districts", districts());
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
		model.addAttribute(SAMPLE_FORM, SampleForm.empty());
		return sampleForm(model, sessionManagement.session(id, user, Action.WRITE));
	}

	@PostMapping("/drug-checking/sessions/{id}/samples")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String takeIn(@PathVariable UUID id, @Validated @ModelAttribute(SAMPLE_FORM) SampleForm form, BindingResult result,
			Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var session = sessionManagement.session(id, user, Action.WRITE);
		var draft = form.draft();
		if (!result.hasErrors()) {
			try {
				var sample = sampleManagement.takeIn(id, draft, user.getUsername(), clock.instant());
				return "redirect:/drug-checking/samples/" + sample.id() + "/label";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		else {
			FormProblems.addRules(result, sampleManagement.check(id, draft));
		}
		return sampleForm(model, session);
	}

	private String sampleForm(Model model, SessionView session) {
		FormErrorOrder.inPageOrder(model, SAMPLE_FORM);
		model.addAttribute("checkingSession", session);
		model.addAttribute("modes", options(SampleMode.values(), "drugchecking.mode."));
		model.addAttribute("dosageForms", options(DosageForm.values(), "drugchecking.dosageForm."));
		model.addAttribute("ageBands", options(AgeBand.values(), "drugchecking.ageBand."));
		model.addAttribute("yesNo", yesNo());
		model.addAttribute("districts", districts());
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
		return samplePage(id, model, user);
	}

	@PostMapping("/drug-checking/samples/{id}/results")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String recordResult(@PathVariable UUID id, @Validated @ModelAttribute(RESULT_FORM) ResultForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user,
			RedirectAttributes redirect) {
		sampleManagement.sample(id, user, Action.WRITE);
		var draft = form.draft();
		if (!result.hasErrors()) {
			try {
				var recorded = resultManagement.recordResult(id, draft, user.displayName(), clock.instant());
				redirect.addFlashAttribute("recorded", recorded.version());
				return "redirect:/drug-checking/samples/" + id;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		else {
			FormProblems.addRules(result, resultManagement.check(draft));
		}
		FormErrorOrder.inPageOrder(model, RESULT_FORM);
		return samplePage(id, model, user);
	}

	@PostMapping("/drug-checking/samples/{id}/consultation")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String consult(@PathVariable UUID id, @Validated @ModelAttribute(CONSULTATION_FORM) ConsultationForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user,
			RedirectAttributes redirect) {
		sampleManagement.sample(id, user, Action.WRITE);
		if (!result.hasErrors()) {
			try {
				resultManagement.recordConsultation(id, form.advice(), form.disposedAnswer(), form.change(),
						form.referral(), user.displayName(), clock.instant());
				redirect.addFlashAttribute("advised", true);
				return "redirect:/drug-checking/samples/" + id;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		FormErrorOrder.inPageOrder(model, CONSULTATION_FORM);
		return samplePage(id, model, user);
	}

	@PostMapping("/drug-checking/results/{id}/spectra")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String attach(@PathVariable UUID id, @ModelAttribute(SPECTRUM_FORM) SpectrumForm form, BindingResult result,
			Model model, @AuthenticationPrincipal HarmwatchUser user) throws IOException {
		var sampleId = sampleManagement.sampleOfResult(id, user, Action.WRITE).id();
		var file = form.spectrum();
		try {
			if (file == null || file.isEmpty()) {
				throw new InputRejectedException(FieldProblem.of("spectrum", "drugchecking.error.spectrum.required"));
			}
			resultManagement.attachSpectrum(id, String.valueOf(file.getOriginalFilename()), file.getBytes(),
					user.displayName(), clock.instant());
			return "redirect:/drug-checking/samples/" + sampleId;
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
			return samplePage(sampleId, model, user);
		}
	}

	@GetMapping("/drug-checking/spectra/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	ResponseEntity<byte[]> spectrum(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		var file = resultManagement.spectrum(id, user)
			.orElseThrow(() -> new NotFoundException("drugchecking.notFound.spectrum", id));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.filename()).build().toString())
			.contentType(MediaType.valueOf("chemical/x-jcamp-dx"))
			.body(file.content());
	}

	// ---- Photos of the sample

	@PostMapping("/drug-checking/samples/{id}/photos")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String addPhoto(@PathVariable UUID id, @ModelAttribute(PHOTO_FORM) PhotoForm form, BindingResult result,
			Model model, @AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) throws IOException {
		sampleManagement.sample(id, user, Action.WRITE);
		var file = form.photo();
		try {
			photos.add(id, file == null ? null : file.getBytes(), form.caption(), user.displayName(), clock.instant());
			redirect.addFlashAttribute("photoAdded", true);
			return "redirect:/drug-checking/samples/" + id + "#photos";
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
			FormErrorOrder.inPageOrder(model, PHOTO_FORM);
			return samplePage(id, model, user);
		}
	}

	/**
	 * A photo of a sample, under the same licence conditions as the sample's results; not
	 * found when withheld.
	 */
	@GetMapping("/drug-checking/photos/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	ResponseEntity<byte[]> photo(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		var photo = photos.read(id, user).orElseThrow(() -> new NotFoundException("drugchecking.notFound.photo", id));
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

	/**
	 * The sample page with its forms: a form sent with errors is already in the model
	 * (with its errors); the others are drawn afresh.
	 */
	private String samplePage(UUID id, Model model, HarmwatchUser user) {
		var release = releaseManagement.release(id, user);
		model.addAttribute("release", release);
		model.addAttribute("photos", photos.of(release));
		model.addAttribute("maxPhotos", PhotoManagement.MAX_PHOTOS);
		model.addAttribute("maxPhotoMb", PhotoManagement.MAX_BYTES / (1024 * 1024));
		model.addAttribute("sample", release.sample());
		model.addAttribute("checkingSession", release.session());
		model.addAttribute("methods", AnalysisMethod.values());
		model.addAttribute("units", QuantityUnit.values());
		model.addAttribute("bases", Basis.values());
		model.addAttribute("confidences", Confidence.values());
		model.addAttribute("changes", options(IntendedChange.values(), "drugchecking.change."));
		model.addAttribute("yesNo", yesNo());
		model.addAttribute("zone", zone);
		if (!model.containsAttribute(RESULT_FORM)) {
			model.addAttribute(RESULT_FORM, ResultForm.empty());
		}
		if (!model.containsAttribute(CONSULTATION_FORM)) {
			var drafted = release.isWithheld() || !DrugCheckingPolicy.seesConsultation(release.audience()) ? ""
					: resultManagement.draftAdvice(id).orElse("");
			model.addAttribute(CONSULTATION_FORM, ConsultationForm.of(release.consultation(), drafted));
		}
		if (!model.containsAttribute(PHOTO_FORM)) {
			model.addAttribute(PHOTO_FORM, PhotoForm.empty());
		}
		if (!model.containsAttribute(SPECTRUM_FORM)) {
			model.addAttribute(SPECTRUM_FORM, SpectrumForm.empty());
		}
		return "drugchecking/sample";
	}

	private Map<String, String> districts() {
		var options = new LinkedHashMap<String, String>();
		for (Area area : sessionManagement.districts()) {
			options.put(area.code(), area.name());
		}
		return options;
	}

	private static Map<String, String> yesNo() {
		var options = new LinkedHashMap<String, String>();
		options.put("yes", "drugchecking.yes");
		options.put("no", "drugchecking.no");
		return options;
	}

	/** A select's options: each constant's name and the message key of its label. */
	static Map<String, String> options(Enum<?>[] values, String keyPrefix) {
		var options = new LinkedHashMap<String, String>();
		for (var value : values) {
			options.put(value.name(), keyPrefix + value.name());
		}
		return options;
	}

}
