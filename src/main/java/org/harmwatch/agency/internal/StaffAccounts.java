package org.harmwatch.agency.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.HarmwatchOidcUser;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.PasswordHashes;
import org.jspecify.annotations.Nullable;
import org.harmwatch.shared.Grant;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs staff in: loads their account with its grants, and audits each sign-in and failed
 * attempt.
 *
 * <p>
 * Failures lock nothing: the platform's sign-in throttle slows the clients that send them
 * (ADR 8). A failure for an unknown username costs the same work here as one for a real
 * account (one look-up, one audit entry), so the time of the answer does not tell them
 * apart.
 */
@Service
public class StaffAccounts implements UserDetailsService, UserDetailsPasswordService, PasswordHashes {

	private final StaffRepository staff;

	private final AgencyRepository agencies;

	private final RoleRepository roles;

	private final AuditLog audit;

	private final Clock clock;

	private final JdbcClient jdbc;

	StaffAccounts(StaffRepository staff, AgencyRepository agencies, RoleRepository roles, AuditLog audit, Clock clock,
			JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.agencies = agencies;
		this.roles = roles;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return staff.findByUsernameIgnoringCase(username)
			.map(this::toUser)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	@Override
	public @Nullable String passwordHash(String username) {
		return jdbc.sql("SELECT password_hash FROM agency.staff WHERE lower(username) = lower(?)")
			.param(username)
			.query((rs, n) -> rs.getString(1))
			.optional()
			.orElse(null);
	}

	@Transactional(readOnly = true)
	public HarmwatchUser toUser(Staff member) {
		var agency = agencies.findById(member.agencyId()).orElseThrow();
		var held = roles.findAllById(member.roleIds());
		var grants = new HashSet<Grant>();
		held.forEach(role -> grants.addAll(role.grants()));
		List<String> roleNames = held.stream().map(Role::name).sorted().toList();
		return new HarmwatchUser(member.id(), member.username(), member.passwordHash(), member.displayName(),
				agency.code(), agency.name(), agency.type(), roleNames, grants, member.enabled() && agency.active(),
				false);
	}

	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		var member = staff.findByUsernameIgnoringCase(user.getUsername()).orElseThrow();
		member.changePassword(newPassword);
		staff.save(member);
		return toUser(member);
	}

	/** One query whether or not the username exists, then one audit entry. */
	@EventListener
	@Transactional
	public void on(AuthenticationFailureBadCredentialsEvent event) {
		var username = event.getAuthentication().getName();
		var account = jdbc.sql("""
				SELECT s.id, s.username, a.code FROM agency.staff s JOIN agency.agency a ON a.id = s.agency
				WHERE lower(s.username) = lower(?)""")
			.param(username)
			.query((rs, n) -> new String[] { rs.getString("id"), rs.getString("username"), rs.getString("code") })
			.optional();
		if (account.isEmpty()) {
			audit.recordFor(username, null, AgencyAudit.SIGN_IN_FAILED, "staff", null, null, Outcome.DENIED,
					"unknown username");
			return;
		}
		var found = account.get();
		audit.recordFor(found[1], found[2], AgencyAudit.SIGN_IN_FAILED, "staff", found[0], null, Outcome.DENIED,
				"wrong password");
	}

	@EventListener
	@Transactional
	public void on(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof HarmwatchUser user)) {
			return;
		}
		staff.findById(user.id()).ifPresent(account -> {
			account.signedIn(clock.instant());
			staff.save(account);
			audit.recordFor(user.getUsername(), user.agencyCode(), AgencyAudit.SIGNED_IN, "staff", user.id().toString(),
					null, Outcome.ALLOWED, HarmwatchOidcUser.signInMethod(user));
		});
	}

}
