package org.harmwatch.overdose.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.function.Function;

import org.harmwatch.overdose.AgeBand;
import org.harmwatch.overdose.IncidentOutcome;
import org.harmwatch.overdose.IncidentSource;
import org.harmwatch.overdose.NaloxoneAdministration;
import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.overdose.NaloxoneRoute;
import org.harmwatch.overdose.RecordedVia;
import org.harmwatch.overdose.Sex;
import org.harmwatch.overdose.SubstanceBasis;
import org.harmwatch.platform.BulkCopy;
import org.harmwatch.platform.SqlArrays;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Incidents and the naloxone given at them, in the {@code overdose} schema. */
@Repository
public class IncidentRepository {

	/**
	 * Which incidents a query reads: owners the reader may read, and the filter.
	 *
	 * @param substanceClass a class of {@code SubstanceClass} (classes below it count, as
	 * an incident stores its substances' whole lineage)
	 */
	public record Query(Collection<String> owners, @Nullable Instant from, @Nullable Instant until,
			@Nullable String ladCode, @Nullable Boolean fatal, @Nullable String substanceClass) {

		public Query(Collection<String> owners, @Nullable Instant from, @Nullable Instant until,
				@Nullable String ladCode, @Nullable Boolean fatal) {
			this(owners, from, until, ladCode, fatal, null);
		}

	}

	/**
	 * What a map and an epidemic curve need of one incident: no person code, age or sex.
	 */
	public record MapRow(String ownerAgency, Purpose purpose, Instant occurredAt, boolean fatal, @Nullable Double lat,
			@Nullable Double lon, @Nullable String areaCode, @Nullable String areaLevel, @Nullable String ladCode) {
	}

	private static final String COLUMNS = """
			id, owner_agency, purpose, source, source_reference, occurred_at, lat, lon, area_code, area_level,
			lad_code, postcode_district, fatal, age_band, sex, substances, substance_classes, substance_basis,
			outcome, person_code, repeat_within_year, recorded_via, recorded_by, recorded_at""";

	private static final String WHERE = """
			WHERE owner_agency = ANY (:owners::text[])
			  AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
			  AND (CAST(:until AS timestamptz) IS NULL OR occurred_at < :until)
			  AND (CAST(:lad AS text) IS NULL OR lad_code = :lad)
			  AND (CAST(:fatal AS boolean) IS NULL OR fatal = :fatal)
			  AND (CAST(:substanceClass AS text) IS NULL OR :substanceClass = ANY (substance_classes))""";

	private final JdbcClient jdbc;

	private final BulkCopy bulk;

	IncidentRepository(JdbcClient jdbc, BulkCopy bulk) {
		this.jdbc = jdbc;
		this.bulk = bulk;
	}

