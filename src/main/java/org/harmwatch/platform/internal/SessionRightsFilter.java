package org.harmwatch.platform.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.CurrentUsers;
import org.harmwatch.platform.HarmwatchOidcUser;
import org.harmwatch.platform.HarmwatchUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies changes to a signed-in person's account on their next request, instead of when
 * their session idles out.
 *
 * <p>
 * The session keeps a copy of the user taken at sign-in. On every request a session
 * authenticates, this filter asks {@link CurrentUsers} for the user as they stand now. If
 * they may no longer act (account gone or disabled, agency inactive) the session is ended
 * and audited as {@code SESSION_ENDED}, and the request goes on anonymous, so it gets the
 * usual sign-in redirect or 401. If their agency, roles or grants changed, the session's
 * authentication is replaced (audited as {@code SESSION_REFRESHED}), so authorisation on
 * this very request already sees the new rights. A single sign-on user keeps their OIDC
 * principal (ID token and all), with fresh rights inside. Bearer tokens need none of
 * this: they are looked up afresh on every request.
 */
class SessionRightsFilter extends OncePerRequestFilter {

	static final String ENDED_REASON = "account disabled / agency deactivated";

	/**
	 * Static files carry no data and need no rights; checking them would cost a query per
	 * image and stylesheet.
	 */
	private static final List<String> STATIC_PATHS = List.of("/assets/", "/webjars/", "/css/", "/js/", "/images/",
			"/favicon.ico");

	private final CurrentUsers users;

	private final AuditLog audit;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	/**
	 * The same places Spring Security keeps a context by default: the request (for later
	 * dispatches), the session.
	 */
	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	SessionRightsFilter(CurrentUsers users, AuditLog audit) {
		this.users = users;
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		return STATIC_PATHS.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var session = request.getSession(false);
		if (session != null && session.getAttribute(
				HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext stored
				&& stored.getAuthentication() instanceof Authentication authentication
				&& authentication.getPrincipal() instanceof HarmwatchUser signedIn) {
			var current = users.current(signedIn);
			if (current.isEmpty()) {
				end(session, signedIn, request, response);
			}
			else if (current.get() != signedIn) {
				refresh(authentication, signedIn, current.get(), request, response);
			}
		}
		chain.doFilter(request, response);
	}

	private void end(HttpSession session, HarmwatchUser signedIn, HttpServletRequest request,
			HttpServletResponse response) {
		session.invalidate();
		var anonymous = holder.createEmptyContext();
		holder.setContext(anonymous);
		contexts.saveContext(anonymous, request, response);
		audit.recordFor(signedIn.getUsername(), signedIn.agencyCode(), PlatformAudit.SESSION_ENDED, "staff",
				signedIn.id().toString(), null, Outcome.DENIED, ENDED_REASON);
	}

	private void refresh(Authentication authentication, HarmwatchUser signedIn, HarmwatchUser fresh,
			HttpServletRequest request, HttpServletResponse response) {
		Object principal = authentication.getPrincipal() instanceof HarmwatchOidcUser sso
				? new HarmwatchOidcUser(fresh, sso.getIdToken(), sso.getUserInfo()) : fresh;
		// Authorities that did not come from the user (such as how they proved who they
		// are) stay as they were.
		Set<String> fromUser = signedIn.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		var refreshed = authentication.toBuilder().principal(principal).authorities(authorities -> {
			authorities.removeIf(authority -> fromUser.contains(authority.getAuthority()));
			authorities.addAll(fresh.getAuthorities());
		}).build();
		var context = holder.createEmptyContext();
		context.setAuthentication(refreshed);
		holder.setContext(context);
		contexts.saveContext(context, request, response);
		audit.recordFor(fresh.getUsername(), fresh.agencyCode(), PlatformAudit.SESSION_REFRESHED, "staff",
				fresh.id().toString(), null, Outcome.ALLOWED,
				"account changed: agency=" + fresh.agencyCode() + ", roles=" + fresh.roleNames());
	}

}
