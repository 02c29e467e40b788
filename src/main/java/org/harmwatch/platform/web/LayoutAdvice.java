package org.harmwatch.platform.web;

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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What every page's layout needs: the navigation the user may use, who they are, and the
 * region's name.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private final List<NavigationItem> items;

	private final String regionName;

	LayoutAdvice(List<NavigationItem> items, RegionSettings region) {
		this.items = List.copyOf(items);
		this.regionName = region.name();
	}

	/**
	 * The menu for the request being answered (exception handlers call this too: they get
	 * no model advice).
	 */
	@ModelAttribute("navigation")
	NavigationMenu navigation(@Nullable Authentication authentication) {
		var path = "/";
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			var request = attributes.getRequest();
			path = request.getRequestURI().substring(request.getContextPath().length());
		}
		return NavigationMenu.of(visibleTo(authentication), path.isEmpty() ? "/" : path);
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
		return items.stream().filter(item -> item.visibleTo(signedIn, authorities)).toList();
	}

}
