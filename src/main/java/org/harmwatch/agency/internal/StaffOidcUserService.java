package org.harmwatch.agency.internal;

import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.HarmwatchOidcUser;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * Single sign-on: the agency's identity provider vouches for the person, and their Harmwatch staff record (matched by
 * e-mail address) says what they may do.
 *
 * <p>Nobody gets in by SSO without an enabled, unlocked staff record, nor with an address the provider says it has not
 * verified; every refusal is audited as {@code SSO_SIGN_IN_REFUSED}.
 */
@Service
class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();

	private final StaffRepository staff;

	private final StaffAccounts accounts;

	private final AuditLog audit;

	StaffOidcUserService(StaffRepository staff, StaffAccounts accounts, AuditLog audit) {
		this.staff = staff;
		this.accounts = accounts;
		this.audit = audit;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		var identity = delegate.loadUser(request);
		var email = identity.getEmail() != null ? identity.getEmail() : identity.getPreferredUsername();
		if (identity.getEmail() != null && Boolean.FALSE.equals(identity.getEmailVerified())) {
			// Some providers let people type any address; an unverified one must not open someone else's account.
			audit.recordFor(email, null, "SSO_SIGN_IN_REFUSED", "staff", null, null, Outcome.DENIED,
					"the identity provider has not verified this e-mail address");
			throw new OAuth2AuthenticationException(new OAuth2Error("email_not_verified",
					"Your identity provider has not verified the e-mail address " + email, null));
		}
		var member = email == null ? null : staff.findByEmailIgnoringCase(email).orElse(null);
		if (member == null) {
			audit.recordFor(String.valueOf(email), null, "SSO_SIGN_IN_REFUSED", "staff", null, null, Outcome.DENIED,
					"no staff record for this identity");
			throw new OAuth2AuthenticationException(new OAuth2Error("unknown_staff",
					"Your identity provider signed you in, but Harmwatch has no staff account for " + email, null));
		}
		var user = accounts.toUser(member);
		if (!user.isEnabled() || !user.isAccountNonLocked()) {
			var reason = !member.enabled() ? "account disabled"
					: !user.isEnabled() ? "agency inactive" : "account locked";
			audit.recordFor(member.username(), user.agencyCode(), "SSO_SIGN_IN_REFUSED", "staff", member.id().toString(),
					null, Outcome.DENIED, reason);
			throw new OAuth2AuthenticationException(new OAuth2Error("account_unavailable",
					"This Harmwatch account is disabled or locked.", null));
		}
		return new HarmwatchOidcUser(user, identity.getIdToken(), identity.getUserInfo());
	}

}
