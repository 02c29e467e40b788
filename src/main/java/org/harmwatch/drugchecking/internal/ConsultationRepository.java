package org.harmwatch.drugchecking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.drugchecking.Consultation;
import org.harmwatch.drugchecking.IntendedChange;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and records a sample's consultation. A second recording replaces the first; the
 * database keeps the replaced one in {@code consultation_history}.
 */
@Repository
public class ConsultationRepository {

	private final JdbcClient jdbc;

	ConsultationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A consultation with the client id the field device gave it, if it came from one.
	 */
	public record Stored(@Nullable UUID clientId, Consultation consultation) {
	}

	public Optional<Stored> find(UUID sampleId) {
		return jdbc.sql("SELECT * FROM drugchecking.consultation WHERE sample_id = ?")
			.param(sampleId)
			.query(ConsultationRepository::stored)
			.optional();
	}

	/** The consultations of the samples; samples without one are left out. */
	public Map<UUID, Consultation> ofSamples(Collection<UUID> sampleIds) {
		var found = new HashMap<UUID, Consultation>();
		if (sampleIds.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT * FROM drugchecking.consultation WHERE sample_id = ANY (?::uuid[])")
			.param(Columns.array(sampleIds.stream().map(UUID::toString).toList()))
			.query((rs, i) -> Map.entry(rs.getObject("sample_id", UUID.class), stored(rs, i).consultation()))
			.list()
			.forEach(e -> found.put(e.getKey(), e.getValue()));
		return found;
	}

	public boolean existsByClientId(UUID clientId) {
		return jdbc.sql("SELECT count(*) FROM drugchecking.consultation WHERE client_id = ?")
			.param(clientId)
			.query(Long.class)
			.single() > 0;
	}

	/** Records the consultation, replacing the sample's earlier one. */
	public void save(UUID sampleId, String advice, @Nullable Boolean disposed, @Nullable IntendedChange change,
			@Nullable String referral, Instant at, String by) {
		jdbc.sql(
				"""
						INSERT INTO drugchecking.consultation (sample_id, advice, disposed, intended_change, referral, given_at,
						  given_by) VALUES (?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (sample_id) DO UPDATE SET advice = excluded.advice, disposed = excluded.disposed,
						  intended_change = excluded.intended_change, referral = excluded.referral, given_at = excluded.given_at,
						  given_by = excluded.given_by""")
			.param(sampleId)
			.param(advice)
			.param(disposed)
			.param(change == null ? null : change.name())
			.param(referral)
			.param(Columns.timestamp(at))
			.param(by)
			.update();
	}

	/** Records the client id a field device gave the sample's consultation. */
	public void setClientId(UUID sampleId, UUID clientId) {
		jdbc.sql("UPDATE drugchecking.consultation SET client_id = ? WHERE sample_id = ?")
			.param(clientId)
			.param(sampleId)
			.update();
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getObject("client_id", UUID.class),
				new Consultation(rs.getString("advice"), Columns.booleanOrNull(rs, "disposed"),
						Columns.enumOrNull(rs, "intended_change", IntendedChange::valueOf), rs.getString("referral"),
						Columns.instant(rs, "given_at")));
	}

}
