package org.harmwatch.agency.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists staff for the admin pages: filtered by name, agency and role, a page at a time.
 */
@Component
public class StaffDirectory {

	public static final int PAGE_SIZE = 25;

	private final JdbcClient jdbc;

	StaffDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Row(UUID id, String username, String displayName, String email, String agencyCode, String agencyName,
			String roles, boolean enabled) {
	}

	public record Page(List<Row> rows, long total, int page, int pages) {
	}

	/**
	 * Usernames of enabled staff whose roles grant the action on the capability (for any
	 * purpose), by username.
	 */
	public List<String> usernamesHolding(String capability, String action) {
		return jdbc.sql("""
				SELECT DISTINCT s.username FROM agency.staff s
				JOIN agency.staff_role sr ON sr.staff = s.id
				JOIN agency.role_grant g ON g.role = sr.role
				WHERE s.enabled AND g.capability = :capability AND g.action = :action
				ORDER BY s.username""")
			.param("capability", capability)
			.param("action", action)
			.query(String.class)
			.list();
	}

	/** Staff per agency id; agencies without staff are absent. */
	public Map<UUID, Long> countByAgency() {
		return jdbc.sql("SELECT agency, count(*) AS n FROM agency.staff GROUP BY agency")
			.query((rs, n) -> Map.entry(rs.getObject("agency", UUID.class), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Holders per role id; roles nobody holds are absent. */
	public Map<UUID, Long> countByRole() {
		return jdbc.sql("SELECT role, count(*) AS n FROM agency.staff_role GROUP BY role")
			.query((rs, n) -> Map.entry(rs.getObject("role", UUID.class), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public Page find(@Nullable String text, @Nullable String agencyCode, @Nullable String roleName, int page) {
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		if (text != null) {
			where.add("(s.username ILIKE :text OR s.display_name ILIKE :text OR s.email ILIKE :text)");
			params.put("text", "%" + text.replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (agencyCode != null) {
			where.add("a.code = :agency");
			params.put("agency", agencyCode);
		}
		if (roleName != null) {
			where.add("EXISTS (SELECT 1 FROM agency.staff_role sr JOIN agency.role r ON r.id = sr.role "
					+ "WHERE sr.staff = s.id AND r.name = :role)");
			params.put("role", roleName);
		}
		var clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		var from = " FROM agency.staff s JOIN agency.agency a ON a.id = s.agency";
		long total = jdbc.sql("SELECT count(*)" + from + clause).params(params).query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), pages);
		params.put("limit", PAGE_SIZE);
		params.put("offset", (current - 1) * PAGE_SIZE);
		var rows = jdbc.sql("""
				SELECT s.id, s.username, s.display_name, s.email, a.code, a.name, s.enabled,
				  (SELECT string_agg(r.title, ', ' ORDER BY r.title) FROM agency.staff_role sr
				   JOIN agency.role r ON r.id = sr.role WHERE sr.staff = s.id) AS roles
				""" + from + clause + " ORDER BY s.display_name, s.username LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("display_name"), rs.getString("email"), rs.getString("code"), rs.getString("name"),
					rs.getString("roles") == null ? "" : rs.getString("roles"), rs.getBoolean("enabled")))
			.list();
		return new Page(rows, total, current, pages);
	}

}
