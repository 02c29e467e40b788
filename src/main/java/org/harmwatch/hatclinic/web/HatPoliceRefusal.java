package org.harmwatch.hatclinic.web;

import org.harmwatch.platform.HarmwatchUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The clinic's pages refuse every law-enforcement account before anything else, whatever
 * its grants: a force's sender of recorded crime holds clinic write for policing to post
 * its counts, and must not reach a clinic page (not even an empty form). The published
 * outcomes and the force's API are in other controllers.
 */
@ControllerAdvice(assignableTypes = { HatClinicController.class, HatSessionController.class, HatAdminController.class,
		HatCrimeLinkController.class })
class HatPoliceRefusal {

	@ModelAttribute
	void refuseLawEnforcement(@AuthenticationPrincipal @Nullable HarmwatchUser user) {
		if (user != null && user.lawEnforcement()) {
			throw new AccessDeniedException("No clinic page for law enforcement");
		}
	}

}
