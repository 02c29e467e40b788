package org.harmwatch.platform;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in member of staff or API client, with the agency they act for and what their roles grant.
 *
 * <p>Kept in the session, so it holds values only.
 */
public class HarmwatchUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID id;

	private final String username;

	private @Nullable String passwordHash;

	private final String displayName;

	private final String agencyCode;

	private final String agencyName;

	private final List<String> roleNames;

	private final Set<Grant> grants;

	private final boolean enabled;

	private final boolean locked;

	public HarmwatchUser(UUID id, String username, @Nullable String passwordHash, String displayName, String agencyCode,
			String agencyName, List<String> roleNames, Set<Grant> grants, boolean enabled, boolean locked) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.agencyCode = agencyCode;
		this.agencyName = agencyName;
		this.roleNames = List.copyOf(roleNames);
		this.grants = Set.copyOf(grants);
		this.enabled = enabled;
		this.locked = locked;
	}

	public UUID id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public String agencyCode() {
		return agencyCode;
	}

	public String agencyName() {
		return agencyName;
	}

	public List<String> roleNames() {
		return roleNames;
	}

	public Set<Grant> grants() {
		return grants;
	}

	/** Whether a grant allows this action on this capability for records held for this purpose. */
	public boolean may(Capability capability, Action action, Purpose purpose) {
		return grants.stream()
			.anyMatch(g -> g.capability() == capability && g.action() == action
					&& (g.purpose() == null || g.purpose() == purpose));
	}

	/** Forgets the password hash once sign-in has checked it, so it never reaches the session store. */
	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		var authorities = new java.util.ArrayList<GrantedAuthority>();
		roleNames.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
		grants.stream()
			.flatMap(g -> g.authorities().stream())
			.distinct()
			.forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
		return authorities;
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public String toString() {
		return username + " (" + agencyCode + ")";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof HarmwatchUser that && this.id.equals(that.id);
	}

	@Override
	public int hashCode() {
		return id.hashCode();
	}

}