	/**
	 * Stores a new incident with its naloxone; false, storing nothing, when the owner has
	 * an incident with the same source reference already.
	 */
	public boolean insert(StoredIncident incident) {
		int inserted = jdbc.sql("""
				INSERT INTO overdose.incident (%1$s)
				VALUES (:id, :owner, :purpose, :source, :reference, :occurredAt, :lat, :lon, :areaCode, :areaLevel,
				    :lad, :district, :fatal, :ageBand, :sex, :substances::text[], :classes::text[], :basis, :outcome,
				    :personCode, :repeat, :via, :by, :at)
				ON CONFLICT (owner_agency, source_reference) WHERE source_reference IS NOT NULL DO NOTHING
				""".formatted(COLUMNS))
			.param("id", incident.id())
			.param("owner", incident.ownerAgency())
			.param("purpose", incident.purpose().name())
			.param("source", incident.source().name())
			.param("reference", incident.sourceReference())
			.param("occurredAt", Timestamp.from(incident.occurredAt()))
			.param("lat", incident.lat())
			.param("lon", incident.lon())
			.param("areaCode", incident.areaCode())
			.param("areaLevel", incident.areaLevel())
			.param("lad", incident.ladCode())
			.param("district", incident.postcodeDistrict())
			.param("fatal", incident.fatal())
			.param("ageBand", name(incident.ageBand()))
			.param("sex", name(incident.sex()))
			.param("substances", SqlArrays.textArray(incident.substances()))
			.param("classes", SqlArrays.textArray(incident.substanceClasses()))
			.param("basis", name(incident.substanceBasis()))
			.param("outcome", name(incident.outcome()))
			.param("personCode", incident.personCode())
			.param("repeat", incident.repeatWithinYear())
			.param("via", incident.recordedVia().name())
			.param("by", incident.recordedBy())
			.param("at", Timestamp.from(incident.recordedAt()))
			.update();
		if (inserted == 0) {
			return false;
		}
		int position = 0;
		for (var given : incident.naloxone()) {
			jdbc.sql("""
					INSERT INTO overdose.naloxone (incident_id, position, given_by, holder_agency, doses, route)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(incident.id(), position++, given.givenBy().name(), given.holderAgencyCode(), given.doses(),
						given.route().name())
				.update();
		}
		return true;
	}

	/**
	 * Stores new incidents with their naloxone, a few thousand at a time through a binary
	 * {@code COPY}; one whose owner has an incident with the same source reference
	 * already is not stored (when a chunk holds such a one, that chunk is stored by
	 * {@code INSERT … ON CONFLICT DO NOTHING} instead).
	 * @return the ids of those stored
	 */
	public Set<UUID> insertAll(List<StoredIncident> batch) {
		var stored = new HashSet<UUID>();
		for (int from = 0; from < batch.size(); from += CHUNK) {
			stored.addAll(insertAll(prepare(batch.subList(from, Math.min(batch.size(), from + CHUNK)))));
		}
		return stored;
	}

	/**
	 * Incidents made ready to store: their rows and their naloxone's as copy streams,
	 * built by {@link #prepare} on any thread (it reads nothing), stored by
	 * {@link #insertAll(Prepared)} in the transaction.
	 */
	public static final class Prepared {

		private final List<StoredIncident> incidents;

		private final BulkCopy.Rows rows;

		private final BulkCopy.Rows naloxone;

		private Prepared(List<StoredIncident> incidents, BulkCopy.Rows rows, BulkCopy.Rows naloxone) {
			this.incidents = incidents;
			this.rows = rows;
			this.naloxone = naloxone;
		}

	}

	/** The incidents' copy streams; reads nothing, so any thread may call it. */
	public Prepared prepare(List<StoredIncident> incidents) {
		// About 370 bytes an incident with two substances and three classes: room
		// enough that the buffer is not copied into a larger one half-way.
		var rows = new BulkCopy.Rows(incidents.size(), 400);
		for (var i : incidents) {
			rows.row(24)
				.uuid(i.id())
				.text(i.ownerAgency())
				.text(i.purpose().name())
				.text(i.source().name())
				.text(i.sourceReference())
				.timestamp(i.occurredAt())
				.float8(i.lat())
				.float8(i.lon())
				.text(i.areaCode())
				.text(i.areaLevel())
				.text(i.ladCode())
				.text(i.postcodeDistrict())
				.bool(i.fatal())
				.text(name(i.ageBand()))
				.text(name(i.sex()))
				.textArray(i.substances())
				.textArray(i.substanceClasses())
				.text(name(i.substanceBasis()))
				.text(name(i.outcome()))
				.text(i.personCode())
				.bool(i.repeatWithinYear())
				.text(i.recordedVia().name())
				.text(i.recordedBy())
				.timestamp(i.recordedAt());
		}
		return new Prepared(List.copyOf(incidents), rows, naloxoneRows(incidents));
	}

	private static BulkCopy.Rows naloxoneRows(List<StoredIncident> incidents) {
		var naloxone = new BulkCopy.Rows(incidents.size() / 4, 60);
		for (var i : incidents) {
			int position = 0;
			for (var given : i.naloxone()) {
				naloxone.row(6)
					.uuid(i.id())
					.int4(position++)
					.text(given.givenBy().name())
					.text(given.holderAgencyCode())
					.int4(given.doses())
					.text(given.route().name());
			}
		}
		return naloxone;
	}

	/**
	 * Stores prepared incidents with their naloxone, in one copy each, as
	 * {@link #insertAll(List)} does.
	 * @return the ids of those stored
	 */
	public Set<UUID> insertAll(Prepared prepared) {
		var chunk = prepared.incidents;
		var stored = new HashSet<UUID>(bulk.copyOr("overdose.incident (" + COLUMNS + ")", prepared.rows,
				copied -> chunk.stream().map(StoredIncident::id).toList(), () -> insertSkippingSent(chunk)));
		var naloxone = stored.size() == chunk.size() ? prepared.naloxone
				: naloxoneRows(chunk.stream().filter(i -> stored.contains(i.id())).toList());
		if (naloxone.count() > 0) {
			bulk.copy("overdose.naloxone (incident_id, position, given_by, holder_agency, doses, route)", naloxone);
		}
		return stored;
	}

	/**
	 * Stores the incidents (not their naloxone) in one statement, skipping those whose
	 * owner has an incident with the same source reference already.
	 * @return the ids of those stored
	 */
	private List<UUID> insertSkippingSent(List<StoredIncident> chunk) {
		var columns = new ArrayList<List<@Nullable String>>();
		for (int c = 0; c < 24; c++) {
			columns.add(new ArrayList<>(chunk.size()));
		}
		for (var i : chunk) {
			int c = 0;
			columns.get(c++).add(i.id().toString());
			columns.get(c++).add(i.ownerAgency());
			columns.get(c++).add(i.purpose().name());
			columns.get(c++).add(i.source().name());
			columns.get(c++).add(i.sourceReference());
			columns.get(c++).add(i.occurredAt().toString());
			columns.get(c++).add(i.lat() == null ? null : i.lat().toString());
			columns.get(c++).add(i.lon() == null ? null : i.lon().toString());
			columns.get(c++).add(i.areaCode());
			columns.get(c++).add(i.areaLevel());
			columns.get(c++).add(i.ladCode());
			columns.get(c++).add(i.postcodeDistrict());
			columns.get(c++).add(Boolean.toString(i.fatal()));
			columns.get(c++).add(name(i.ageBand()));
			columns.get(c++).add(name(i.sex()));
			columns.get(c++).add(SqlArrays.textArray(i.substances()));
			columns.get(c++).add(SqlArrays.textArray(i.substanceClasses()));
			columns.get(c++).add(name(i.substanceBasis()));
			columns.get(c++).add(name(i.outcome()));
			columns.get(c++).add(i.personCode());
			columns.get(c++).add(Boolean.toString(i.repeatWithinYear()));
			columns.get(c++).add(i.recordedVia().name());
			columns.get(c++).add(i.recordedBy());
			columns.get(c).add(i.recordedAt().toString());
		}
		var spec = jdbc
			.sql("""
					INSERT INTO overdose.incident (%1$s)
					SELECT id, owner_agency, purpose, source, source_reference, occurred_at, lat, lon, area_code, area_level,
					    lad_code, postcode_district, fatal, age_band, sex, substances::text[], substance_classes::text[],
					    substance_basis, outcome, person_code, repeat_within_year, recorded_via, recorded_by, recorded_at
					FROM unnest(:c0::uuid[], :c1::text[], :c2::text[], :c3::text[], :c4::text[], :c5::timestamptz[],
					    :c6::float8[], :c7::float8[], :c8::text[], :c9::text[], :c10::text[], :c11::text[], :c12::boolean[],
					    :c13::text[], :c14::text[], :c15::text[], :c16::text[], :c17::text[], :c18::text[], :c19::text[],
					    :c20::boolean[], :c21::text[], :c22::text[], :c23::timestamptz[])
					  AS r (%1$s)
					ON CONFLICT (owner_agency, source_reference) WHERE source_reference IS NOT NULL DO NOTHING
					RETURNING id"""
				.formatted(COLUMNS));
		for (int c = 0; c < 24; c++) {
			spec = spec.param("c" + c, SqlArrays.array(columns.get(c)));
		}
		return spec.query(UUID.class).list();
	}

	/** Rows in one statement of {@link #insertAll}. */
	private static final int CHUNK = 5_000;

	/**
	 * Which of these source references the owner has incidents with already. Each is
	 * looked up in the owner's reference index on its own (a nested loop the planner
	 * cannot turn into a scan of the table): an import asks for a few thousand at a time
	 * while its own rows fill the table in the same transaction, and a scan compared
	 * every row with every reference asked for (and parsed the array again for each row).
	 */
	public Set<String> referencesKnown(String ownerAgency, Collection<String> references) {
		var known = new HashSet<String>();
		var all = List.copyOf(references);
		for (int from = 0; from < all.size(); from += 50_000) {
			known.addAll(jdbc.sql("""
					SELECT r.reference FROM unnest(CAST(:references AS text[])) AS r (reference)
					CROSS JOIN LATERAL (SELECT 1 FROM overdose.incident i
					                    WHERE i.owner_agency = :owner AND i.source_reference = r.reference
					                    LIMIT 1) AS found""")
				.param("owner", ownerAgency)
				.param("references", SqlArrays.textArray(all.subList(from, Math.min(all.size(), from + 50_000))))
				.query(String.class)
				.list());
		}
		return known;
	}

	/**
	 * When the owner's sources recorded overdoses of these person codes, by source and
	 * person code ({@code SOURCE|code}); each source and code looked up in the index of
	 * person codes on its own, as {@link #referencesKnown} does.
	 */
	public Map<String, List<Instant>> overdosesOf(String ownerAgency, Collection<String> personCodes) {
		var found = new HashMap<String, List<Instant>>();
		var all = List.copyOf(personCodes);
		var sources = SqlArrays.textArray(Stream.of(IncidentSource.values()).map(IncidentSource::name).toList());
		for (int from = 0; from < all.size(); from += 50_000) {
			jdbc.sql("""
					SELECT s.source, c.code, f.occurred_at FROM unnest(CAST(:codes AS text[])) AS c (code)
					CROSS JOIN unnest(CAST(:sources AS text[])) AS s (source)
					CROSS JOIN LATERAL (SELECT i.occurred_at FROM overdose.incident i
					                    WHERE i.owner_agency = :owner AND i.source = s.source AND i.person_code = c.code
					                    OFFSET 0) AS f""")
				.param("owner", ownerAgency)
				.param("codes", SqlArrays.textArray(all.subList(from, Math.min(all.size(), from + 50_000))))
				.param("sources", sources)
				.query((rs, row) -> found
					.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new ArrayList<>())
					.add(rs.getTimestamp(3).toInstant()))
				.list();
		}
		return found;
	}

	/**
	 * Whether the owner has any incident with a source reference (with a person code):
	 * when not, an import need not look its references (codes) up.
	 */
	public boolean hasAny(String ownerAgency, boolean personCodes) {
		return jdbc.sql(personCodes
				? "SELECT EXISTS (SELECT 1 FROM overdose.incident WHERE owner_agency = ? AND person_code IS NOT NULL)"
				: "SELECT EXISTS (SELECT 1 FROM overdose.incident WHERE owner_agency = ? AND source_reference IS NOT NULL)")
			.param(ownerAgency)
			.query(Boolean.class)
			.single();
	}

	/** The owner's incident with this source reference, if any. */
	public Optional<UUID> idOf(String ownerAgency, String sourceReference) {
		return jdbc.sql("SELECT id FROM overdose.incident WHERE owner_agency = ? AND source_reference = ?")
			.params(ownerAgency, sourceReference)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Whether the same source of the owner recorded an overdose of this person in the
	 * year before {@code occurredAt}.
	 */
	public boolean overdosedWithinYear(String ownerAgency, IncidentSource source, String personCode,
			Instant occurredAt) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM overdose.incident
				               WHERE owner_agency = ? AND source = ? AND person_code = ?
				                 AND occurred_at >= ? AND occurred_at < ?)""")
			.params(ownerAgency, source.name(), personCode, Timestamp.from(occurredAt.minus(Duration.ofDays(365))),
					Timestamp.from(occurredAt))
			.query(Boolean.class)
			.single();
	}

	public Optional<StoredIncident> find(UUID id) {
		var found = jdbc.sql("SELECT " + COLUMNS + " FROM overdose.incident WHERE id = ?")
			.param(id)
			.query(IncidentRepository::incident)
			.optional();
		return found.map(incident -> incident.withNaloxone(naloxone(List.of(id)).getOrDefault(id, List.of())));
	}

	/** A page of the incidents the query reads, newest first. */
	public List<StoredIncident> page(Query query, int limit, long offset) {
		var incidents = bind(jdbc.sql("SELECT " + COLUMNS + " FROM overdose.incident " + WHERE
				+ " ORDER BY occurred_at DESC, id LIMIT :limit OFFSET :offset"), query)
			.param("limit", limit)
			.param("offset", offset)
			.query(IncidentRepository::incident)
			.list();
		var given = naloxone(incidents.stream().map(StoredIncident::id).toList());
		return incidents.stream().map(i -> i.withNaloxone(given.getOrDefault(i.id(), List.of()))).toList();
	}

	/** How many incidents the query reads. */
	public long count(Query query) {
		return bind(jdbc.sql("SELECT count(*) FROM overdose.incident " + WHERE), query).query(Long.class).single();
	}

	/** Every incident the query reads, oldest first, as a map draws it. */
	public List<MapRow> mapRows(Query query) {
		return bind(jdbc.sql("""
				SELECT owner_agency, purpose, occurred_at, fatal, lat, lon, area_code, area_level, lad_code
				FROM overdose.incident
				""" + WHERE + " ORDER BY occurred_at, id"), query)
			.query((rs, row) -> new MapRow(rs.getString(1), Purpose.valueOf(rs.getString(2)),
					rs.getTimestamp(3).toInstant(), rs.getBoolean(4), number(rs, "lat"), number(rs, "lon"),
					rs.getString(7), rs.getString(8), rs.getString(9)))
			.list();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Query query) {
		return spec.param("owners", SqlArrays.textArray(List.copyOf(query.owners())))
			.param("from", query.from() == null ? null : Timestamp.from(query.from()))
			.param("until", query.until() == null ? null : Timestamp.from(query.until()))
			.param("lad", query.ladCode())
			.param("fatal", query.fatal())
			.param("substanceClass", query.substanceClass());
	}

	private Map<UUID, List<NaloxoneAdministration>> naloxone(List<UUID> incidents) {
		var given = new HashMap<UUID, List<NaloxoneAdministration>>();
		if (incidents.isEmpty()) {
			return given;
		}
		jdbc.sql("""
				SELECT incident_id, given_by, holder_agency, doses, route FROM overdose.naloxone
				WHERE incident_id = ANY (?::uuid[]) ORDER BY incident_id, position""")
			.param(SqlArrays.textArray(incidents.stream().map(UUID::toString).toList()))
			.query((rs, row) -> {
				given.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
					.add(new NaloxoneAdministration(NaloxoneGiver.valueOf(rs.getString(2)), rs.getString(3),
							rs.getInt(4), NaloxoneRoute.valueOf(rs.getString(5))));
				return 1;
			})
			.list();
		return given;
	}

	private static StoredIncident incident(ResultSet rs, int row) throws SQLException {
		return new StoredIncident(rs.getObject("id", UUID.class), rs.getString("owner_agency"),
				Purpose.valueOf(rs.getString("purpose")), IncidentSource.valueOf(rs.getString("source")),
				rs.getString("source_reference"), rs.getTimestamp("occurred_at").toInstant(), number(rs, "lat"),
				number(rs, "lon"), rs.getString("area_code"), rs.getString("area_level"), rs.getString("lad_code"),
				rs.getString("postcode_district"), rs.getBoolean("fatal"), constant(rs, "age_band", AgeBand::valueOf),
				constant(rs, "sex", Sex::valueOf), SqlArrays.strings(rs, "substances"),
				SqlArrays.strings(rs, "substance_classes"), constant(rs, "substance_basis", SubstanceBasis::valueOf),
				constant(rs, "outcome", IncidentOutcome::valueOf), rs.getString("person_code"),
				rs.getBoolean("repeat_within_year"), RecordedVia.valueOf(rs.getString("recorded_via")),
				rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), List.of());
	}

	private static @Nullable Double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static <E extends Enum<E>> @Nullable E constant(ResultSet rs, String column, Function<String, E> valueOf)
			throws SQLException {
		var text = rs.getString(column);
		return text == null ? null : valueOf.apply(text);
	}

	private static @Nullable String name(@Nullable Enum<?> constant) {
		return constant == null ? null : constant.name();
	}

}
