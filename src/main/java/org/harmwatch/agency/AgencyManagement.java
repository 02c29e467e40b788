package org.harmwatch.agency;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmwatch.agency.internal.Agency;
import org.harmwatch.agency.internal.AgencyAudit;
import org.harmwatch.agency.internal.AgencyRepository;
import org.harmwatch.agency.internal.ApiClient;
import org.harmwatch.agency.internal.ApiClientRepository;
import org.harmwatch.agency.internal.ApiTokens;
import org.harmwatch.agency.internal.PasswordRules;
import org.harmwatch.agency.internal.Role;
import org.harmwatch.agency.internal.RoleRepository;
import org.harmwatch.agency.internal.Staff;
import org.harmwatch.agency.internal.StaffDirectory;
import org.harmwatch.agency.internal.StaffRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.SignInThrottle;
import org.harmwatch.platform.SignInThrottle.AccountStatus;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agencies, staff, roles and API clients: what other modules may ask, and what
 * administrators may change.
 *
 * <p>
 * Every change checks the access rules (an agency's type limits the purposes its staff
 * may hold; a role never mixes health and policing) and is written to the audit log.
 * Reading a member of staff's details is audited too.
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

	private final ApiTokens tokens;

	private final StaffDirectory directory;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	private final SignInThrottle throttle;

	private final PasswordRules passwordRules;

	AgencyManagement(AgencyRepository agencies, StaffRepository staff, RoleRepository roles,
			ApiClientRepository apiClients, ApiTokens tokens, StaffDirectory directory, PasswordEncoder passwords,
			AuditLog audit, Clock clock, SignInThrottle throttle, PasswordRules passwordRules) {
		this.agencies = agencies;
		this.staff = staff;
		this.roles = roles;
		this.apiClients = apiClients;
		this.tokens = tokens;
		this.directory = directory;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
		this.throttle = throttle;
		this.passwordRules = passwordRules;
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
	 * Every enabled member of staff with their email, agency and roles, for delivering
	 * alerts to professionals by agency and role. Not audited per call: the caller (alert
	 * dissemination) logs each delivery it makes.
	 */
	@Transactional(readOnly = true)
	public List<StaffContact> staffContacts() {
		var agencyCodes = agencies.findAll().stream().collect(Collectors.toMap(Agency::id, Agency::code));
		var roleNames = roles.findAll().stream().collect(Collectors.toMap(Role::id, Role::name));
		return staff.findAll()
			.stream()
			.filter(Staff::enabled)
			.map(s -> new StaffContact(s.id(), s.displayName(), s.email(), agencyCodes.get(s.agencyId()),
					s.roleIds().stream().map(roleNames::get).collect(Collectors.toUnmodifiableSet())))
			.toList();
	}

	/**
	 * How to reach one enabled member of staff, by username (e.g. a panel member to
	 * remind).
	 */
	@Transactional(readOnly = true)
	public Optional<StaffContact> contact(String username) {
		return staff.findByUsernameIgnoringCase(username)
			.filter(Staff::enabled)
			.map(s -> new StaffContact(s.id(), s.displayName(), s.email(),
					agencies.findById(s.agencyId()).map(Agency::code).orElse(null),
					s.roleIds()
						.stream()
						.map(id -> roles.findById(id).map(Role::name).orElse(null))
						.filter(java.util.Objects::nonNull)
						.collect(Collectors.toUnmodifiableSet())));
	}

	/** Role titles by role name, in title order, for other modules' choices. */
	@Transactional(readOnly = true)
	public Map<String, String> roleTitles() {
		var titles = new java.util.LinkedHashMap<String, String>();
		roles.findAllByOrderByTitle().forEach(role -> titles.put(role.name(), role.title()));
		return titles;
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

	@Transactional(readOnly = true)
	public StaffDirectory.Page staffPage(@Nullable String text, @Nullable String agencyCode, @Nullable String roleName,
			int page) {
		audit.record(AgencyAudit.STAFF_SEARCHED, "staff", null, null, Outcome.ALLOWED,
				"text=" + text + ", agency=" + agencyCode + ", role=" + roleName);
		return directory.find(text, agencyCode, roleName, page);
	}

	@Transactional(readOnly = true)
	public Staff staffMember(UUID id) {
		var member = staff.findById(id).orElseThrow(() -> notFound("staff", id.toString()));
		audit.record(AgencyAudit.STAFF_VIEWED, "staff", id.toString(), null, Outcome.ALLOWED, null);
		return member;
	}

	/**
	 * Checks that staff of an agency may hold these roles, without changing anything, so
	 * a form can report every problem at once.
	 * @throws InputRejectedException on the {@code roles} field if they may not
	 */
	@Transactional(readOnly = true)
	public void checkRoles(String agencyCode, Collection<String> roleNames) {
		checkPurposes(agencyByCode(agencyCode).type(), rolesNamed(roleNames), "roles");
	}

	@Transactional
	public Staff createStaff(String username, String displayName, String email, String agencyCode,
			Collection<String> roleNames, @Nullable String initialPassword) {
		var agency = agencyByCode(agencyCode);
		if (initialPassword != null && !initialPassword.isEmpty()) {
			checkPassword(initialPassword, username, "initialPassword");
		}
		if (staff.findByUsernameIgnoringCase(username.trim()).isPresent()) {
			throw rejected("username", "admin.staff.error.usernameTaken", username.trim());
		}
		if (staff.findByEmailIgnoringCase(email.trim()).isPresent()) {
			throw rejected("email", "admin.staff.error.emailTaken", email.trim());
		}
		var held = rolesNamed(roleNames);
		checkPurposes(agency.type(), held, "roles");
		var hash = initialPassword == null || initialPassword.isBlank() ? null : passwords.encode(initialPassword);
		var member = staff.save(Staff.create(username.trim(), displayName.trim(), email.trim(), agency.id(), hash,
				held.stream().map(Role::id).toList(), clock.instant()));
		audit.record(AgencyAudit.STAFF_CREATED, "staff", member.id().toString(), null, Outcome.ALLOWED,
				"agency=" + agency.code() + ", roles=" + roleNames);
		return member;
	}

	/**
	 * Changes a member of staff's name, email, agency, roles and whether the account is
	 * enabled.
	 * @param expectedVersion the version the change was based on, or {@code null} to
	 * change whatever is there
	 * @throws ChangedMeanwhile if someone changed the account since that version
	 */
	@Transactional
	public Staff changeStaff(UUID id, String displayName, String email, String agencyCode, Collection<String> roleNames,
			boolean enabled, @Nullable Integer expectedVersion) {
		var member = staff.findById(id).orElseThrow(() -> notFound("staff", id.toString()));
		checkVersion(expectedVersion, member.version(), "staff", id.toString());
		var agency = agencyByCode(agencyCode);
		var other = staff.findByEmailIgnoringCase(email.trim());
		if (other.isPresent() && !other.get().id().equals(id)) {
			throw rejected("email", "admin.staff.error.emailTaken", email.trim());
		}
		var held = rolesNamed(roleNames);
		checkPurposes(agency.type(), held, "roles");
		member.change(displayName.trim(), email.trim(), agency.id(), enabled);
		member.assignRoles(held.stream().map(Role::id).toList());
		staff.save(member);
		audit.record(AgencyAudit.STAFF_CHANGED, "staff", id.toString(), null, Outcome.ALLOWED,
				"agency=" + agency.code() + ", roles=" + roleNames + (enabled ? "" : ", disabled"));
		return member;
	}

	/** How failed sign-ins are slowing this member of staff's account, if they are. */
	@Transactional(readOnly = true)
	public Optional<AccountStatus> signInStatus(Staff member) {
		return throttle.accountStatus(member.username(), clock.instant());
	}

	/**
	 * Forgets the failed sign-ins counted against the account, so attempts from anywhere
	 * are no longer slowed.
	 */
	@Transactional
	public void clearSignInFailures(UUID id) {
		var member = staff.findById(id).orElseThrow(() -> notFound("staff", id.toString()));
		throttle.clear(member.username());
		audit.record(AgencyAudit.STAFF_SIGN_IN_FAILURES_CLEARED, "staff", id.toString(), null, Outcome.ALLOWED, null);
	}

	@Transactional
	public void setPassword(UUID id, String password) {
		var member = staff.findById(id).orElseThrow(() -> notFound("staff", id.toString()));
		checkPassword(password, member.username(), "password");
		member.changePassword(passwords.encode(password));
		staff.save(member);
		throttle.clear(member.username());
		audit.record(AgencyAudit.STAFF_PASSWORD_SET, "staff", id.toString(), null, Outcome.ALLOWED, null);
	}

	// ---- Roles

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

	/**
	 * Changes a role's title, description and grants.
	 * @param expectedVersion the version the change was based on, or {@code null} to
	 * change whatever is there
	 * @throws ChangedMeanwhile if someone changed the role since that version
	 */
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

	// ---- API clients

	/** A newly issued client and its token, which is shown once and never stored. */
	public record IssuedToken(ApiClient client, String token) {
	}

	@Transactional(readOnly = true)
	public List<ApiClient> apiClients() {
		return apiClients.findAllByOrderByCreatedAtDesc();
	}

	@Transactional(readOnly = true)
	public ApiClient apiClient(UUID id) {
		return apiClients.findById(id).orElseThrow(() -> notFound("api_client", id.toString()));
	}

	@Transactional
	public IssuedToken issueApiClient(String name, String agencyCode, Collection<Grant> grants, String issuedBy) {
		var agency = agencyByCode(agencyCode);
		for (var grant : grants) {
			if (!grant.capability().purposes().contains(grant.purpose())) {
				throw rejected("grants", "admin.apiClient.error.grantNotHeld", grant.capability(), grant.purpose());
			}
		}
		var purposes = grants.stream().map(Grant::purpose).collect(Collectors.toSet());
		checkPurposeSet(agency.type(), purposes, "grants",
				new DefaultMessageSourceResolvable("admin.error.purposeNotHeld.client"));
		var token = tokens.newToken();
		var client = apiClients.save(ApiClient.issue(name.trim(), agency.id(), ApiTokens.hash(token),
				token.substring(0, 10), grants, issuedBy, clock.instant()));
		audit.record(AgencyAudit.API_CLIENT_ISSUED, "api_client", client.id().toString(), null, Outcome.ALLOWED,
				"agency=" + agency.code() + ", " + describe(grants));
		return new IssuedToken(client, token);
	}

	@Transactional
	public void revokeApiClient(UUID id) {
		var client = apiClients.findById(id).orElseThrow(() -> notFound("api_client", id.toString()));
		client.revoke(clock.instant());
		apiClients.save(client);
		audit.record(AgencyAudit.API_CLIENT_REVOKED, "api_client", id.toString(), null, Outcome.ALLOWED, null);
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

	// ---- Rules

	private static InputRejectedException rejected(String field, String code, Object... arguments) {
		return new InputRejectedException(FieldProblem.of(field, code, arguments));
	}

	/** An agency, member of staff, role or API client that does not exist. */
	private static NotFoundException notFound(String kind, Object id) {
		return new NotFoundException("admin.error.notFound." + kind, id);
	}

	private static void checkVersion(@Nullable Integer expected, @Nullable Integer actual, String kind, String id) {
		if (expected != null && !expected.equals(actual)) {
			throw new ChangedMeanwhile(kind, id);
		}
	}

	private void checkPassword(String password, String username, String field) {
		if (password.length() < MIN_PASSWORD_LENGTH) {
			throw rejected(field, "admin.password.error.tooShort", MIN_PASSWORD_LENGTH);
		}
		if (password.length() > MAX_PASSWORD_LENGTH) {
			throw rejected(field, "admin.password.error.tooLong", MAX_PASSWORD_LENGTH);
		}
		passwordRules.check(password, username).ifPresent(problem -> {
			throw rejected(field, switch (problem) {
				case COMMON -> "admin.password.error.common";
				case CONTAINS_USERNAME -> "admin.password.error.containsUsername";
			});
		});
	}

	private List<Role> rolesNamed(Collection<String> names) {
		return names.stream()
			.map(name -> roles.findByName(name)
				.orElseThrow(() -> rejected("roles", "admin.staff.error.noSuchRole", name)))
			.toList();
	}

	private static void checkPurposes(AgencyType type, Collection<Role> held, String field) {
		var purposes = held.stream().flatMap(r -> r.purposes().stream()).collect(Collectors.toSet());
		// The agency's own limits first: they say most precisely what is wrong.
		checkPurposeSet(type, purposes, field, new DefaultMessageSourceResolvable("admin.error.purposeNotHeld.staff"));
		if (purposes.contains(Purpose.HEALTH) && purposes.contains(Purpose.POLICING)) {
			throw rejected(field, "admin.staff.error.healthAndPolicing");
		}
	}

	private static void checkPurposeSet(AgencyType type, Set<Purpose> purposes, String field,
			MessageSourceResolvable who) {
		for (var purpose : purposes) {
			if (!type.purposes().contains(purpose)) {
				throw rejected(field, "admin.error.purposeNotHeld", type.title().toLowerCase(),
						purpose.name().toLowerCase().replace('_', ' '), who);
			}
		}
	}

	private static String describe(Collection<Grant> grants) {
		return grants.stream()
			.map(g -> Grant.authority(g.capability(), g.action(), g.purpose()))
			.sorted()
			.collect(Collectors.joining(","));
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
