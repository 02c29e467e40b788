package org.harmwatch.agency.web;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administration overview: how many agencies, staff, roles and API clients there are,
 * and the way to each.
 */
@Controller
class AdminController {

	private final AgencyManagement agencies;

	AdminController(AgencyManagement agencies) {
		this.agencies = agencies;
	}

	@GetMapping("/admin")
	@Requires(capability = Capability.AGENCY, action = Action.READ)
	String overview(Model model) {
		model.addAttribute("overview", agencies.overview());
		return "agency/overview";
	}

}
