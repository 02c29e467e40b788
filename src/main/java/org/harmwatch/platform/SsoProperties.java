package org.harmwatch.platform;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on settings: which OIDC registration to offer, and which claim names a
 * member of staff.
 *
 * @param registrationId the Spring client registration to offer on the sign-in page
 * ({@code sso}); none for no SSO
 * @param label the provider's name on the sign-in button
 * @param matchClaim the ID-token claim compared with staff e-mail addresses; never
 * {@code preferred_username}, which providers neither verify nor keep unique (OIDC Core
 * §5.7)
 * @param requireVerified whether the token must also say the claim is verified
 * ({@code <claim>_verified: true}, as {@code email_verified}); false only for a claim the
 * provider itself guarantees, such as a directory's own address
 * @param retryInterval how often to ask an unreachable provider for its discovery
 * document again
 */
@ConfigurationProperties("harmwatch.sso")
public record SsoProperties(@Nullable String registrationId, @DefaultValue("your organisation") String label,
		@DefaultValue("email") String matchClaim, @DefaultValue("true") boolean requireVerified,
		@DefaultValue("30s") Duration retryInterval) {

	public SsoProperties {
		if (matchClaim.isBlank() || "preferred_username".equals(matchClaim) || "name".equals(matchClaim)
				|| "nickname".equals(matchClaim)) {
			throw new IllegalArgumentException("harmwatch.sso.match-claim must name a claim the provider verifies, "
					+ "such as email; '" + matchClaim + "' can be chosen by the user (OIDC Core 5.7)");
		}
		if (registrationId != null && registrationId.isBlank()) {
			registrationId = null;
		}
	}

	/**
	 * The claim that says whether {@link #matchClaim()} is verified, by the OIDC
	 * convention.
	 */
	public String verifiedClaim() {
		return matchClaim + "_verified";
	}

}
