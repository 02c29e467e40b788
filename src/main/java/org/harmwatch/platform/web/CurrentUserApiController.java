package org.harmwatch.platform.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Grant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells a caller who the platform takes them to be: useful to check an API token before
 * using it.
 */
@RestController
@Tag(name = "Identity", description = "Who the caller is and what they may do")
class CurrentUserApiController {

	/** The caller's identity, agency and grants. */
	record Me(String username, String displayName, String agencyCode, String agencyName, List<String> roles,
			List<String> grants) {
	}

	@Operation(summary = "The caller's identity, agency, roles and grants",
			description = "Use it to check an API token before relying on it.")
	@GetMapping("/api/me")
	@PreAuthorize("isAuthenticated()")
	Me me(@AuthenticationPrincipal HarmwatchUser user) {
		var grants = user.grants()
			.stream()
			.map(g -> Grant.authority(g.capability(), g.action(), g.purpose()))
			.sorted()
			.toList();
		return new Me(user.getUsername(), user.displayName(), user.agencyCode(), user.agencyName(), user.roleNames(),
				grants);
	}

}
