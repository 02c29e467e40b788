package org.harmwatch.agency.internal;

import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.HarmwatchOidcUser;
import org.harmwatch.platform.SsoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * Single sign-on: the agency's identity provider vouches for the person, and their
 * Harmwatch staff record (matched by a verified e-mail address) says what they may do.
 *
 * <p>
 * The match uses one claim ({@code harmwatch.sso.match-claim}, {@code email} by default),
 * and only when the token says the provider verified it ({@code email_verified: true})
 * unless the operator declared the claim verified
 * ({@code harmwatch.sso.require-verified=false}). {@code preferred_username} is never
 * used: providers let people choose it and do not keep it unique (OIDC Core §5.7). Nobody
 * gets in without an enabled, unlocked staff record; every refusal is audited as
 * {@code SSO_SIGN_IN_REFUSED}.
 */
@Service
class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();

	private final StaffRepository staff;

	private final StaffAccounts accounts;

	private final AuditLog audit;

	private final SsoProperties sso;

	StaffOidcUserService(StaffRepository staff, StaffAccounts accounts, AuditLog audit, SsoProperties sso) {
		this.staff = staff;
		this.accounts = accounts;
		this.audit = audit;
		this.sso = sso;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		var identity = delegate.loadUser(request);
		var issuer = String.valueOf(identity.getIssuer());
		var claims = identity.getClaims();
		var address = claims.get(sso.matchClaim()) instanceof String value && !value.isBlank() ? value.strip() : null;
		if (address == null) {
			// Whoever the provider says this is, without the claim we match on there is
			// nobody to match.
			throw refused("subject " + identity.getSubject() + " at " + issuer, null, null,
					"the identity provider sent no " + sso.matchClaim() + " claim", "no_" + sso.matchClaim(),
					"Your identity provider did not tell Harmwatch your e-mail address.");
		}
		if (sso.requireVerified() && !isTrue(claims.get(sso.verifiedClaim()))) {
			// Some providers let people type any address; an unverified one must not open
			// someone else's account.
			throw refused(address, null, null,
					"the identity provider has not verified this address (" + sso.verifiedClaim() + " is "
							+ claims.get(sso.verifiedClaim()) + ")",
					"email_not_verified", "Your identity provider has not verified the e-mail address " + address);
		}
		var member = staff.findByEmailIgnoringCase(address).orElse(null);
		if (member == null) {
			throw refused(address, null, null, "no staff record for this identity", "unknown_staff",
					"Your identity provider signed you in, but Harmwatch has no staff account for " + address);
		}
		var user = accounts.toUser(member);
		if (!user.isEnabled() || !user.isAccountNonLocked()) {
			var reason = !member.enabled() ? "account disabled"
					: !user.isEnabled() ? "agency inactive" : "account locked";
			throw refused(member.username(), user.agencyCode(), member.id().toString(), reason, "account_unavailable",
					"This Harmwatch account is disabled or locked.");
		}
		return new HarmwatchOidcUser(user, identity.getIdToken(), identity.getUserInfo());
	}

	private OAuth2AuthenticationException refused(String actor, @Nullable String agency, @Nullable String staffId,
			String reason, String code, String message) {
		audit.recordFor(actor, agency, AgencyAudit.SSO_SIGN_IN_REFUSED, "staff", staffId, null, Outcome.DENIED, reason);
		return new OAuth2AuthenticationException(new OAuth2Error(code, message, null));
	}

	/**
	 * Providers send {@code true}; a few send the string. Anything else, or nothing, is
	 * not verified.
	 */
	private static boolean isTrue(@Nullable Object claim) {
		return Boolean.TRUE.equals(claim) || "true".equals(claim);
	}

}
