package org.harmwatch.drugchecking.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.platform.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of drug-checking work waiting, for the home page's work queue.
 *
 * <p>
 * Samples are counted only in sessions of the given owner agencies and taken since a
 * given time: the sessions by {@code session_owner_idx}, their samples by the range of
 * {@code sample_session (session_id, taken_at)}, each sample's results by
 * {@code result (sample_id, version)}'s unique index. Imports (the platform's jobs of
 * kind {@link SampleImportKind#NAME}) by {@code import_job_waiting}; failed ones are few,
 * kept only until {@code harmwatch.imports.keep-for}.
 */
@Repository
@Transactional(readOnly = true)
public class DrugCheckingWorkRepository {

	private static final String SAMPLES = """
			SELECT count(*) FROM drugchecking.sample s JOIN drugchecking.session se ON se.id = s.session_id
			WHERE se.owner_agency = ANY(CAST(:owners AS TEXT[])) AND s.taken_at >= :since AND """;

	private final JdbcClient jdbc;

	DrugCheckingWorkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Samples taken since then, in these agencies' sessions, with no result recorded. */
	public long samplesWithoutResult(Set<String> owners, Instant since) {
		return samples(owners, since, "NOT EXISTS (SELECT 1 FROM drugchecking.result r WHERE r.sample_id = s.id)");
	}

	/**
	 * Samples taken since then, in these agencies' sessions, whose current result is not
	 * confirmed.
	 */
	public long unconfirmedResults(Set<String> owners, Instant since) {
		return samples(owners, since, """
				NOT (SELECT r.confirmed FROM drugchecking.result r WHERE r.sample_id = s.id
				     ORDER BY r.version DESC LIMIT 1)""");
	}

	private long samples(Set<String> owners, Instant since, String condition) {
		if (owners.isEmpty()) {
			return 0;
		}
		return jdbc.sql(SAMPLES + " " + condition)
			.param("owners", SqlArrays.textArray(List.copyOf(owners)))
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	/**
	 * How many of this person's imports are in these states (only they see their
	 * imports).
	 */
	public long imports(String username, Set<String> states) {
		return jdbc.sql("""
				SELECT count(*) FROM platform.import_job
				WHERE status = ANY(CAST(:states AS TEXT[])) AND uploaded_by = :user AND kind = :kind""")
			.param("states", SqlArrays.textArray(List.copyOf(states)))
			.param("user", username)
			.param("kind", SampleImportKind.NAME)
			.query(Long.class)
			.single();
	}

	/** This person's latest import in these states, if any. */
	public Optional<UUID> latestImport(String username, Set<String> states) {
		return jdbc.sql("""
				SELECT id FROM platform.import_job
				WHERE status = ANY(CAST(:states AS TEXT[])) AND uploaded_by = :user AND kind = :kind
				ORDER BY uploaded_at DESC LIMIT 1""")
			.param("states", SqlArrays.textArray(List.copyOf(states)))
			.param("user", username)
			.param("kind", SampleImportKind.NAME)
			.query(UUID.class)
			.optional();
	}

}
