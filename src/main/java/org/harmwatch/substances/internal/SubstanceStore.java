package org.harmwatch.substances.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.substances.Alias;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceDetails;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.TermKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The vocabulary's tables, read whole and written a change at a time with plain SQL.
 *
 * <p>
 * The vocabulary is small (hundreds of substances), so it is always read whole; the
 * version row tells whether a copy is out of date.
 */
@Component
public class SubstanceStore {

	private final JdbcClient jdbc;

	public SubstanceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A consistent copy of the vocabulary and its version (read in one transaction by the
	 * caller).
	 */
	public record Snapshot(long version, List<SubstanceDetails> substances) {
	}

	public long version() {
		return jdbc.sql("SELECT version FROM substances.vocabulary").query(Long.class).single();
	}

	/**
	 * Takes the vocabulary's write lock for the rest of the transaction and returns its
	 * version.
	 */
	public long lockForChange() {
		return jdbc.sql("SELECT version FROM substances.vocabulary FOR UPDATE").query(Long.class).single();
	}

	public Snapshot load() {
		long version = version();
		var codes = new HashMap<UUID, String>();
		jdbc.sql("SELECT id, code FROM substances.substance")
			.query((rs, n) -> codes.put(rs.getObject("id", UUID.class), rs.getString("code")))
			.list();
		var flags = new HashMap<UUID, EnumSet<RiskFlag>>();
		jdbc.sql("SELECT substance, flag FROM substances.substance_flag").query((rs, n) -> {
			flags.computeIfAbsent(rs.getObject("substance", UUID.class), k -> EnumSet.noneOf(RiskFlag.class))
				.add(RiskFlag.valueOf(rs.getString("flag")));
			return null;
		}).list();
		var aliases = new HashMap<UUID, List<Alias>>();
		jdbc.sql("SELECT substance, kind, text, also_means FROM substances.term WHERE kind <> 'NAME'"
				+ " ORDER BY substance, position")
			.query((rs, n) -> {
				aliases.computeIfAbsent(rs.getObject("substance", UUID.class), k -> new ArrayList<>())
					.add(new Alias(rs.getString("text"), TermKind.valueOf(rs.getString("kind")),
							codes(rs.getArray("also_means"))));
				return null;
			})
			.list();
		var substances = jdbc.sql("""
				SELECT id, code, name, substance_class, parent, pubchem_cid, cas_number, notes, updated_at, updated_by
				FROM substances.substance ORDER BY lower(name), code""").query((rs, n) -> {
			var id = rs.getObject("id", UUID.class);
			var parent = rs.getObject("parent", UUID.class);
			return new SubstanceDetails(new SubstanceId(rs.getString("code")), rs.getString("name"),
					SubstanceClass.valueOf(rs.getString("substance_class")),
					flags.getOrDefault(id, EnumSet.noneOf(RiskFlag.class)),
					parent == null ? null : new SubstanceId(codes.get(parent)), aliases.getOrDefault(id, List.of()),
					nullableLong(rs, "pubchem_cid"), rs.getString("cas_number"), rs.getString("notes"),
					rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
		}).list();
		return new Snapshot(version, substances);
	}

	/**
	 * Writes the substances (created or changed), replacing their flags and names, then
	 * sets parents. Call with the write lock held; names are removed before any are
	 * added, so a name may move from one substance to another.
	 */
	public void save(List<SubstanceDetails> substances) {
		if (substances.isEmpty()) {
			return;
		}
		var ids = new LinkedHashMap<String, UUID>();
		jdbc.sql("SELECT id, code FROM substances.substance")
			.query((rs, n) -> ids.put(rs.getString("code"), rs.getObject("id", UUID.class)))
			.list();
		var changedIds = new ArrayList<UUID>();
		for (var substance : substances) {
			var id = ids.get(substance.id().code());
			if (id != null) {
				changedIds.add(id);
			}
		}
		if (!changedIds.isEmpty()) {
			jdbc.sql("DELETE FROM substances.term WHERE substance = ANY (?)")
				.param(changedIds.toArray(UUID[]::new))
				.update();
			jdbc.sql("DELETE FROM substances.substance_flag WHERE substance = ANY (?)")
				.param(changedIds.toArray(UUID[]::new))
				.update();
		}
		for (var substance : substances) {
			var id = ids.get(substance.id().code());
			var at = Timestamp.from(substance.updatedAt());
			if (id == null) {
				id = UUID.randomUUID();
				ids.put(substance.id().code(), id);
				jdbc.sql(
						"""
								INSERT INTO substances.substance (id, code, name, substance_class, pubchem_cid, cas_number, notes,
								  created_at, updated_at, updated_by)
								VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(id, substance.id().code(), substance.name(), substance.substanceClass().name(),
							substance.pubchemCid(), substance.casNumber(), substance.notes(), at, at,
							substance.updatedBy())
					.update();
			}
			else {
				jdbc.sql("""
						UPDATE substances.substance SET name = ?, substance_class = ?, pubchem_cid = ?, cas_number = ?,
						  notes = ?, updated_at = ?, updated_by = ?, parent = NULL
						WHERE id = ?""")
					.params(substance.name(), substance.substanceClass().name(), substance.pubchemCid(),
							substance.casNumber(), substance.notes(), at, substance.updatedBy(), id)
					.update();
			}
		}
		for (var substance : substances) {
			var id = ids.get(substance.id().code());
			insertTerm(id, TermKind.NAME, substance.name(), List.of(), 0);
			int position = 1;
			for (var alias : substance.aliases()) {
				insertTerm(id, alias.kind(), alias.text(), alias.alsoMeans(), position++);
			}
			for (var flag : substance.flags()) {
				jdbc.sql("INSERT INTO substances.substance_flag (substance, flag) VALUES (?, ?)")
					.params(id, flag.name())
					.update();
			}
			if (substance.parent() != null) {
				jdbc.sql("UPDATE substances.substance SET parent = ? WHERE id = ?")
					.params(ids.get(substance.parent().code()), id)
					.update();
			}
		}
	}

	private void insertTerm(UUID substance, TermKind kind, String text, List<SubstanceId> alsoMeans, int position) {
		jdbc.sql("""
				INSERT INTO substances.term (substance, kind, text, term_key, also_means, position)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(substance, kind.name(), text, TermKeys.key(text),
					alsoMeans.stream().map(SubstanceId::code).toArray(String[]::new), position)
			.update();
	}

	/** Bumps the version after a change and returns the new one. */
	public long bumpVersion(Instant at) {
		return jdbc.sql("UPDATE substances.vocabulary SET version = version + 1, changed_at = ? RETURNING version")
			.param(Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	private static List<SubstanceId> codes(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((String[]) array.getArray()).map(SubstanceId::new).toList();
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/** Codes of substances by their internal id, for tests and migrations. */
	Map<String, UUID> ids() {
		var ids = new HashMap<String, UUID>();
		jdbc.sql("SELECT id, code FROM substances.substance")
			.query((rs, n) -> ids.put(rs.getString("code"), rs.getObject("id", UUID.class)))
			.list();
		return ids;
	}

}
