package org.harmwatch.drugchecking.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.drugchecking.AgeBand;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.IntendedChange;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.substances.SubstanceManagement;
import org.harmwatch.substances.SubstanceSummary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The offline field mode: one page per session for intake, results and consultation that
 * keeps working without signal. The page carries its reference data (substances,
 * districts, forms, methods) so that a cached copy is complete; its service worker is
 * served from here, under {@code /drug-checking/field/}, so that its scope covers the
 * field pages. Records are kept on the device and sent to
 * {@code POST /api/drug-checking/sync}.
 */
@Controller
class FieldModeController {

	static final String SERVICE_WORKER = "static/js/drugchecking-field-sw.js";

	private final SessionManagement sessionManagement;

	private final SubstanceManagement substances;

	private final MessageSource messages;

	FieldModeController(SessionManagement sessionManagement, SubstanceManagement substances, MessageSource messages) {
		this.sessionManagement = sessionManagement;
		this.substances = substances;
		this.messages = messages;
	}

	@GetMapping("/drug-checking/field/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	String field(@PathVariable UUID id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var session = sessionManagement.session(id, user, Action.WRITE);
		model.addAttribute("checkingSession", session);
		model.addAttribute("adultsOnly", session.has(LicenceCondition.ADULTS_ONLY));
		model.addAttribute("substances",
				substances.all()
					.stream()
					.map(SubstanceSummary::name)
					.distinct()
					.sorted(String.CASE_INSENSITIVE_ORDER)
					.toList());
		model.addAttribute("districts", sessionManagement.districts());
		model.addAttribute("modes", SampleMode.values());
		model.addAttribute("forms", DosageForm.values());
		model.addAttribute("methods", AnalysisMethod.values());
		model.addAttribute("confidences", Confidence.values());
		model.addAttribute("units", QuantityUnit.values());
		model.addAttribute("bases", Basis.values());
		model.addAttribute("changes", IntendedChange.values());
		model.addAttribute("ageBands", List.of(AgeBand.values()));
		return "drugchecking/field";
	}

	/**
	 * The service worker, served here so that its scope is {@code /drug-checking/field/}.
	 */
	@GetMapping(path = "/drug-checking/field/sw.js", produces = "text/javascript")
	@PublicEndpoint("The field mode's service worker script: static code, no data")
	ResponseEntity<String> serviceWorker() {
		try (var in = new ClassPathResource(SERVICE_WORKER).getInputStream()) {
			return ResponseEntity.ok()
				.cacheControl(CacheControl.noCache())
				.header("Service-Worker-Allowed", "/drug-checking/field/")
				.contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
				.body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The web app manifest that makes a session's field page installable. */
	@GetMapping(path = "/drug-checking/field/{id}/manifest.webmanifest", produces = "application/manifest+json")
	@PublicEndpoint("The field mode's web app manifest: names and icon only, no data")
	ResponseEntity<Map<String, Object>> manifest(@PathVariable UUID id) {
		var locale = LocaleContextHolder.getLocale();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/manifest+json"))
			.body(Map.of("name", messages.getMessage("drugcheckingfield.manifest.name", null, locale), "short_name",
					messages.getMessage("drugcheckingfield.manifest.shortName", null, locale), "id",
					"/drug-checking/field/" + id, "start_url", "/drug-checking/field/" + id, "scope",
					"/drug-checking/field/", "display", "standalone", "background_color", "#ffffff", "theme_color",
					"#0b0c0c", "icons",
					List.of(Map.of("src", "/images/favicon.svg", "sizes", "any", "type", "image/svg+xml"))));
	}

}
