package org.harmwatch.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links single sign-on sessions at the provider to Harmwatch sessions, in PostgreSQL
 * beside the sessions themselves.
 *
 * <p>
 * Spring Security's default registry is a map in one instance's memory; a back-channel
 * logout that reaches another instance would find nothing there. Spring Security
 * registers each SSO sign-in here and moves the link when the session id changes at
 * sign-in. Links whose session has gone (signed out, timed out) are swept at the next
 * sign-in, once they are a minute old, so that a link made in a request whose session is
 * not yet stored survives.
 */
class JdbcOidcSessionRegistry implements OidcSessionRegistry {

	private final JdbcClient jdbc;

	JdbcOidcSessionRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void saveSessionInformation(OidcSessionInformation info) {
		var user = info.getPrincipal();
		var audience = user.getIdToken().getAudience();
		jdbc.sql("""
				DELETE FROM platform.oidc_session o WHERE created_at < now() - interval '1 minute'
				AND NOT EXISTS (SELECT 1 FROM spring_session s WHERE s.session_id = o.session_id)""").update();
		jdbc.sql("""
				INSERT INTO platform.oidc_session (session_id, issuer, subject, provider_sid, client_id)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (session_id) DO UPDATE SET issuer = EXCLUDED.issuer, subject = EXCLUDED.subject,
				provider_sid = EXCLUDED.provider_sid, client_id = EXCLUDED.client_id""")
			.params(info.getSessionId(), String.valueOf(user.getIssuer()), user.getSubject(),
					user.getIdToken().getClaimAsString("sid"),
					audience == null || audience.isEmpty() ? "" : audience.getFirst())
			.update();
	}

	@Override
	@Transactional
	public @Nullable OidcSessionInformation removeSessionInformation(String clientSessionId) {
		return jdbc.sql("DELETE FROM platform.oidc_session WHERE session_id = ? RETURNING *")
			.param(clientSessionId)
			.query(JdbcOidcSessionRegistry::information)
			.optional()
			.orElse(null);
	}

	/**
	 * The sessions the logout token names: by the provider's session id when it sends
	 * one, else all of the subject's.
	 */
	@Override
	@Transactional
	public Iterable<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
		var issuer = String.valueOf(token.getIssuer());
		List<String> audience = token.getAudience() == null ? List.of() : token.getAudience();
		var removed = token.getSessionId() != null
				? jdbc.sql("DELETE FROM platform.oidc_session WHERE issuer = ? AND provider_sid = ? RETURNING *")
					.params(issuer, token.getSessionId())
				: jdbc.sql("DELETE FROM platform.oidc_session WHERE issuer = ? AND subject = ? RETURNING *")
					.params(issuer, token.getSubject());
		var found = removed.query(JdbcOidcSessionRegistry::information).list();
		// A token for another client of the same provider does not end our sessions.
		var ours = found.stream().filter(info -> audience.contains(clientId(info))).toList();
		found.stream().filter(info -> !ours.contains(info)).forEach(this::saveSessionInformation);
		return ours;
	}

	private static String clientId(OidcSessionInformation info) {
		var audience = info.getPrincipal().getIdToken().getAudience();
		return audience == null || audience.isEmpty() ? "" : audience.getFirst();
	}

	/**
	 * What Spring Security needs of a link: the session, and who at which provider it
	 * belongs to.
	 */
	private static OidcSessionInformation information(ResultSet row, int n) throws SQLException {
		Map<String, Object> claims = new HashMap<>();
		claims.put(IdTokenClaimNames.ISS, row.getString("issuer"));
		claims.put(IdTokenClaimNames.SUB, row.getString("subject"));
		claims.put(IdTokenClaimNames.AUD, List.of(row.getString("client_id")));
		if (row.getString("provider_sid") != null) {
			claims.put("sid", row.getString("provider_sid"));
		}
		var idToken = new OidcIdToken("stored-link", null, null, claims);
		return new OidcSessionInformation(row.getString("session_id"), Map.of(),
				new DefaultOidcUser(List.of(), idToken));
	}

}
