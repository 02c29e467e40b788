package org.harmwatch.agency;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmwatch.agency.internal.Agency;
import org.harmwatch.agency.internal.AgencyAudit;
import org.harmwatch.agency.internal.AgencyRepository;
import org.harmwatch.agency.internal.ApiClient;
import org.harmwatch.agency.internal.ApiClientAdministration;
import org.harmwatch.agency.internal.ApiClientRepository;
import org.harmwatch.agency.internal.Role;
import org.harmwatch.agency.internal.RoleAdministration;
import org.harmwatch.agency.internal.RoleRepository;
import org.harmwatch.agency.internal.Staff;
import org.harmwatch.agency.internal.StaffAdministration;
import org.harmwatch.agency.internal.StaffDirectory;
import org.harmwatch.agency.internal.StaffRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.SignInThrottle.AccountStatus;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

import static org.harmwatch.agency.internal.AdministrationRules.checkPurposeSet;
import static org.harmwatch.agency.internal.AdministrationRules.checkPurposes;
import static org.harmwatch.agency.internal.AdministrationRules.checkVersion;
import static org.harmwatch.agency.internal.AdministrationRules.notFound;
import static org.harmwatch.agency.internal.AdministrationRules.rejected;

/**
 * Agencies, staff, roles and API clients: what other modules may ask, and what
 * administrators may change.
 *
 * <p>
 * Every change checks the access rules (an agency's type limits the purposes its staff
 * may hold; a role never mixes health and policing) and is written to the audit log.
 * Reading a member of staff's details is audited too. Agencies are changed here; staff,
 * roles and API clients by the module's {@code StaffAdministration},
 * {@code RoleAdministration} and {@code ApiClientAdministration}, with the rules of
 * {@code AdministrationRules}.
 */
@Service
public class AgencyManagement {

	/**
	 * The shortest password an administrator may set: long passphrases beat complex short
	 * ones (NCSC, NIST 800-63B).
	 */
	public static final int MIN_PASSWORD_LENGTH = 12;

	/** The longest password accepted, so hashing cannot be made to work on megabytes. */
	public static final int MAX_PASSWORD_LENGTH = 128;

	private final AgencyRepository agencies;

	private final StaffRepository staff;

	private final RoleRepository roles;

	private final ApiClientRepository apiClients;

	private final StaffDirectory directory;

	private final AuditLog audit;

	private final StaffAdministration staffAdministration;

	private final RoleAdministration roleAdministration;

	private final ApiClientAdministration apiClientAdministration;

	AgencyManagement(AgencyRepository agencies, StaffRepository staff, RoleRepository roles,
			ApiClientRepository apiClients, StaffDirectory directory, AuditLog audit,
			StaffAdministration staffAdministration, RoleAdministration roleAdministration,
			ApiClientAdministration apiClientAdministration) {
		this.agencies = agencies;
		this.staff = staff;
		this.roles = roles;
		this.apiClients = apiClients;
		this.directory = directory;
		this.audit = audit;
		this.staffAdministration = staffAdministration;
		this.roleAdministration = roleAdministration;
		this.apiClientAdministration = apiClientAdministration;
	}

	// ---- For other modules

	@Transactional(readOnly = true)
	public List<AgencySummary> agencies() {
		return agencies.findAllByOrderByName().stream().map(Agency::summary).toList();
	}

	@Transactional(readOnly = true)
	public Optional<AgencySummary> agency(String code) {
		return agencies.findByCode(code).map(Agency::summary);
	}

	/**
	 * Who holds an action on a capability: usernames of enabled staff whose roles grant
	 * it, e.g. the expert panel ({@code EARLY_WARNING:APPROVE}).
	 */
	@Transactional(readOnly = true)
	public List<String> usernamesHolding(Capability capability, Action action) {
		return directory.usernamesHolding(capability.name(), action.name());
	}

