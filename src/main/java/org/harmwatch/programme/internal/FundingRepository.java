package org.harmwatch.programme.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.platform.SqlArrays;
import org.harmwatch.programme.FinancialYear;
import org.harmwatch.programme.FundedServiceKind;
import org.harmwatch.programme.FundingDrafts;
import org.harmwatch.programme.FundingLedger;
import org.harmwatch.programme.FundingStreamKind;
import org.harmwatch.programme.ServiceOutput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The funding ledger's tables: streams, their yearly amounts, services, allocations, and
 * the services' outputs as the delivering modules' events report them.
 */
@Repository
public class FundingRepository {

	/** A service as the rules need it. */
	public record ServiceRow(UUID id, String ownerAgency, FundedServiceKind kind, String districtCode) {
	}

	/** A service's allocation this year, for the audit. */
	public record Funded(FundedServiceKind kind, String districtCode, UUID serviceId, long pence) {
	}

	private final JdbcClient jdbc;

	FundingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records one output of a service; a second delivery of the same event changes
	 * nothing.
	 */
	public void recordOutput(UUID sourceId, ServiceOutput output, String districtCode, LocalDate on) {
		jdbc.sql("""
				INSERT INTO programme.service_output (source_id, output, district_code, happened_on)
				VALUES (?, ?, ?, ?) ON CONFLICT (source_id, output) DO NOTHING""")
			.param(sourceId)
			.param(output.name())
			.param(districtCode)
			.param(Date.valueOf(on))
			.update();
	}

	/** Outputs per district and kind of output in the year. */
	public Map<String, Map<ServiceOutput, Long>> outputs(FinancialYear year) {
		var result = new HashMap<String, Map<ServiceOutput, Long>>();
		jdbc.sql("""
				SELECT district_code, output, count(*) AS n FROM programme.service_output
				WHERE happened_on BETWEEN ? AND ? GROUP BY district_code, output""")
			.param(Date.valueOf(year.first()))
			.param(Date.valueOf(year.last()))
			.query(rs -> {
				result.computeIfAbsent(rs.getString("district_code"), d -> new EnumMap<>(ServiceOutput.class))
					.put(ServiceOutput.valueOf(rs.getString("output")), rs.getLong("n"));
			});
		return result;
	}

