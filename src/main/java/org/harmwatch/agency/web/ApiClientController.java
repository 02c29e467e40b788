package org.harmwatch.agency.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.internal.Agency;
import org.harmwatch.agency.internal.ApiClient;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * API clients: partner systems that call the API with a token. A token is shown once,
 * when issued, and can be revoked at any time.
 */
@Controller
@RequestMapping("/admin/api-clients")
class ApiClientController {

	private static final String FORM = "apiClientForm";

	private final AgencyManagement agencies;

	ApiClientController(AgencyManagement agencies) {
		this.agencies = agencies;
	}

	/** An API client with its agency and its grants in display order. */
	record ClientRow(ApiClient client, @Nullable Agency agency, List<Grant> grants) {
	}

	@GetMapping
	@Requires(capability = Capability.AGENCY, action = Action.READ)
	String list(Model model) {
		var byId = agencies.agenciesById();
		model.addAttribute("rows",
				agencies.apiClients()
					.stream()
					.map(client -> new ClientRow(client, byId.get(client.agencyId()), Grants.sorted(client.grants())))
					.toList());
		return "agency/apiClientList";
	}

	@GetMapping("/new")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String newClient(Model model) {
		model.addAttribute(FORM, ApiClientForm.empty());
		return form(model);
	}

	/**
	 * Issues the token and shows it on the answer to this POST itself: a redirect would
	 * need to keep the token somewhere, and it must never be kept. The page is marked not
	 * to be stored by the browser or any cache.
	 */
	@PostMapping("/new")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String issue(@Validated @ModelAttribute(FORM) ApiClientForm form, BindingResult result, Model model,
			Authentication authentication, HttpServletResponse response) {
		var grants = RoleController.parse(form.grants(), result);
		if (form.agency() != null && agencies.agency(form.agency()).isEmpty()) {
			result.rejectValue("agency", "admin.apiClient.agency.unknown");
		}
		if (!result.hasErrors()) {
			try {
				var issued = agencies.issueApiClient(form.name(), form.agency(), grants, authentication.getName());
				response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
				response.setHeader(HttpHeaders.PRAGMA, "no-cache");
				model.addAttribute("client", issued.client());
				model.addAttribute("token", issued.token());
				model.addAttribute("agency", agencies.agenciesById().get(issued.client().agencyId()));
				model.addAttribute("grants", Grants.sorted(issued.client().grants()));
				model.addAttribute("apiUrl",
						ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/me").toUriString());
				return "agency/apiClientIssued";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return form(model);
	}

	@GetMapping("/{id}/revoke")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String confirmRevoke(@PathVariable UUID id, Model model) {
		var client = agencies.apiClient(id);
		model.addAttribute("client", client);
		model.addAttribute("agency", agencies.agenciesById().get(client.agencyId()));
		return "agency/apiClientRevoke";
	}

	@PostMapping("/{id}/revoke")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		var client = agencies.apiClient(id);
		agencies.revokeApiClient(id);
		redirect.addFlashAttribute(Notice.ATTRIBUTE, new Notice("admin.apiClient.revoked", client.name()));
		return "redirect:/admin/api-clients";
	}

	private String form(Model model) {
		FormErrorOrder.inPageOrder(model, FORM);
		model.addAttribute("agencies", agencies.agencies());
		var form = (ApiClientForm) model.getAttribute(FORM);
		model.addAttribute("grantGrid", GrantGrid.of(form == null ? List.of() : form.grants()));
		model.addAttribute("types", AgencyType.values());
		return "agency/apiClientForm";
	}

}
