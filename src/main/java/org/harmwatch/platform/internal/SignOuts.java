package org.harmwatch.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.HarmwatchOidcUser;
import org.harmwatch.platform.HarmwatchUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Ends sessions on sign-out and audits each one as {@code SIGNED_OUT}: those the person
 * ends from Harmwatch, and those their single sign-on provider ends by back-channel
 * logout.
 */
final class SignOuts {

	private SignOuts() {
	}

	/**
	 * Audits a sign-out from Harmwatch's own sign-out button, and forgets the session's
	 * link to the provider.
	 */
	static LogoutHandler fromHarmwatch(AuditLog audit, @Nullable OidcSessionRegistry links) {
		return (request, response, authentication) -> {
			var session = request.getSession(false);
			if (links != null && session != null) {
				links.removeSessionInformation(session.getId());
			}
			if (authentication != null && authentication.getPrincipal() instanceof HarmwatchUser user) {
				audit.recordFor(user.getUsername(), user.agencyCode(), PlatformAudit.SIGNED_OUT, "staff",
						user.id().toString(), null, Outcome.ALLOWED,
						HarmwatchOidcUser.signInMethod(user) + " ended by the user");
			}
		};
	}

	/**
	 * Ends the sessions a provider's validated logout token names, in the shared session
	 * store (so on every instance), and audits each.
	 */
	static <S extends Session> LogoutHandler fromProvider(OidcSessionRegistry links, SessionRepository<S> sessions,
			AuditLog audit) {
		return new LogoutHandler() {

			@Override
			public void logout(HttpServletRequest request, HttpServletResponse response,
					@Nullable Authentication authentication) {
				if (authentication == null || !(authentication.getPrincipal() instanceof OidcLogoutToken token)) {
					return;
				}
				for (var link : links.removeSessionInformation(token)) {
					var session = sessions.findById(link.getSessionId());
					if (session == null) {
						continue;
					}
					var user = signedIn(session);
					sessions.deleteById(link.getSessionId());
					var detail = "method=sso issuer=" + token.getIssuer() + " subject="
							+ link.getPrincipal().getSubject() + " ended by the provider (back-channel logout)";
					if (user != null) {
						audit.recordFor(user.getUsername(), user.agencyCode(), PlatformAudit.SIGNED_OUT, "staff",
								user.id().toString(), null, Outcome.ALLOWED, detail);
					}
					else {
						audit.recordFor("anonymous", null, PlatformAudit.SIGNED_OUT, "staff", null, null,
								Outcome.ALLOWED, detail);
					}
				}
			}

			private @Nullable HarmwatchUser signedIn(S session) {
				Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
				return context instanceof SecurityContext stored && stored.getAuthentication() != null
						&& stored.getAuthentication().getPrincipal() instanceof HarmwatchUser user ? user : null;
			}

		};
	}

}
