package org.harmwatch.agency.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who signs in to Harmwatch on behalf of one agency.
 *
 * <p>
 * Failed sign-ins never lock the account (anyone could lock anyone out); the platform's
 * sign-in throttle slows the clients that send them instead.
 */
@Table(schema = "agency", name = "staff")
public class Staff {

	@Id
	private final UUID id;

	private final String username;

	private String displayName;

	private String email;

	private AggregateReference<Agency, UUID> agency;

	private @Nullable String passwordHash;

	private boolean enabled;

	private @Nullable Instant lastSignIn;

	private final Instant createdAt;

	@MappedCollection(idColumn = "staff")
	private Set<StaffRole> roles;

	@Version
	private @Nullable Integer version;

	@PersistenceCreator
	Staff(UUID id, String username, String displayName, String email, AggregateReference<Agency, UUID> agency,
			@Nullable String passwordHash, boolean enabled, @Nullable Instant lastSignIn, Instant createdAt,
			Set<StaffRole> roles, @Nullable Integer version) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.agency = agency;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.lastSignIn = lastSignIn;
		this.createdAt = createdAt;
		this.roles = new HashSet<>(roles);
		this.version = version;
	}

	public static Staff create(String username, String displayName, String email, UUID agencyId,
			@Nullable String passwordHash, Collection<UUID> roleIds, Instant now) {
		var staff = new Staff(UUID.randomUUID(), username, displayName, email, AggregateReference.to(agencyId),
				passwordHash, true, null, now, Set.of(), null);
		staff.assignRoles(roleIds);
		return staff;
	}

	public void change(String displayName, String email, UUID agencyId, boolean enabled) {
		this.displayName = displayName;
		this.email = email;
		this.agency = AggregateReference.to(agencyId);
		this.enabled = enabled;
	}

	public void assignRoles(Collection<UUID> roleIds) {
		this.roles = roleIds.stream().map(StaffRole::of).collect(Collectors.toCollection(HashSet::new));
	}

	public void changePassword(String newHash) {
		this.passwordHash = newHash;
	}

	public void signedIn(Instant now) {
		lastSignIn = now;
	}

	public Set<UUID> roleIds() {
		return roles.stream().map(r -> r.role().getId()).collect(Collectors.toSet());
	}

	public UUID id() {
		return id;
	}

	public String username() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	public String email() {
		return email;
	}

	public UUID agencyId() {
		return agency.getId();
	}

	public @Nullable String passwordHash() {
		return passwordHash;
	}

	public boolean enabled() {
		return enabled;
	}

	public @Nullable Instant lastSignIn() {
		return lastSignIn;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable Integer version() {
		return version;
	}

}
