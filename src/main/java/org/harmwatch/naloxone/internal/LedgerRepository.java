package org.harmwatch.naloxone.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.naloxone.FinderEntry;
import org.harmwatch.naloxone.Holder;
import org.harmwatch.naloxone.HolderDraft;
import org.harmwatch.naloxone.HolderKind;
import org.harmwatch.naloxone.KitReason;
import org.harmwatch.naloxone.Ledger;
import org.harmwatch.naloxone.MovementDraft;
import org.harmwatch.naloxone.MovementKind;
import org.harmwatch.naloxone.Product;
import org.harmwatch.naloxone.ReleasePoint;
import org.harmwatch.naloxone.Sector;
import org.harmwatch.naloxone.SupplyType;
import org.harmwatch.platform.SqlArrays;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The kit ledger's SQL: holders, batches, movements, and stock as the sum of the
 * movements.
 */
@Repository
public class LedgerRepository {

	/** Kits into (+) and out of (-) each holder's stock, per batch. */
	private static final String FLOWS = """
			WITH flows AS (
			  SELECT to_holder AS holder_id, batch_id, kits FROM naloxone.movement WHERE to_holder IS NOT NULL
			  UNION ALL
			  SELECT from_holder, batch_id, -kits FROM naloxone.movement WHERE from_holder IS NOT NULL)
			""";

	private final JdbcClient jdbc;

	LedgerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Product> products() {
		return jdbc.sql("SELECT code, name, form, doses_per_kit FROM naloxone.product ORDER BY name")
			.query((rs, n) -> new Product(rs.getString("code"), rs.getString("name"), rs.getString("form"),
					rs.getInt("doses_per_kit")))
			.list();
	}

	public boolean productExists(String code) {
		return jdbc.sql("SELECT count(*) FROM naloxone.product WHERE code = ?")
			.param(code)
			.query(Long.class)
			.single() > 0;
	}

	public List<Holder> holders(Set<String> owners) {
		if (owners.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM naloxone.holder WHERE owner_agency = ANY(CAST(? AS TEXT[])) ORDER BY name")
			.param(SqlArrays.textArray(List.copyOf(owners)))
			.query(LedgerRepository::holder)
			.list();
	}

	/** Every holder in the region, whoever keeps its ledger: for counts only. */
	public List<Holder> allHolders() {
		return jdbc.sql("SELECT * FROM naloxone.holder ORDER BY name").query(LedgerRepository::holder).list();
	}

	public Optional<Holder> holder(UUID id) {
		return jdbc.sql("SELECT * FROM naloxone.holder WHERE id = ?")
			.param(id)
			.query(LedgerRepository::holder)
			.optional();
	}

	/** The holder in a ledger that is the agency, or belongs to it, first added first. */
	public Optional<Holder> holderOfAgency(String agencyCode) {
		return jdbc.sql("SELECT * FROM naloxone.holder WHERE agency_code = ? ORDER BY created_at, id LIMIT 1")
			.param(agencyCode)
			.query(LedgerRepository::holder)
			.optional();
	}

	public boolean holderNameTaken(String owner, String name) {
		return jdbc.sql("SELECT count(*) FROM naloxone.holder WHERE owner_agency = ? AND lower(name) = lower(?)")
			.param(owner)
			.param(name)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Adds a holder; {@code ladCode} and {@code lsoaCode} are the areas its point falls
	 * in when it has one (else the district as entered).
	 */
	public UUID addHolder(String owner, HolderDraft draft, @Nullable String ladCode, @Nullable String lsoaCode,
			Sector sector, Instant now, String by) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO naloxone.holder (id, owner_agency, kind, name, agency_code, lad_code, address, postcode,
				  opening_hours, trains, public_listing, latitude, longitude, lsoa_code, sector, created_at, created_by)
				VALUES (:id, :owner, :kind, :name, :agencyCode, :ladCode, :address, :postcode, :hours, :trains, :listed,
				  :lat, :lon, :lsoa, :sector, :now, :by)
				""")
			.param("id", id)
			.param("owner", owner)
			.param("kind", draft.kind().name())
			.param("name", draft.name())
			.param("agencyCode", draft.agencyCode())
			.param("ladCode", ladCode)
			.param("lat", draft.latitude())
			.param("lon", draft.longitude())
			.param("lsoa", lsoaCode)
			.param("sector", sector.name())
			.param("address", draft.address())
			.param("postcode", draft.postcode())
			.param("hours", draft.openingHours())
			.param("trains", draft.trains())
			.param("listed", draft.publicListing())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
		return id;
	}

	/** A batch: its id and expiry date. */
	public record Batch(UUID id, LocalDate expiresOn) {
	}

	public Optional<Batch> batch(String productCode, String batchNumber) {
		return jdbc.sql("SELECT id, expires_on FROM naloxone.batch WHERE product_code = ? AND batch_number = ?")
			.param(productCode)
			.param(batchNumber)
			.query((rs, n) -> new Batch(rs.getObject("id", UUID.class), rs.getObject("expires_on", LocalDate.class)))
			.optional();
	}

	public Batch addBatch(String productCode, String batchNumber, LocalDate expiresOn) {
		jdbc.sql("""
				INSERT INTO naloxone.batch (id, product_code, batch_number, expires_on) VALUES (?, ?, ?, ?)
				ON CONFLICT (product_code, batch_number) DO NOTHING
				""").param(UUID.randomUUID()).param(productCode).param(batchNumber).param(expiresOn).update();
		return batch(productCode, batchNumber).orElseThrow();
	}

	/**
	 * Takes the holder's lock until the transaction ends, so that two movements out of
	 * one holder cannot both spend the same stock.
	 */
	public void lockHolder(UUID holder) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('naloxone-holder:' || ?))")
			.param(holder.toString())
			.query((rs, n) -> 1)
			.list();
	}

	public long stock(UUID holder, UUID batch) {
		return jdbc.sql(FLOWS + "SELECT coalesce(sum(kits), 0) FROM flows WHERE holder_id = ? AND batch_id = ?")
			.param(holder)
			.param(batch)
			.query(Long.class)
			.single();
	}

	public UUID addMovement(String owner, MovementDraft draft, UUID batch, Instant now, String by) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO naloxone.movement (id, owner_agency, kind, batch_id, from_holder, to_holder, kits,
				  happened_on, client_code, supply_type, reason, release_point, age_band, sex, recorded_at, recorded_by)
				VALUES (:id, :owner, :kind, :batch, :from, :to, :kits, :on, :client, :type, :reason, :point, :ageBand,
				  :sex, :now, :by)
				""")
			.param("id", id)
			.param("owner", owner)
			.param("kind", draft.kind().name())
			.param("batch", batch)
			.param("from", draft.kind().takesFrom() ? draft.fromHolder() : null)
			.param("to", draft.kind().addsTo() ? draft.toHolder() : null)
			.param("kits", draft.kits())
			.param("on", draft.happenedOn())
			.param("client", draft.clientCode())
			.param("type", name(draft.supplyType()))
			.param("reason", name(draft.reason()))
			.param("point", name(draft.releasePoint()))
			.param("ageBand", draft.kind() == MovementKind.SUPPLIED ? name(draft.ageBand()) : null)
			.param("sex", draft.kind() == MovementKind.SUPPLIED ? name(draft.sex()) : null)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
		return id;
	}

