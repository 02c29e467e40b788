package org.harmwatch.platform.web;

import java.util.Comparator;
import java.util.List;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.RegionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the navigation the user may use, who they are, and the region's name.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private final List<NavigationItem> items;

	private final String regionName;

	LayoutAdvice(List<NavigationItem> items, RegionSettings region) {
		this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
		this.regionName = region.name();
	}

	@ModelAttribute("navigation")
	List<NavigationItem> navigation(@Nullable Authentication authentication) {
		return visibleTo(authentication);
	}

	@ModelAttribute("currentUser")
	@Nullable HarmwatchUser currentUser(@Nullable Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof HarmwatchUser user ? user : null;
	}

	@ModelAttribute("regionName")
	String regionName() {
		return regionName;
	}

	List<NavigationItem> visibleTo(@Nullable Authentication authentication) {
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		var authorities = !signedIn ? List.<String>of()
				: authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		return items.stream()
			.filter(item -> item.authority() == null || authorities.contains(item.authority())
					|| (signedIn && NavigationItem.SIGNED_IN.equals(item.authority())))
			.toList();
	}

}
