package org.harmwatch.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import javax.sql.DataSource;

import org.harmwatch.platform.audit.AuditChainCheck.Verification;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit chain in one PostgreSQL table: entries are appended without a lock and sealed
 * into the chain afterwards.
 *
 * <p>
 * {@link #append} inserts an entry in its own transaction, numbered by a sequence, so
 * writers never wait for each other. {@link #seal} then takes the committed entries that
 * have no place in the chain yet, in the order they were numbered, and gives each the
 * next position and an HMAC-SHA-256 over its fields and the MAC before it, with the
 * current audit key; it holds a transaction-scoped advisory lock, so sealers on several
 * instances take turns and the chain never forks. An entry that commits late (after
 * later-numbered ones were sealed) simply gets a later position. {@link #verify} reads
 * the sealed chain in order through {@link AuditChainCheck}.
 *
 * <p>
 * Not a Spring bean by itself: {@code AuditConfiguration} makes the one for
 * {@code platform.audit_event}; the tamper tests make others on copies of that table.
 */
final class AuditChain {

	/** Advisory lock key for sealing {@code platform.audit_event} ("audit" in ASCII). */
	static final long CHAIN_LOCK = 0x6175646974L;

	/** Entries sealed in one transaction. */
	static final int SEAL_BATCH = 1000;

	/**
	 * The newest sealed entry.
	 *
	 * @param chainSeq its position, 0 if nothing is sealed yet
	 * @param hash its hash or MAC ({@link AuditHashes#GENESIS} if nothing is sealed yet)
	 */
	record Head(long chainSeq, String hash) {
	}

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final TransactionTemplate newTransaction;

	private final TransactionTemplate readOnly;

	private final String table;

	private final long lockKey;

	private final AuditKeys keys;

	private final Clock clock;

	/**
	 * Works on one table.
	 * @param table the audit table, schema-qualified; a constant, never user input
	 * @param lockKey the advisory lock that sealers of this table take
	 */
	AuditChain(DataSource dataSource, PlatformTransactionManager transactions, String table, long lockKey,
			AuditKeys keys, Clock clock) {
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		// Verification streams the chain through a cursor instead of loading it whole.
		this.jdbcTemplate.setFetchSize(SEAL_BATCH);
		this.jdbc = JdbcClient.create(jdbcTemplate);
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.readOnly.setReadOnly(true);
		this.table = table;
		this.lockKey = lockKey;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * Writes one entry in its own transaction; it is sealed into the chain within
	 * moments.
	 */
	void append(String actor, @Nullable String agency, String action, String recordType, @Nullable String recordId,
			@Nullable String purpose, String outcome, @Nullable String detail) {
		var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		newTransaction.executeWithoutResult(status -> jdbc.sql("INSERT INTO " + table + """
				 (occurred_at, actor, agency, action, record_type, record_id, purpose, outcome, detail, scheme)
				VALUES (:at, :actor, :agency, :action, :recordType, :recordId, :purpose, :outcome, :detail,
				  'HMAC_SHA256')
				""")
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.param("agency", agency)
			.param("action", action)
			.param("recordType", recordType)
			.param("recordId", recordId)
			.param("purpose", purpose)
			.param("outcome", outcome)
			.param("detail", detail)
			.update());
	}

	/**
	 * Seals every committed entry that is not in the chain yet, a batch per transaction.
	 * @param wait whether to wait for another sealer to finish; if not, returns 0 when
	 * one is at work
	 * @return how many entries were sealed
	 */
	long seal(boolean wait) {
		long total = 0;
		while (true) {
			Integer sealed = newTransaction.execute(status -> sealBatch(wait));
			if (sealed == null || sealed <= 0) {
				return total;
			}
			total += sealed;
			if (sealed < SEAL_BATCH) {
				return total;
			}
		}
	}

	private int sealBatch(boolean wait) {
		if (wait) {
			jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(lockKey).query().singleRow();
		}
		else if (!Boolean.TRUE
			.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(lockKey).query(Boolean.class).single())) {
			return -1;
		}
		var entries = jdbc.sql("SELECT * FROM " + table + " WHERE chain_seq IS NULL ORDER BY seq LIMIT " + SEAL_BATCH)
			.query((rs, n) -> AuditEntry.fromRow(rs))
			.list();
		if (entries.isEmpty()) {
			return 0;
		}
		var head = head();
		var key = keys.current();
		var mac = key.newMac();
		long position = head.chainSeq();
		var previous = head.hash();
		var rows = new ArrayList<Object[]>(entries.size());
		for (var entry : entries) {
			position++;
			var hash = AuditHashes.seal(mac, key.id(), position, previous, entry);
			rows.add(new Object[] { position, key.id(), previous, hash, entry.seq() });
			previous = hash;
		}
		var counts = jdbcTemplate.batchUpdate(
				"UPDATE " + table
						+ " SET chain_seq = ?, key_id = ?, prev_hash = ?, hash = ? WHERE seq = ? AND chain_seq IS NULL",
				rows);
		for (var count : counts) {
			if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
				throw new IllegalStateException("An audit entry changed while it was being sealed");
			}
		}
		return entries.size();
	}

	/** The newest sealed entry. */
	Head head() {
		return jdbc
			.sql("SELECT chain_seq, hash FROM " + table
					+ " WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1")
			.query((rs, n) -> new Head(rs.getLong("chain_seq"), rs.getString("hash")))
			.optional()
			.orElse(new Head(0, AuditHashes.GENESIS));
	}

	/** Entries written but not sealed yet. */
	long unsealed() {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE chain_seq IS NULL").query(Long.class).single();
	}

	/**
	 * Checks the sealed chain against the keys and these checkpoints (read before, so
	 * that every checkpoint is of a state the chain has reached). Call {@link #seal}
	 * first to include what was just written.
	 */
	Verification verify(AuditCheckpoints.Reading checkpoints) {
		var check = new AuditChainCheck(keys, checkpoints);
		readOnly.executeWithoutResult(status -> jdbcTemplate.query(
				"SELECT * FROM " + table + " WHERE chain_seq IS NOT NULL ORDER BY chain_seq",
				(ResultSetExtractor<@Nullable Void>) rs -> {
					while (rs.next() && check.accept(AuditEntry.fromRow(rs))) {
						// each entry is checked as it arrives
					}
					return null;
				}));
		return check.finish(unsealed());
	}

}
