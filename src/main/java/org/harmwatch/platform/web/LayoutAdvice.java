package org.harmwatch.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.RegionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What every page's layout needs: the navigation the user may use, who they are, and the
 * region's name.
 *
 * <p>
 * Added after the handler, only when a page is about to be drawn: an API call or a
 * redirect never computes a menu (this was a model advice run for every request, JSON
 * included). Exception handlers, which draw pages without a handler's model, call the
 * methods themselves.
 */
@Component
class LayoutAdvice implements HandlerInterceptor {

	private final List<NavigationItem> items;

	private final String regionName;

	LayoutAdvice(List<NavigationItem> items, RegionSettings region) {
		this.items = List.copyOf(items);
		this.regionName = region.name();
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page == null || page.getView() instanceof RedirectView || page.getViewName() != null
				&& (page.getViewName().startsWith("redirect:") || page.getViewName().startsWith("forward:"))) {
			return;
		}
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		var model = page.getModelMap();
		if (!model.containsAttribute("navigation")) {
			model.addAttribute("navigation", navigation(authentication));
		}
		if (!model.containsAttribute("currentUser")) {
			model.addAttribute("currentUser", currentUser(authentication));
		}
		model.addAttribute("regionName", regionName);
	}

	/** The menu for the request being answered. */
	NavigationMenu navigation(@Nullable Authentication authentication) {
		var path = "/";
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			var request = attributes.getRequest();
			path = request.getRequestURI().substring(request.getContextPath().length());
		}
		return NavigationMenu.of(visibleTo(authentication), path.isEmpty() ? "/" : path);
	}

	@Nullable HarmwatchUser currentUser(@Nullable Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof HarmwatchUser user ? user : null;
	}

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
