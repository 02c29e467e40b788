package org.harmwatch.overdose.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.harmwatch.platform.SqlArrays;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Coroners' findings on drug-related deaths, in the {@code overdose} schema. */
@Repository
public class DeathRepository {

	/** A finding as stored, with the definitions already applied. */
	public record StoredFinding(UUID id, String ownerAgency, String sourceReference, LocalDate dateOfDeath,
			@Nullable LocalDate dateOfRegistration, String ladCode, String underlyingCause, List<String> substances,
			List<String> substanceClasses, @Nullable Boolean controlledUnderMda, boolean drugPoisoning,
			boolean drugMisuse, String recordedBy, Instant recordedAt) {
	}

	/** Deaths in one district and year, counted by registration or by occurrence. */
	public record Count(String ladCode, int year, long poisoning, long misuse) {
	}

	private final JdbcClient jdbc;

	DeathRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the finding; false, storing nothing, when its owner has its reference
	 * already.
	 */
	public boolean insert(StoredFinding f) {
		return jdbc
			.sql("""
					INSERT INTO overdose.death_finding (id, owner_agency, purpose, source_reference, date_of_death,
					    date_of_registration, lad_code, underlying_cause, substances, substance_classes, controlled_under_mda,
					    drug_poisoning, drug_misuse, recorded_by, recorded_at)
					VALUES (:id, :owner, 'HEALTH', :reference, :death, :registration, :lad, :cause, :substances::text[],
					    :classes::text[], :controlled, :poisoning, :misuse, :by, :at)
					ON CONFLICT (owner_agency, source_reference) DO NOTHING""")
			.param("id", f.id())
			.param("owner", f.ownerAgency())
			.param("reference", f.sourceReference())
			.param("death", Date.valueOf(f.dateOfDeath()))
			.param("registration", f.dateOfRegistration() == null ? null : Date.valueOf(f.dateOfRegistration()))
			.param("lad", f.ladCode())
			.param("cause", f.underlyingCause())
			.param("substances", SqlArrays.textArray(f.substances()))
			.param("classes", SqlArrays.textArray(f.substanceClasses()))
			.param("controlled", f.controlledUnderMda())
			.param("poisoning", f.drugPoisoning())
			.param("misuse", f.drugMisuse())
			.param("by", f.recordedBy())
			.param("at", Timestamp.from(f.recordedAt()))
			.update() == 1;
	}

	/**
	 * Drug poisoning and misuse deaths of these owners per district and year of
	 * registration.
	 */
	public List<Count> byRegistration(Collection<String> owners, int firstYear, int lastYear) {
		return count("date_of_registration", owners, firstYear, lastYear);
	}

	/**
	 * Drug poisoning and misuse deaths of these owners per district and year of death.
	 */
	public List<Count> byOccurrence(Collection<String> owners, int firstYear, int lastYear) {
		return count("date_of_death", owners, firstYear, lastYear);
	}

	private List<Count> count(String column, Collection<String> owners, int firstYear, int lastYear) {
		return jdbc.sql("""
				SELECT lad_code, CAST(extract(year FROM %1$s) AS int) AS year,
				       count(*) FILTER (WHERE drug_poisoning), count(*) FILTER (WHERE drug_misuse)
				FROM overdose.death_finding
				WHERE owner_agency = ANY (:owners::text[]) AND %1$s >= :first AND %1$s < :after
				GROUP BY 1, 2""".formatted(column))
			.param("owners", SqlArrays.textArray(List.copyOf(owners)))
			.param("first", Date.valueOf(LocalDate.of(firstYear, 1, 1)))
			.param("after", Date.valueOf(LocalDate.of(lastYear + 1, 1, 1)))
			.query((rs, row) -> new Count(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

}
