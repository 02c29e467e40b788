package org.harmwatch.platform;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in member of staff or API client, with the agency they act for and what their
 * roles grant.
 *
 * <p>
 * Kept in the session, so it holds values only. What a user may do follows from their
 * grants <em>and</em> their agency: a grant counts only for a purpose the agency's type
 * may hold, and whether the user is law enforcement is the agency type's to say
 * ({@link #lawEnforcement()}), never the grants'.
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

	private final AgencyType agencyType;

	private final List<String> roleNames;

	private final Set<Grant> grants;

	private final boolean enabled;

	private final boolean locked;

	public HarmwatchUser(UUID id, String username, @Nullable String passwordHash, String displayName, String agencyCode,
			String agencyName, AgencyType agencyType, List<String> roleNames, Set<Grant> grants, boolean enabled,
			boolean locked) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.agencyCode = agencyCode;
		this.agencyName = agencyName;
		this.agencyType = agencyType;
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

	public AgencyType agencyType() {
		return agencyType;
	}

	/**
	 * Whether this user acts for a law-enforcement agency (police, prison, probation),
	 * whatever their grants.
	 */
	public boolean lawEnforcement() {
		return agencyType.lawEnforcement();
	}

	public List<String> roleNames() {
		return roleNames;
	}

	public Set<Grant> grants() {
		return grants;
	}

	/**
	 * Whether a grant allows this action on this capability for records held for exactly
	 * this purpose, and the user's agency may hold records for it. A grant the agency's
	 * type may not hold (left over from a change of type, or put in the database by hand)
	 * counts for nothing.
	 */
	public boolean may(Capability capability, Action action, Purpose purpose) {
		return agencyType.purposes().contains(purpose) && grants.contains(new Grant(capability, action, purpose));
	}

	/**
	 * Forgets the password hash once sign-in has checked it, so it never reaches the
	 * session store.
	 */
	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		var authorities = new java.util.ArrayList<GrantedAuthority>();
		roleNames.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
		grants.stream()
			.filter(g -> agencyType.purposes().contains(g.purpose()))
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
