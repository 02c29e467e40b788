package org.harmwatch.agency.web;

import java.time.ZoneId;

import org.harmwatch.platform.RegionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every administration page needs: the region's time zone for dates, and whether the
 * viewer may change things (auditors may look but not touch, so they see no buttons that
 * would only refuse them).
 */
@ControllerAdvice(basePackageClasses = AdminAdvice.class)
class AdminAdvice {

	private final ZoneId zone;

	AdminAdvice(RegionSettings region) {
		this.zone = region.timeZone();
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

	@ModelAttribute("canManage")
	boolean canManage(@Nullable Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch(a -> "AGENCY:MANAGE".equals(a.getAuthority()));
	}

}
