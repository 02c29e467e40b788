package org.harmwatch.agency.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A named set of grants given to staff, such as "custody officer".
 *
 * <p>
 * A role never grants both health and policing purposes.
 */
@Table(schema = "agency", name = "role")
public class Role {

	@Id
	private final UUID id;

	private final String name;

	private String title;

	private String description;

	@MappedCollection(idColumn = "role")
	private Set<RoleGrant> grants;

	@Version
	private @Nullable Integer version;

	@PersistenceCreator
	Role(UUID id, String name, String title, String description, Set<RoleGrant> grants, @Nullable Integer version) {
		this.id = id;
		this.name = name;
		this.title = title;
		this.description = description;
		this.grants = new HashSet<>(grants);
		this.version = version;
	}

	public static Role create(String name, String title, String description, Collection<Grant> grants) {
		var role = new Role(UUID.randomUUID(), name, title, description, Set.of(), null);
		role.change(title, description, grants);
		return role;
	}

	/**
	 * Replaces title, description and grants, refusing a mix of health and policing
	 * purposes and a purpose the capability holds no records for.
	 * @throws InputRejectedException on the {@code grants} field
	 */
	public void change(String title, String description, Collection<Grant> newGrants) {
		for (var grant : newGrants) {
			if (!grant.capability().purposes().contains(grant.purpose())) {
				throw new InputRejectedException(FieldProblem.of("grants", "admin.role.error.grantNotHeld",
						grant.capability(), grant.purpose()));
			}
		}
		var purposes = newGrants.stream().map(Grant::purpose).collect(Collectors.toSet());
		for (var purpose : purposes) {
			for (var other : purposes) {
				if (purpose.conflictsWith(other)) {
					throw new InputRejectedException(FieldProblem.of("grants", "admin.role.error.healthAndPolicing"));
				}
			}
		}
		this.title = title;
		this.description = description;
		this.grants = newGrants.stream().map(RoleGrant::of).collect(Collectors.toCollection(HashSet::new));
	}

	public Set<Grant> grants() {
		return grants.stream().map(RoleGrant::grant).collect(Collectors.toSet());
	}

	public Set<Purpose> purposes() {
		return grants.stream().map(RoleGrant::purpose).collect(Collectors.toSet());
	}

	public UUID id() {
		return id;
	}

	public String name() {
		return name;
	}

	public String title() {
		return title;
	}

	public String description() {
		return description;
	}

	public @Nullable Integer version() {
		return version;
	}

}
