package org.harmwatch.consumptionrooms.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.consumptionrooms.NeedleChannel;
import org.harmwatch.consumptionrooms.NeedleManagement;
import org.harmwatch.consumptionrooms.NeedleReportDraft;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.web.FormValues;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public needle report: a pin on a map (or the device's location, or typed
 * coordinates), what was seen and an optional photo, without signing in. Nothing about
 * the reporter is kept; rate-limited per client. Works at a phone's width.
 */
@Controller
class NeedleReportController {

	static final String FORM = "needleForm";

	private final NeedleManagement needles;

	private final NeedleReportRateLimiter limiter;

	private final GeographyManagement geography;

	NeedleReportController(NeedleManagement needles, NeedleReportRateLimiter limiter, GeographyManagement geography) {
		this.needles = needles;
		this.limiter = limiter;
		this.geography = geography;
	}

	@InitBinder(FORM)
	void constructorOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/needles/report")
	@PublicEndpoint("Anyone may report discarded needles without signing in; nothing about the reporter is kept")
	String form(Model model, CsrfToken csrf) {
		// The form's CSRF token is resolved (and its session created) now, while the
		// response can still take a cookie: rendered later, after the page's long head,
		// the response may already be committed when the form asks for it.
		csrf.getToken();
		model.addAttribute(FORM, NeedleForm.empty());
		return form(model, geography);
	}

	@PostMapping("/needles/report")
	@PublicEndpoint("Anyone may report discarded needles without signing in; rate-limited, nothing about the reporter is kept")
	String submit(@Validated @ModelAttribute(FORM) NeedleForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (!limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(limiter.retryAfter().toSeconds()));
			model.addAttribute("minutes", Math.max(1, limiter.retryAfter().toMinutes()));
			return "consumptionrooms/needleTooMany";
		}
		var lat = FormValues.latitude(form.lat(), "lat", result);
		var lon = FormValues.longitude(form.lon(), "lon", result);
		if (form.lat() == null || form.lon() == null) {
			result.rejectValue("lat", "consumptionrooms.needle.location.required");
		}
		byte[] photo = null;
		if (form.photo() != null && !form.photo().isEmpty()) {
			if (form.photo().getSize() > NeedleManagement.MAX_PHOTO_BYTES) {
				result.rejectValue("photo", "consumptionrooms.needle.photo.size",
						new Object[] { NeedleManagement.MAX_PHOTO_BYTES / (1024 * 1024) }, null);
			}
			else {
				try {
					photo = form.photo().getBytes();
				}
				catch (IOException ex) {
					result.rejectValue("photo", "consumptionrooms.needle.photo.unusable");
				}
			}
		}
		if (!result.hasErrors()) {
			try {
				var received = needles
					.report(new NeedleReportDraft(lat, lon, form.description(), photo, null, NeedleChannel.WEB));
				model.addAttribute("reference", received.reference());
				return "consumptionrooms/needleThanks";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return form(model, geography);
	}

	private static String form(Model model, GeographyManagement geography) {
		model.addAttribute("bounds",
				geography.bounds().map(b -> b.south() + "," + b.west() + "," + b.north() + "," + b.east()).orElse(""));
		return "consumptionrooms/needleReport";
	}

}
