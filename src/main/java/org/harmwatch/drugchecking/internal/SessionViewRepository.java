package org.harmwatch.drugchecking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.SessionView;
import org.harmwatch.drugchecking.SiteKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads sessions with their site and sample count, and finds or adds sites. */
@Repository
public class SessionViewRepository {

	private static final String SELECT = """
			SELECT s.id, s.name, t.name AS site_name, t.kind, t.lad_code, s.starts_on, s.ends_on, s.staff, s.conditions,
			  s.owner_agency, (SELECT count(*) FROM drugchecking.sample x WHERE x.session_id = s.id) AS samples
			FROM drugchecking.session s JOIN drugchecking.site t ON t.id = s.site_id""";

	private final JdbcClient jdbc;

	SessionViewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<SessionView> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE s.id = ?").param(id).query(SessionViewRepository::view).optional();
	}

	/** How many sessions the owners hold. */
	public long countOwnedBy(Collection<String> owners) {
		return jdbc.sql("SELECT count(*) FROM drugchecking.session WHERE owner_agency = ANY (?::text[])")
			.param(Columns.array(owners))
			.query(Long.class)
			.single();
	}

	/** One page of the owners' sessions, the latest first. */
	public List<SessionView> ownedBy(Collection<String> owners, int limit, int offset) {
		return jdbc.sql(SELECT
				+ " WHERE s.owner_agency = ANY (?::text[]) ORDER BY s.starts_on DESC, s.created_at DESC LIMIT ? OFFSET ?")
			.param(Columns.array(owners))
			.param(limit)
			.param(offset)
			.query(SessionViewRepository::view)
			.list();
	}

	/** The sessions of the samples taken in within {@code [from, to)}. */
	public List<SessionView> withSamplesTakenBetween(Instant from, Instant to) {
		return jdbc.sql(SELECT
				+ " WHERE s.id IN (SELECT session_id FROM drugchecking.sample WHERE taken_at >= ? AND taken_at < ?)")
			.param(Columns.timestamp(from))
			.param(Columns.timestamp(to))
			.query(SessionViewRepository::view)
			.list();
	}

	/** The site with this name, whatever its case. */
	public Optional<UUID> siteNamed(String name) {
		return jdbc.sql("SELECT id FROM drugchecking.site WHERE lower(name) = lower(?)")
			.param(name.strip())
			.query(UUID.class)
			.optional();
	}

	/** Adds a site. */
	public UUID addSite(String name, SiteKind kind, @Nullable String ladCode) {
		var id = UUID.randomUUID();
		jdbc.sql("INSERT INTO drugchecking.site (id, name, kind, lad_code) VALUES (?, ?, ?, ?)")
			.param(id)
			.param(name)
			.param(kind.name())
			.param(ladCode)
			.update();
		return id;
	}

	private static SessionView view(ResultSet rs, int row) throws SQLException {
		return new SessionView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("site_name"),
				SiteKind.valueOf(rs.getString("kind")), rs.getString("lad_code"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getString("staff"), Columns.enums(rs, "conditions", LicenceCondition::valueOf),
				rs.getLong("samples"), rs.getString("owner_agency"));
	}

}