	/**
	 * The active agencies, none of them law enforcement, that may hold data for the
	 * purpose and have staff who hold the action on the capability, by code with their
	 * names: e.g. the heroin-assisted treatment clinics a treatment worker may refer to.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> agenciesWhoseStaffHold(Capability capability, Action action, Purpose purpose) {
		var found = new TreeMap<String, String>();
		for (var username : usernamesHolding(capability, action)) {
			contact(username).flatMap(contact -> agency(contact.agencyCode()))
				.filter(agency -> agency.active() && !agency.type().lawEnforcement()
						&& agency.type().purposes().contains(purpose))
				.ifPresent(agency -> found.put(agency.code(), agency.name()));
		}
		return found;
	}

	/**
	 * Every enabled member of staff with their email, agency and roles, for delivering
	 * alerts to professionals by agency and role. Not audited per call: the caller (alert
	 * dissemination) logs each delivery it makes.
	 */
	public List<StaffContact> staffContacts() {
		return staffAdministration.staffContacts();
	}

	/**
	 * How to reach one enabled member of staff, by username (e.g. a panel member to
	 * remind).
	 */
	public Optional<StaffContact> contact(String username) {
		return staffAdministration.contact(username);
	}

	/** Role titles by role name, in title order, for other modules' choices. */
	public Map<String, String> roleTitles() {
		return roleAdministration.roleTitles();
	}

	// ---- Agencies

	@Transactional(readOnly = true)
	public Page<Agency> agencyPage(@Nullable AgencyType type, int page) {
		var request = PageRequest.of(Math.max(page, 1) - 1, 25, Sort.by("name"));
		return type == null ? agencies.findAll(request) : agencies.findByType(type, request);
	}

	@Transactional(readOnly = true)
	public Agency agencyByCode(String code) {
		return agencies.findByCode(code).orElseThrow(() -> notFound("agency", code));
	}

	@Transactional(readOnly = true)
	public long staffCount(Agency agency) {
		return staff.countByAgency(agency.id());
	}

	@Transactional
	public Agency createAgency(String code, String name, AgencyType type) {
		var normalised = code.trim().toUpperCase();
		if (agencies.findByCode(normalised).isPresent()) {
			throw rejected("code", "admin.agency.error.codeTaken", normalised);
		}
		var agency = agencies.save(Agency.create(normalised, name.trim(), type));
		audit.record(AgencyAudit.AGENCY_CREATED, "agency", agency.code(), null, Outcome.ALLOWED, type.name());
		return agency;
	}

	/**
	 * Changes an agency's name, type and whether it is active.
	 * @param expectedVersion the version the change was based on, or {@code null} to
	 * change whatever is there
	 * @throws ChangedMeanwhile if someone changed the agency since that version
	 */
	@Transactional
	public Agency changeAgency(String code, String name, AgencyType type, boolean active,
			@Nullable Integer expectedVersion) {
		var agency = agencyByCode(code);
		checkVersion(expectedVersion, agency.version(), "agency", code);
		if (type != agency.type()) {
			for (var member : staff.findAll()) {
				if (member.agencyId().equals(agency.id())) {
					checkPurposes(type, roles.findAllById(member.roleIds()), "type");
				}
			}
			// Its API clients are held to the same rule: a token must never hold what its
			// agency may not.
			for (var client : apiClients.findAll()) {
				if (client.agencyId().equals(agency.id()) && !client.revoked()) {
					checkPurposeSet(type, client.grants().stream().map(Grant::purpose).collect(Collectors.toSet()),
							"type",
							new DefaultMessageSourceResolvable(new String[] { "admin.error.purposeNotHeld.apiClient" },
									new Object[] { client.name() }));
				}
			}
		}
		agency.change(name.trim(), type, active);
		agencies.save(agency);
		audit.record(AgencyAudit.AGENCY_CHANGED, "agency", agency.code(), null, Outcome.ALLOWED,
				type.name() + (active ? "" : ", inactive"));
		return agency;
	}

	// ---- Staff

	public StaffDirectory.Page staffPage(@Nullable String text, @Nullable String agencyCode, @Nullable String roleName,
			int page) {
		return staffAdministration.staffPage(text, agencyCode, roleName, page);
	}

	public Staff staffMember(UUID id) {
		return staffAdministration.staffMember(id);
	}

	/**
	 * Checks that staff of an agency may hold these roles, without changing anything, so
	 * a form can report every problem at once.
	 * @throws InputRejectedException on the {@code roles} field if they may not
	 */
	public void checkRoles(String agencyCode, Collection<String> roleNames) {
		staffAdministration.checkRoles(agencyCode, roleNames);
	}

