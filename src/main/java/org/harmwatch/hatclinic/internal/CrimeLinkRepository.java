package org.harmwatch.hatclinic.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.hatclinic.RecordedCrimeCount;
import org.harmwatch.platform.SqlArrays;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recorded-crime link's tables: the legal basis per agreement, each client's
 * pseudonym per force, and the counts the force sends per pseudonym and month.
 */
@Repository
public class CrimeLinkRepository {

	/** A recorded legal basis for links with a force. */
	public record BasisRow(UUID id, String owner, String forceAgency, UUID agreementId, String agreementReference,
			String legalBasis, String recordedBy, Instant recordedAt) {
	}

	/**
	 * An enrolled person's recorded offences in the months before and after enrolment.
	 */
	public record CrimePair(LocalDate enrolledOn, int before, int after) {
	}

	private final JdbcClient jdbc;

	CrimeLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a basis; false when the clinic relies on that agreement already. */
	public boolean addBasis(BasisRow basis) {
		return jdbc.sql("""
				INSERT INTO hatclinic.crime_link_basis (id, owner_agency, force_agency, agreement_id,
				  agreement_reference, legal_basis, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (owner_agency, agreement_id) DO NOTHING
				""")
			.params(basis.id(), basis.owner(), basis.forceAgency(), basis.agreementId(), basis.agreementReference(),
					basis.legalBasis(), basis.recordedBy(), Timestamp.from(basis.recordedAt()))
			.update() == 1;
	}

	/** The clinic's bases, newest first. */
	public List<BasisRow> bases(String owner) {
		return jdbc.sql("""
				SELECT id, owner_agency, force_agency, agreement_id, agreement_reference, legal_basis, recorded_by,
				  recorded_at FROM hatclinic.crime_link_basis WHERE owner_agency = ? ORDER BY recorded_at DESC
				""")
			.param(owner)
			.query((rs, row) -> new BasisRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getTimestamp(8).toInstant()))
			.list();
	}

	/** Whether any clinic relies on a basis for links with the force. */
	public boolean anyBasisWith(String forceAgency) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM hatclinic.crime_link_basis WHERE force_agency = ?)")
			.param(forceAgency)
			.query(Boolean.class)
			.single();
	}

	/** Links the enrolment; false when it is linked to that force already. */
	public boolean addLink(UUID enrolmentId, String forceAgency, String pseudonym, UUID basisId, String by,
			Instant now) {
		return jdbc.sql("""
				INSERT INTO hatclinic.crime_link (enrolment_id, force_agency, pseudonym, basis_id, recorded_by,
				  recorded_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (enrolment_id, force_agency) DO NOTHING
				""").params(enrolmentId, forceAgency, pseudonym, basisId, by, Timestamp.from(now)).update() == 1;
	}

	/** The forces the enrolment is linked to, with the day of the link. */
	public List<String> linkedForces(UUID enrolmentId) {
		return jdbc.sql("SELECT force_agency FROM hatclinic.crime_link WHERE enrolment_id = ? ORDER BY force_agency")
			.param(enrolmentId)
			.query(String.class)
			.list();
	}

	/**
	 * Stores a force's counts in one statement: a later count for the same pseudonym and
	 * month replaces the earlier one, within the batch (the last wins) and against what
	 * was sent before.
	 */
	public void putCounts(String forceAgency, List<RecordedCrimeCount> rows, String by, Instant now) {
		var latest = new LinkedHashMap<String, RecordedCrimeCount>();
		for (var row : rows) {
			latest.put(row.pseudonym() + "|" + row.month(), row);
		}
		var pseudonyms = new ArrayList<@Nullable String>(latest.size());
		var months = new ArrayList<@Nullable String>(latest.size());
		var offences = new ArrayList<@Nullable String>(latest.size());
		for (var row : latest.values()) {
			pseudonyms.add(row.pseudonym());
			months.add(Objects.requireNonNull(row.month()).atDay(1).toString());
			offences.add(String.valueOf(row.offences()));
		}
		jdbc.sql("""
				INSERT INTO hatclinic.recorded_crime (force_agency, pseudonym, month, offences, received_by,
				  received_at)
				SELECT ?, t.pseudonym, t.month, t.offences, ?, ?
				FROM unnest(?::text[], ?::date[], ?::int[]) AS t(pseudonym, month, offences)
				ON CONFLICT (force_agency, pseudonym, month) DO UPDATE SET offences = EXCLUDED.offences,
				  received_by = EXCLUDED.received_by, received_at = EXCLUDED.received_at
				""")
			.params(forceAgency, by, Timestamp.from(now), SqlArrays.array(pseudonyms), SqlArrays.array(months),
					SqlArrays.array(offences))
			.update();
	}

	/**
	 * Every linked enrolment whose months after enrolment have all passed, with its
	 * recorded offences in the {@code months} calendar months before the month of
	 * enrolment and the {@code months} after it, summed over its links.
	 */
	public List<CrimePair> crimePairs(int months, YearMonth current) {
		return jdbc
			.sql("""
					SELECT e.enrolled_on,
					  coalesce(sum(c.offences) FILTER (WHERE c.month >= date_trunc('month', e.enrolled_on) - make_interval(months => ?)
					    AND c.month < date_trunc('month', e.enrolled_on)), 0),
					  coalesce(sum(c.offences) FILTER (WHERE c.month > date_trunc('month', e.enrolled_on)
					    AND c.month <= date_trunc('month', e.enrolled_on) + make_interval(months => ?)), 0)
					FROM hatclinic.enrolment e
					JOIN hatclinic.crime_link l ON l.enrolment_id = e.id
					LEFT JOIN hatclinic.recorded_crime c ON c.force_agency = l.force_agency AND c.pseudonym = l.pseudonym
					WHERE date_trunc('month', e.enrolled_on) + make_interval(months => ?) < ?
					GROUP BY e.id, e.enrolled_on
					""")
			.params(months, months, months, current.atDay(1))
			.query((rs, row) -> new CrimePair(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	/** The clinic's basis by id, if it is the clinic's. */
	public Optional<BasisRow> basis(String owner, String forceAgency) {
		return bases(owner).stream().filter(b -> b.forceAgency().equals(forceAgency)).findFirst();
	}

}