	/** Kits in stock, per holder and batch, in the owners' holders. */
	public List<Ledger.StockLine> stock(Set<String> owners) {
		if (owners.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(FLOWS + """
				SELECT h.id, h.name, b.product_code, b.batch_number, b.expires_on, sum(f.kits) AS kits
				FROM flows f JOIN naloxone.holder h ON h.id = f.holder_id JOIN naloxone.batch b ON b.id = f.batch_id
				WHERE h.owner_agency = ANY(CAST(? AS TEXT[]))
				GROUP BY h.id, h.name, b.product_code, b.batch_number, b.expires_on
				HAVING sum(f.kits) > 0
				ORDER BY h.name, b.expires_on, b.batch_number
				""")
			.param(SqlArrays.textArray(List.copyOf(owners)))
			.query((rs, n) -> new Ledger.StockLine(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("product_code"), rs.getString("batch_number"),
					rs.getObject("expires_on", LocalDate.class), rs.getLong("kits")))
			.list();
	}

	/** Kits in the owners' stock that expire on or before the day. */
	public long kitsExpiringBy(Set<String> owners, LocalDate day) {
		return stock(owners).stream().filter(s -> !s.expiresOn().isAfter(day)).mapToLong(Ledger.StockLine::kits).sum();
	}

	/** The latest supplies to people from the owners' holders. */
	public List<Ledger.Supply> supplies(Set<String> owners, int limit) {
		if (owners.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT m.happened_on, h.name, b.product_code, m.kits, m.client_code, m.supply_type, m.reason,
				  m.release_point
				FROM naloxone.movement m JOIN naloxone.holder h ON h.id = m.from_holder
				JOIN naloxone.batch b ON b.id = m.batch_id
				WHERE m.kind = 'SUPPLIED' AND h.owner_agency = ANY(CAST(? AS TEXT[]))
				ORDER BY m.happened_on DESC, m.recorded_at DESC LIMIT ?
				""")
			.param(SqlArrays.textArray(List.copyOf(owners)))
			.param(limit)
			.query((rs, n) -> new Ledger.Supply(rs.getObject("happened_on", LocalDate.class), rs.getString("name"),
					rs.getString("product_code"), rs.getInt("kits"), rs.getString("client_code"),
					value(SupplyType.class, rs.getString("supply_type")),
					value(KitReason.class, rs.getString("reason")),
					value(ReleasePoint.class, rs.getString("release_point"))))
			.list();
	}

	/** Places listed in the public finder, in a district or everywhere. */
	public List<FinderEntry> finder(@Nullable String ladCode, boolean trainsOnly) {
		return jdbc.sql("""
				SELECT name, kind, address, postcode, lad_code, opening_hours, trains, latitude, longitude
				FROM naloxone.holder
				WHERE public_listing AND (CAST(:lad AS TEXT) IS NULL OR lad_code = :lad) AND (trains OR NOT :trainsOnly)
				ORDER BY lad_code NULLS LAST, name
				""")
			.param("lad", ladCode)
			.param("trainsOnly", trainsOnly)
			.query((rs, n) -> new FinderEntry(rs.getString("name"), HolderKind.valueOf(rs.getString("kind")),
					rs.getString("address"), rs.getString("postcode"), rs.getString("lad_code"), null,
					rs.getString("opening_hours"), rs.getBoolean("trains"), rs.getObject("latitude", Double.class),
					rs.getObject("longitude", Double.class)))
			.list();
	}

	private static Holder holder(ResultSet rs, int n) throws SQLException {
		return new Holder(rs.getObject("id", UUID.class), rs.getString("owner_agency"),
				HolderKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("agency_code"),
				rs.getString("lad_code"), rs.getString("address"), rs.getString("postcode"),
				rs.getString("opening_hours"), rs.getBoolean("trains"), rs.getBoolean("public_listing"),
				rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
				rs.getString("lsoa_code"), Sector.valueOf(rs.getString("sector")));
	}

	private static @Nullable String name(@Nullable Enum<?> value) {
		return value == null ? null : value.name();
	}

	static <E extends Enum<E>> @Nullable E value(Class<E> type, @Nullable String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

}