	public Staff createStaff(String username, String displayName, String email, String agencyCode,
			Collection<String> roleNames, @Nullable String initialPassword) {
		return staffAdministration.createStaff(username, displayName, email, agencyCode, roleNames, initialPassword);
	}

	/**
	 * Changes a member of staff's name, email, agency, roles and whether the account is
	 * enabled.
	 * @param expectedVersion the version the change was based on, or {@code null} to
	 * change whatever is there
	 * @throws ChangedMeanwhile if someone changed the account since that version
	 */
	public Staff changeStaff(UUID id, String displayName, String email, String agencyCode, Collection<String> roleNames,
			boolean enabled, @Nullable Integer expectedVersion) {
		return staffAdministration.changeStaff(id, displayName, email, agencyCode, roleNames, enabled, expectedVersion);
	}

	/** How failed sign-ins are slowing this member of staff's account, if they are. */
	public Optional<AccountStatus> signInStatus(Staff member) {
		return staffAdministration.signInStatus(member);
	}

	/**
	 * Forgets the failed sign-ins counted against the account, so attempts from anywhere
	 * are no longer slowed.
	 */
	public void clearSignInFailures(UUID id) {
		staffAdministration.clearSignInFailures(id);
	}

	public void setPassword(UUID id, String password) {
		staffAdministration.setPassword(id, password);
	}

	// ---- Roles

	public List<Role> roles() {
		return roleAdministration.roles();
	}

	public Role role(String name) {
		return roleAdministration.role(name);
	}

	public List<Role> rolesOf(Staff member) {
		return roleAdministration.rolesOf(member);
	}

	public Role createRole(String name, String title, String description, Collection<Grant> grants) {
		return roleAdministration.createRole(name, title, description, grants);
	}

	/**
	 * Changes a role's title, description and grants.
	 * @param expectedVersion the version the change was based on, or {@code null} to
	 * change whatever is there
	 * @throws ChangedMeanwhile if someone changed the role since that version
	 */
	public Role changeRole(String name, String title, String description, Collection<Grant> grants,
			@Nullable Integer expectedVersion) {
		return roleAdministration.changeRole(name, title, description, grants, expectedVersion);
	}

	// ---- API clients

	/** A newly issued client and its token, which is shown once and never stored. */
	public record IssuedToken(ApiClient client, String token) {
	}

	public List<ApiClient> apiClients() {
		return apiClientAdministration.apiClients();
	}

	public ApiClient apiClient(UUID id) {
		return apiClientAdministration.apiClient(id);
	}

	public IssuedToken issueApiClient(String name, String agencyCode, Collection<Grant> grants, String issuedBy) {
		return apiClientAdministration.issueApiClient(name, agencyCode, grants, issuedBy);
	}

	public void revokeApiClient(UUID id) {
		apiClientAdministration.revokeApiClient(id);
	}

	// ---- Counts for the admin pages (no personal data, so not audited)

	/** How much there is to administer. */
	public record Overview(long agencies, long activeAgencies, long staff, long roles, long apiClients,
			long activeApiClients) {
	}

	@Transactional(readOnly = true)
	public Overview overview() {
		var all = agencies.findAll();
		var clients = apiClients.findAll();
		return new Overview(all.size(), all.stream().filter(Agency::active).count(), staff.count(), roles.count(),
				clients.size(), clients.stream().filter(c -> !c.revoked()).count());
	}

	/** How many staff each agency has, by agency id. */
	@Transactional(readOnly = true)
	public Map<UUID, Long> staffPerAgency() {
		return directory.countByAgency();
	}

	/** How many staff hold each role, by role id. */
	@Transactional(readOnly = true)
	public Map<UUID, Long> holdersPerRole() {
		return directory.countByRole();
	}

	/** Agency names by id, for lists. */
	@Transactional(readOnly = true)
	public Map<UUID, Agency> agenciesById() {
		return agencies.findAll().stream().collect(Collectors.toMap(Agency::id, a -> a));
	}

	/**
	 * Thrown when a change was based on a version of a record that someone else has
	 * changed since.
	 */
	@ResponseStatus(HttpStatus.CONFLICT)
	public static class ChangedMeanwhile extends RuntimeException {

		public ChangedMeanwhile(String kind, String id) {
			super("The " + kind + " " + id + " was changed by someone else in the meantime.");
		}

	}

}
