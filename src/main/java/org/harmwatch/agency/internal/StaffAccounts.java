package org.harmwatch.agency.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.LockoutPolicy;
import org.harmwatch.shared.Grant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs staff in: loads their account with its grants, counts failures, locks and unlocks.
 *
 * <p>Lockout is kept in the database, so it holds across every instance.
 */
@Service
public class StaffAccounts implements UserDetailsService, UserDetailsPasswordService {

	private final StaffRepository staff;

	private final AgencyRepository agencies;

	private final RoleRepository roles;

	private final AuditLog audit;

	private final Clock clock;

	private final LockoutPolicy lockout;

	StaffAccounts(StaffRepository staff, AgencyRepository agencies, RoleRepository roles, AuditLog audit, Clock clock,
			LockoutPolicy lockout) {
		this.staff = staff;
		this.agencies = agencies;
		this.roles = roles;
		this.audit = audit;
		this.clock = clock;
		this.lockout = lockout;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return staff.findByUsernameIgnoringCase(username)
			.map(this::toUser)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
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
				member.isLocked(clock.instant()));
	}

	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		var member = staff.findByUsernameIgnoringCase(user.getUsername()).orElseThrow();
		member.changePassword(newPassword);
		staff.save(member);
		return toUser(member);
	}

	@EventListener
	@Transactional
	public void on(AuthenticationFailureBadCredentialsEvent event) {
		var username = event.getAuthentication().getName();
		var member = staff.findByUsernameIgnoringCase(username);
		if (member.isEmpty()) {
			audit.recordFor(username, null, "SIGN_IN_FAILED", "staff", null, null, Outcome.DENIED, "unknown username");
			return;
		}
		var account = member.get();
		var agency = agencies.findById(account.agencyId()).map(Agency::code).orElse(null);
		boolean locked = account.signInFailed(clock.instant(), lockout.attempts(), lockout.duration());
		staff.save(account);
		audit.recordFor(account.username(), agency, "SIGN_IN_FAILED", "staff", account.id().toString(), null,
				Outcome.DENIED, "wrong password");
		if (locked) {
			audit.recordFor(account.username(), agency, "ACCOUNT_LOCKED", "staff", account.id().toString(), null,
					Outcome.DENIED, lockout.attempts() + " failed sign-ins; locked until " + account.lockedUntil());
		}
	}

	@EventListener
	public void on(AuthenticationFailureLockedEvent event) {
		audit.recordFor(event.getAuthentication().getName(), null, "SIGN_IN_REFUSED", "staff", null, null,
				Outcome.DENIED, "account locked");
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
			audit.recordFor(user.getUsername(), user.agencyCode(), "SIGNED_IN", "staff", user.id().toString(), null,
					Outcome.ALLOWED, null);
		});
	}

}
