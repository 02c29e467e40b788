package org.harmwatch.platform;

import java.io.Serial;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A member of staff who signed in through their agency's single sign-on.
 *
 * <p>
 * The identity provider says who they are; Harmwatch's own staff record says what they
 * may do.
 */
public class HarmwatchOidcUser extends HarmwatchUser implements OidcUser {

	@Serial
	private static final long serialVersionUID = 1L;

	private final OidcIdToken idToken;

	private final @Nullable OidcUserInfo userInfo;

	public HarmwatchOidcUser(HarmwatchUser staff, OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
		super(staff.id(), staff.getUsername(), null, staff.displayName(), staff.agencyCode(), staff.agencyName(),
				staff.agencyType(), staff.roleNames(), staff.grants(), staff.isEnabled(), !staff.isAccountNonLocked());
		this.idToken = idToken;
		this.userInfo = userInfo;
	}

	@Override
	public Map<String, Object> getClaims() {
		return idToken.getClaims();
	}

	@Override
	public @Nullable OidcUserInfo getUserInfo() {
		return userInfo;
	}

	@Override
	public OidcIdToken getIdToken() {
		return idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return idToken.getClaims();
	}

	@Override
	public String getName() {
		return getUsername();
	}

	/**
	 * How someone proved who they are, for the audit log: {@code method=password}, or
	 * {@code method=sso} with the provider (issuer) and its subject identifier, which
	 * stay the same when the person's e-mail address changes.
	 */
	public static String signInMethod(HarmwatchUser user) {
		if (user instanceof HarmwatchOidcUser sso) {
			return "method=sso issuer=" + sso.getIssuer() + " subject=" + sso.getSubject();
		}
		return "method=password";
	}

}