	/** Whether any agency has recorded a funding stream. */
	public boolean anyStream() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM programme.funding_stream)").query(Boolean.class).single();
	}

	public boolean streamNameTaken(String owner, String name) {
		return jdbc
			.sql("SELECT count(*) FROM programme.funding_stream WHERE owner_agency = ? AND lower(name) = lower(?)")
			.param(owner)
			.param(name)
			.query(Long.class)
			.single() > 0;
	}

	public boolean serviceNameTaken(String owner, String name) {
		return jdbc
			.sql("SELECT count(*) FROM programme.funded_service WHERE owner_agency = ? AND lower(name) = lower(?)")
			.param(owner)
			.param(name)
			.query(Long.class)
			.single() > 0;
	}

	public UUID addStream(String owner, FundingDrafts.Stream draft, String by, Instant at) {
		var id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO programme.funding_stream (id, owner_agency, purpose, name, kind, funder, recorded_by, recorded_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, owner, FundingPolicy.PURPOSE.name(), draft.name(), draft.kind().name(), draft.funder(), by,
					Timestamp.from(at))
			.update();
		return id;
	}

	public UUID addService(String owner, FundingDrafts.Service draft, String by, Instant at) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO programme.funded_service (id, owner_agency, purpose, name, kind, district_code, provider,
				  recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, owner, FundingPolicy.PURPOSE.name(), draft.name(), draft.kind().name(), draft.districtCode(),
					draft.provider(), by, Timestamp.from(at))
			.update();
		return id;
	}

	/** The owner of a stream, locking it until the transaction ends. */
	public Optional<String> lockStream(UUID id) {
		return jdbc.sql("SELECT owner_agency FROM programme.funding_stream WHERE id = ? FOR UPDATE")
			.param(id)
			.query(String.class)
			.optional();
	}

	public Optional<ServiceRow> service(UUID id) {
		return jdbc.sql("SELECT id, owner_agency, kind, district_code FROM programme.funded_service WHERE id = ?")
			.param(id)
			.query((rs, n) -> new ServiceRow(rs.getObject("id", UUID.class), rs.getString("owner_agency"),
					FundedServiceKind.valueOf(rs.getString("kind")), rs.getString("district_code")))
			.optional();
	}

	public Optional<Long> amount(UUID stream, int year) {
		return jdbc.sql("SELECT pence FROM programme.funding_amount WHERE stream_id = ? AND year = ?")
			.param(stream)
			.param(year)
			.query(Long.class)
			.optional();
	}

	public long allocated(UUID stream, int year) {
		return jdbc.sql("SELECT coalesce(sum(pence), 0) FROM programme.allocation WHERE stream_id = ? AND year = ?")
			.param(stream)
			.param(year)
			.query(Long.class)
			.single();
	}

	public void setAmount(UUID stream, int year, long pence) {
		jdbc.sql("""
				INSERT INTO programme.funding_amount (stream_id, year, pence) VALUES (?, ?, ?)
				ON CONFLICT (stream_id, year) DO UPDATE SET pence = EXCLUDED.pence""")
			.param(stream)
			.param(year)
			.param(pence)
			.update();
	}

	public UUID allocate(FundingDrafts.Allocation draft, String by, Instant at) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO programme.allocation (id, stream_id, service_id, year, pence, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, draft.streamId(), draft.serviceId(), draft.year(), draft.pence(), by, Timestamp.from(at))
			.update();
		return id;
	}

	public List<FundingLedger.Stream> streams(Set<String> owners, int year) {
		return jdbc.sql("""
				SELECT s.id, s.owner_agency, s.name, s.kind, s.funder, a.pence,
				  (SELECT coalesce(sum(l.pence), 0) FROM programme.allocation l
				   WHERE l.stream_id = s.id AND l.year = ?) AS allocated
				FROM programme.funding_stream s
				LEFT JOIN programme.funding_amount a ON a.stream_id = s.id AND a.year = ?
				WHERE s.owner_agency = ANY(CAST(? AS TEXT[])) ORDER BY s.name""")
			.param(year)
			.param(year)
			.param(SqlArrays.textArray(List.copyOf(owners)))
			.query((rs, n) -> new FundingLedger.Stream(rs.getObject("id", UUID.class), rs.getString("owner_agency"),
					rs.getString("name"), FundingStreamKind.valueOf(rs.getString("kind")), rs.getString("funder"),
					rs.getObject("pence", Long.class), rs.getLong("allocated")))
			.list();
	}

	/** Services, with their district's name filled in by the caller. */
	public List<FundingLedger.Service> services(Set<String> owners, int year) {
		return jdbc.sql("""
				SELECT v.id, v.owner_agency, v.name, v.kind, v.district_code, v.provider,
				  (SELECT coalesce(sum(l.pence), 0) FROM programme.allocation l
				   JOIN programme.funding_stream s ON s.id = l.stream_id
				   WHERE l.service_id = v.id AND l.year = ? AND s.owner_agency = ANY(CAST(? AS TEXT[]))) AS allocated
				FROM programme.funded_service v
				WHERE v.owner_agency = ANY(CAST(? AS TEXT[])) ORDER BY v.name""")
			.param(year)
			.param(SqlArrays.textArray(List.copyOf(owners)))
			.param(SqlArrays.textArray(List.copyOf(owners)))
			.query((rs, n) -> new FundingLedger.Service(rs.getObject("id", UUID.class), rs.getString("owner_agency"),
					rs.getString("name"), FundedServiceKind.valueOf(rs.getString("kind")),
					rs.getString("district_code"), rs.getString("district_code"), rs.getString("provider"),
					rs.getLong("allocated")))
			.list();
	}

	public List<FundingLedger.Allocation> allocations(Set<String> owners, int year) {
		return jdbc.sql("""
				SELECT l.id, l.stream_id, s.name AS stream_name, l.service_id, v.name AS service_name, l.pence,
				  l.recorded_by, l.recorded_at
				FROM programme.allocation l
				JOIN programme.funding_stream s ON s.id = l.stream_id
				JOIN programme.funded_service v ON v.id = l.service_id
				WHERE l.year = ? AND s.owner_agency = ANY(CAST(? AS TEXT[])) ORDER BY l.recorded_at, l.id""")
			.param(year)
			.param(SqlArrays.textArray(List.copyOf(owners)))
			.query((rs, n) -> new FundingLedger.Allocation(rs.getObject("id", UUID.class),
					rs.getObject("stream_id", UUID.class), rs.getString("stream_name"),
					rs.getObject("service_id", UUID.class), rs.getString("service_name"), rs.getLong("pence"),
					rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	/**
	 * Each readable service's allocation this year from streams the reader may read, for
	 * the audit (services with none included, at zero).
	 */
	public List<Funded> funded(Set<String> owners, int year) {
		return services(owners, year).stream()
			.map(s -> new Funded(s.kind(), s.districtCode(), s.id(), s.allocatedPence()))
			.toList();
	}

}
