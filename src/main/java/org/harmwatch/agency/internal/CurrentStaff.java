package org.harmwatch.agency.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.harmwatch.platform.CurrentUsers;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Checks a signed-in member of staff against their account as it is now, on every request
 * their session makes.
 *
 * <p>
 * One query reads the account, its agency and every grant of its roles. Only when
 * something differs from the copy in the session is the user rebuilt through
 * {@link StaffAccounts#toUser(Staff)}, which takes a few more queries.
 */
@Service
class CurrentStaff implements CurrentUsers {

	private final JdbcClient jdbc;

	private final StaffRepository staff;

	private final StaffAccounts accounts;

	CurrentStaff(JdbcClient jdbc, StaffRepository staff, StaffAccounts accounts) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.accounts = accounts;
	}

	@Override
	public Optional<HarmwatchUser> current(HarmwatchUser signedIn) {
		var now = standing(signedIn.id());
		if (now.isEmpty() || !now.get().mayAct()) {
			return Optional.empty();
		}
		if (now.get().matches(signedIn)) {
			return Optional.of(signedIn);
		}
		return staff.findById(signedIn.id()).map(accounts::toUser).filter(HarmwatchUser::isEnabled).map(fresh -> {
			fresh.eraseCredentials();
			return fresh;
		});
	}

	/**
	 * What decides a member of staff's access, as it is in the database now.
	 *
	 * <p>
	 * Holds the same values as {@link HarmwatchUser} except the password and the lockout:
	 * an attacker who locks the account with wrong passwords must not be able to end its
	 * owner's open session.
	 */
	record Standing(String username, String displayName, boolean enabled, String agencyCode, String agencyName,
			AgencyType agencyType, boolean agencyActive, List<String> roleNames, Set<Grant> grants) {

		boolean mayAct() {
			return enabled && agencyActive;
		}

		/**
		 * Whether the user kept in a session still holds exactly this; every
		 * access-deciding field of the user counts.
		 */
		boolean matches(HarmwatchUser user) {
			return username.equals(user.getUsername()) && displayName.equals(user.displayName())
					&& agencyCode.equals(user.agencyCode()) && agencyName.equals(user.agencyName())
					&& agencyType == user.agencyType() && roleNames.equals(user.roleNames())
					&& grants.equals(user.grants());
		}

	}

	Optional<Standing> standing(UUID id) {
		var rows = jdbc.sql("""
				SELECT s.username, s.display_name, s.enabled, a.code, a.name, a.type, a.active, r.name AS role,
				       g.capability, g.action, g.purpose
				FROM agency.staff s
				JOIN agency.agency a ON a.id = s.agency
				LEFT JOIN agency.staff_role sr ON sr.staff = s.id
				LEFT JOIN agency.role r ON r.id = sr.role
				LEFT JOIN agency.role_grant g ON g.role = r.id
				WHERE s.id = :id""")
			.param("id", id)
			.query((rs, n) -> new Row(rs.getString("username"), rs.getString("display_name"), rs.getBoolean("enabled"),
					rs.getString("code"), rs.getString("name"), AgencyType.valueOf(rs.getString("type")),
					rs.getBoolean("active"), rs.getString("role"), rs.getString("capability"), rs.getString("action"),
					rs.getString("purpose")))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		var roleNames = new TreeSet<String>();
		var grants = new HashSet<Grant>();
		for (var row : rows) {
			if (row.role() != null) {
				roleNames.add(row.role());
			}
			if (row.capability() != null && row.action() != null && row.purpose() != null) {
				grants.add(new Grant(Capability.valueOf(row.capability()), Action.valueOf(row.action()),
						Purpose.valueOf(row.purpose())));
			}
		}
		var first = rows.getFirst();
		return Optional.of(new Standing(first.username(), first.displayName(), first.enabled(), first.agencyCode(),
				first.agencyName(), first.agencyType(), first.agencyActive(), List.copyOf(roleNames),
				Set.copyOf(grants)));
	}

	private record Row(String username, String displayName, boolean enabled, String agencyCode, String agencyName,
			AgencyType agencyType, boolean agencyActive, @Nullable String role, @Nullable String capability,
			@Nullable String action, @Nullable String purpose) {
	}

}
