package org.harmwatch.agency.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.StaffContact;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.SignInThrottle;
import org.harmwatch.platform.SignInThrottle.AccountStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.harmwatch.agency.internal.AdministrationRules.checkPurposes;
import static org.harmwatch.agency.internal.AdministrationRules.checkVersion;
import static org.harmwatch.agency.internal.AdministrationRules.notFound;
import static org.harmwatch.agency.internal.AdministrationRules.rejected;

/**
 * Staff accounts, behind {@link AgencyManagement}: who they are, which agency and roles
 * they have, their passwords and their slowed sign-ins. Every read of a member's details
 * and every change is audited.
 */
@Service
public class StaffAdministration {

	private final StaffRepository staff;

	private final AgencyRepository agencies;

	private final RoleRepository roles;

	private final RoleAdministration roleAdministration;

	private final StaffDirectory directory;

	private final PasswordEncoder passwords;

	private final PasswordRules passwordRules;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	private final Clock clock;

	StaffAdministration(StaffRepository staff, AgencyRepository agencies, RoleRepository roles,
			RoleAdministration roleAdministration, StaffDirectory directory, PasswordEncoder passwords,
			PasswordRules passwordRules, SignInThrottle throttle, AuditLog audit, Clock clock) {
		this.staff = staff;
		this.agencies = agencies;
		this.roles = roles;
		this.roleAdministration = roleAdministration;
		this.directory = directory;
		this.passwords = passwords;
		this.passwordRules = passwordRules;
		this.throttle = throttle;
		this.audit = audit;
		this.clock = clock;
	}

	/** See {@link AgencyManagement#staffContacts()}. */
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

	/** See {@link AgencyManagement#contact(String)}. */
	@Transactional(readOnly = true)
	public Optional<StaffContact> contact(String username) {
		return staff.findByUsernameIgnoringCase(username)
			.filter(Staff::enabled)
			.map(s -> new StaffContact(s.id(), s.displayName(), s.email(),
					agencies.findById(s.agencyId()).map(Agency::code).orElse(null),
					s.roleIds()
						.stream()
						.map(id -> roles.findById(id).map(Role::name).orElse(null))
						.filter(Objects::nonNull)
						.collect(Collectors.toUnmodifiableSet())));
	}

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

	/** See {@link AgencyManagement#checkRoles(String, Collection)}. */
	@Transactional(readOnly = true)
	public void checkRoles(String agencyCode, Collection<String> roleNames) {
		checkPurposes(agencyByCode(agencyCode).type(), roleAdministration.rolesNamed(roleNames), "roles");
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
		var held = roleAdministration.rolesNamed(roleNames);
		checkPurposes(agency.type(), held, "roles");
		var hash = initialPassword == null || initialPassword.isBlank() ? null : passwords.encode(initialPassword);
		var member = staff.save(Staff.create(username.trim(), displayName.trim(), email.trim(), agency.id(), hash,
				held.stream().map(Role::id).toList(), clock.instant()));
		audit.record(AgencyAudit.STAFF_CREATED, "staff", member.id().toString(), null, Outcome.ALLOWED,
				"agency=" + agency.code() + ", roles=" + roleNames);
		return member;
	}

	/** See {@link AgencyManagement#changeStaff}. */
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
		var held = roleAdministration.rolesNamed(roleNames);
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

	/** See {@link AgencyManagement#clearSignInFailures(UUID)}. */
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

	private Agency agencyByCode(String code) {
		return agencies.findByCode(code).orElseThrow(() -> notFound("agency", code));
	}

	private void checkPassword(String password, String username, String field) {
		if (password.length() < AgencyManagement.MIN_PASSWORD_LENGTH) {
			throw rejected(field, "admin.password.error.tooShort", AgencyManagement.MIN_PASSWORD_LENGTH);
		}
		if (password.length() > AgencyManagement.MAX_PASSWORD_LENGTH) {
			throw rejected(field, "admin.password.error.tooLong", AgencyManagement.MAX_PASSWORD_LENGTH);
		}
		passwordRules.check(password, username).ifPresent(problem -> {
			throw rejected(field, switch (problem) {
				case COMMON -> "admin.password.error.common";
				case CONTAINS_USERNAME -> "admin.password.error.containsUsername";
			});
		});
	}

}
