package org.harmwatch.agency.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.shared.Grant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.harmwatch.agency.internal.AdministrationRules.checkPurposes;
import static org.harmwatch.agency.internal.AdministrationRules.checkVersion;
import static org.harmwatch.agency.internal.AdministrationRules.describe;
import static org.harmwatch.agency.internal.AdministrationRules.notFound;
import static org.harmwatch.agency.internal.AdministrationRules.rejected;

/**
 * Roles and their grants, behind {@link org.harmwatch.agency.AgencyManagement}: a change
 * to a role is refused if anyone holding it would then hold what their agency may not.
 */
@Service
public class RoleAdministration {

	private final RoleRepository roles;

	private final StaffRepository staff;

	private final AgencyRepository agencies;

	private final AuditLog audit;

	RoleAdministration(RoleRepository roles, StaffRepository staff, AgencyRepository agencies, AuditLog audit) {
		this.roles = roles;
		this.staff = staff;
		this.agencies = agencies;
		this.audit = audit;
	}

	/** Role titles by role name, in title order, for other modules' choices. */
	@Transactional(readOnly = true)
	public Map<String, String> roleTitles() {
		var titles = new LinkedHashMap<String, String>();
		roles.findAllByOrderByTitle().forEach(role -> titles.put(role.name(), role.title()));
		return titles;
	}

	@Transactional(readOnly = true)
	public List<Role> roles() {
		return roles.findAllByOrderByTitle();
	}

	@Transactional(readOnly = true)
	public Role role(String name) {
		return roles.findByName(name).orElseThrow(() -> notFound("role", name));
	}

	@Transactional(readOnly = true)
	public List<Role> rolesOf(Staff member) {
		return roles.findAllById(member.roleIds());
	}

	/**
	 * The roles of these names.
	 * @throws org.harmwatch.platform.InputRejectedException on the {@code roles} field
	 * for a name no role has
	 */
	@Transactional(readOnly = true)
	public List<Role> rolesNamed(Collection<String> names) {
		return names.stream()
			.map(name -> roles.findByName(name)
				.orElseThrow(() -> rejected("roles", "admin.staff.error.noSuchRole", name)))
			.toList();
	}

	@Transactional
	public Role createRole(String name, String title, String description, Collection<Grant> grants) {
		var normalised = name.trim().toUpperCase().replaceAll("[^A-Z0-9]+", "_");
		if (roles.findByName(normalised).isPresent()) {
			throw rejected("name", "admin.role.error.nameTaken", normalised);
		}
		var role = Role.create(normalised, title.trim(), description.trim(), grants);
		roles.save(role);
		audit.record(AgencyAudit.ROLE_CREATED, "role", role.name(), null, Outcome.ALLOWED, describe(grants));
		return role;
	}

	/** See {@link org.harmwatch.agency.AgencyManagement#changeRole}. */
	@Transactional
	public Role changeRole(String name, String title, String description, Collection<Grant> grants,
			@Nullable Integer expectedVersion) {
		var role = role(name);
		checkVersion(expectedVersion, role.version(), "role", name);
		role.change(title.trim(), description.trim(), grants);
		// Everyone who holds the role must still be allowed its purposes, together with
		// their other roles.
		for (var member : staff.findAll()) {
			if (member.roleIds().contains(role.id())) {
				var agency = agencies.findById(member.agencyId()).orElseThrow();
				var held = new ArrayList<Role>();
				held.add(role);
				roles.findAllById(member.roleIds()).stream().filter(r -> !r.id().equals(role.id())).forEach(held::add);
				checkPurposes(agency.type(), held, "grants");
			}
		}
		roles.save(role);
		audit.record(AgencyAudit.ROLE_CHANGED, "role", role.name(), null, Outcome.ALLOWED, describe(grants));
		return role;
	}

}
