package org.harmwatch.agency.web;

import org.harmwatch.agency.AgencyManagement;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administration overview: how many agencies, staff, roles and API clients there are, and the way to each.
 */
@Controller
class AdminController {

	private final AgencyManagement agencies;

	AdminController(AgencyManagement agencies) {
		this.agencies = agencies;
	}

	@GetMapping("/admin")
	@PreAuthorize("hasAuthority('AGENCY:READ')")
	String overview(Model model) {
		model.addAttribute("overview", agencies.overview());
		return "agency/overview";
	}

}
