package org.harmwatch.platform.audit;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.audit.AuditChainCheck.Kind;
import org.harmwatch.platform.audit.AuditChainCheck.Verification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with the audit log as a database superuser without the key would, in the real
 * database.
 *
 * <p>
 * Each test works on its own copy of {@code platform.audit_event} (same columns,
 * constraints, indexes and append-only trigger), sealed and checked by the same code as
 * the real log, with its own key and checkpoint file: so other tests writing to the
 * shared log at the same time neither disturb it nor are disturbed by the damage done.
 * The log holds 25 entries; checkpoints were written after entries 20 and 25.
 */
@HarmwatchIntegrationTest
class AuditTamperIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	String table;

	AuditKeys keys;

	AuditChain chain;

	AuditCheckpoints checkpoints;

	@BeforeEach
	void writeAndSealALogOfItsOwn() {
		table = "platform.audit_tamper_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
		jdbc.sql("CREATE TABLE " + table + " (LIKE platform.audit_event INCLUDING ALL)").update();
		jdbc.sql("CREATE TRIGGER no_update_or_delete BEFORE UPDATE OR DELETE ON " + table
				+ " FOR EACH ROW EXECUTE FUNCTION platform.audit_event_is_append_only_but_sealable()")
			.update();
		keys = AuditKeys.fromFile(folder.resolve("audit.key"), true);
		chain = new AuditChain(dataSource, transactions, table, ThreadLocalRandom.current().nextLong(), keys,
				Clock.systemUTC());
		checkpoints = new AuditCheckpoints(folder.resolve("checkpoints.log"), keys, Clock.systemUTC());
		write(1, 20);
		chain.seal(true);
		checkpoints.write(chain.head());
		write(21, 25);
		chain.seal(true);
		checkpoints.write(chain.head());
	}

	@AfterEach
	void dropIt() {
		jdbc.sql("DROP TABLE " + table).update();
	}

	void write(int from, int to) {
		for (int i = from; i <= to; i++) {
			chain.append("auditor", "WMPCC", "STAFF_VIEWED", "staff", "staff-" + i, "HEALTH", "ALLOWED", "entry " + i);
		}
	}

	Verification verify() {
		chain.seal(true);
		var reading = checkpoints.read();
		return chain.verify(reading);
	}

	List<AuditEntry> sealed() {
		return jdbc.sql("SELECT * FROM " + table + " WHERE chain_seq IS NOT NULL ORDER BY chain_seq")
			.query((rs, n) -> AuditEntry.fromRow(rs))
			.list();
	}

	/**
	 * Runs SQL with the table's triggers switched off, as the database's superuser or
	 * owner can.
	 */
	void tamper(String sql, Object... params) {
		jdbc.sql("ALTER TABLE " + table + " DISABLE TRIGGER USER").update();
		try {
			jdbc.sql(sql).params(params).update();
		}
		finally {
			jdbc.sql("ALTER TABLE " + table + " ENABLE TRIGGER USER").update();
		}
	}

	/**
	 * Rewrites entry 10's detail and then every hash from it on with plain SHA-256, as
	 * the old chain was hashed.
	 */
	void rewriteEntry10AndReHashWithSha256(boolean claimTheOldScheme) {
		tamper("UPDATE " + table + " SET detail = 'nothing to see' WHERE chain_seq = 10");
		var entries = sealed();
		var previous = entries.get(8).hash();
		for (var e : entries.subList(9, entries.size())) {
			var hash = AuditHashes.hash(previous, e.seq(), e.occurredAt(), e.actor(), e.agency(), e.action(),
					e.recordType(), e.recordId(), e.purpose(), e.outcome(), e.detail());
			if (claimTheOldScheme) {
				tamper("UPDATE " + table
						+ " SET prev_hash = ?, hash = ?, scheme = 'SHA256', key_id = NULL WHERE seq = ?", previous,
						hash, e.seq());
			}
			else {
				tamper("UPDATE " + table + " SET prev_hash = ?, hash = ? WHERE seq = ?", previous, hash, e.seq());
			}
			previous = hash;
		}
	}

	@Test
	void anUntouchedLogIsIntact() {
		var result = verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.entriesChecked()).isEqualTo(25);
		assertThat(result.legacyEntries()).isZero();
		assertThat(result.checkpointsCompared()).isEqualTo(2);
		assertThat(result.latestCheckpoint().chainSeq()).isEqualTo(25);
		assertThat(result.unsealed()).isZero();
		assertThat(sealed()).allSatisfy(e -> {
			assertThat(e.scheme()).isEqualTo(AuditEntry.Scheme.HMAC_SHA256);
			assertThat(e.keyId()).isEqualTo(keys.current().id());
		});
	}

	@Test
	void anEntryRewrittenAndTheRestReHashedWithSha256IsFound() {
		rewriteEntry10AndReHashWithSha256(false);
		var result = verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.problem().kind()).isEqualTo(Kind.CHANGED);
		assertThat(result.brokenAt()).isEqualTo(10);
	}

	@Test
	void anEntryRewrittenAndTheRestReHashedAsEntriesFromBeforeKeyedSealingIsFound() {
		rewriteEntry10AndReHashWithSha256(true);
		var result = verify();
		assertThat(result.problem().kind()).isEqualTo(Kind.DOWNGRADED);
		assertThat(result.brokenAt()).isEqualTo(10);
	}

	@Test
	void anEntryRewrittenAndTheRestReSealedWithAnotherKeyIsFound() {
		tamper("UPDATE " + table + " SET detail = 'nothing to see' WHERE chain_seq = 10");
		var wrongKey = AuditKeys.parse(AuditKeys.newKey(), "attacker").current();
		var entries = sealed();
		var previous = entries.get(8).hash();
		for (var e : entries.subList(9, entries.size())) {
			// Under our key's id: the attacker knows it, it is in every row.
			var hash = AuditHashes.seal(wrongKey.newMac(), e.keyId(), e.chainSeq(), previous, e);
			tamper("UPDATE " + table + " SET prev_hash = ?, hash = ? WHERE seq = ?", previous, hash, e.seq());
			previous = hash;
		}
		var result = verify();
		assertThat(result.problem().kind()).isEqualTo(Kind.CHANGED);
		assertThat(result.brokenAt()).isEqualTo(10);
	}

	@Test
	void theNewestEntriesDeletedAreFoundByTheCheckpoint() {
		tamper("DELETE FROM " + table + " WHERE chain_seq > 22");
		var result = verify();
		assertThat(result.problem().kind()).isEqualTo(Kind.TAIL_MISSING);
		assertThat(result.brokenAt()).isEqualTo(23);
		assertThat(result.problem().chainEnd()).isEqualTo(22);
		assertThat(result.problem().checkpoint().chainSeq()).isEqualTo(25);
		assertThat(result.entriesChecked()).isEqualTo(22);
	}

	@Test
	void theNewestEntriesDeletedAndTheLogGrownAgainAreFoundByTheCheckpoint() {
		tamper("DELETE FROM " + table + " WHERE chain_seq > 22");
		write(26, 30);
		chain.seal(true);
		checkpoints.write(chain.head());
		var result = verify();
		assertThat(result.problem().kind()).isEqualTo(Kind.REPLACED);
		assertThat(result.brokenAt()).isEqualTo(25);
		assertThat(result.problem().checkpoint().chainSeq()).isEqualTo(25);
	}

	@Test
	void anEntryDeletedFromTheMiddleIsFound() {
		tamper("DELETE FROM " + table + " WHERE chain_seq = 10");
		var result = verify();
		assertThat(result.problem().kind()).isEqualTo(Kind.MISSING);
		assertThat(result.brokenAt()).isEqualTo(10);
	}

	@Test
	void rowsMangledPastTheirConstraintsAreReportedNotACrash() {
		var check = jdbc
			.sql("SELECT conname FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'c' "
					+ "AND pg_get_constraintdef(oid) LIKE '%scheme%'")
			.param(table)
			.query(String.class)
			.single();
		tamper("ALTER TABLE " + table + " DROP CONSTRAINT " + check);
		tamper("ALTER TABLE " + table + " ALTER COLUMN occurred_at DROP NOT NULL");
		tamper("UPDATE " + table + " SET scheme = 'NONE' WHERE chain_seq = 12");
		assertThat(verify().problem()).extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.CHANGED, 12L);
		tamper("UPDATE " + table + " SET occurred_at = NULL WHERE chain_seq = 8");
		assertThat(verify().problem()).extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.CHANGED, 8L);
		tamper("UPDATE " + table + " SET hash = NULL WHERE chain_seq = 5");
		assertThat(verify().problem()).extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.CHANGED, 5L);
	}

	@Test
	void theTriggerLetsTheSealerSealOnceAndRefusesEveryOtherChange() {
		write(26, 26);
		var unsealed = jdbc.sql("SELECT seq FROM " + table + " WHERE chain_seq IS NULL").query(Long.class).single();
		for (var sql : List.of("UPDATE " + table + " SET detail = 'x' WHERE seq = " + unsealed,
				"UPDATE " + table + " SET detail = 'x', chain_seq = 99 WHERE seq = " + unsealed,
				"UPDATE " + table + " SET hash = '" + AuditHashes.GENESIS + "' WHERE chain_seq = 3",
				"UPDATE " + table + " SET chain_seq = 99 WHERE chain_seq = 3",
				"DELETE FROM " + table + " WHERE chain_seq = 25")) {
			try {
				jdbc.sql(sql).update();
				throw new AssertionError("allowed: " + sql);
			}
			catch (org.springframework.dao.DataAccessException ex) {
				assertThat(ex).hasMessageContaining("append-only");
			}
		}
		assertThat(chain.seal(true)).isEqualTo(1);
		assertThat(verify().intact()).isTrue();
		assertThat(verify().entriesChecked()).isEqualTo(26);
	}

	@Test
	void anEntryCommittedLateIsSealedAfterTheOnesCommittedBeforeIt() throws Exception {
		var inserted = new CountDownLatch(1);
		var commit = new CountDownLatch(1);
		var late = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("INSERT INTO " + table + " (occurred_at, actor, action, record_type, outcome) "
					+ "VALUES (?, 'late', 'LATE', 'thing', 'ALLOWED')")
				.param(new Timestamp(System.currentTimeMillis()))
				.update();
			inserted.countDown();
			try {
				commit.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		late.start();
		assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
		write(26, 26);
		assertThat(chain.seal(true)).as("the committed one, not the one still open").isEqualTo(1);
		commit.countDown();
		late.join();
		assertThat(chain.seal(true)).isEqualTo(1);
		var entries = sealed();
		assertThat(entries).extracting(AuditEntry::actor).endsWith("auditor", "late");
		assertThat(entries.get(26).seq()).as("numbered first, sealed last").isLessThan(entries.get(25).seq());
		assertThat(verify().intact()).isTrue();
	}

	@Test
	void entriesFromBeforeKeyedSealingStayCheckableAndAreAnchoredByTheFirstKeyedEntry() {
		tamper("DELETE FROM " + table);
		// Three entries written as the old code did: SHA-256 when written, chain position
		// = number.
		var previous = AuditHashes.GENESIS;
		var t0 = java.time.Instant.parse("2026-11-20T09:00:00Z");
		for (long seq = 1; seq <= 3; seq++) {
			var at = t0.plusSeconds(seq);
			var hash = AuditHashes.hash(previous, seq, at, "auditor", "WMPCC", "OLD", "staff", "s" + seq, null,
					"ALLOWED", "old " + seq);
			jdbc.sql("INSERT INTO " + table
					+ " (seq, chain_seq, scheme, occurred_at, actor, agency, action, record_type,"
					+ " record_id, outcome, detail, prev_hash, hash) VALUES (?, ?, 'SHA256', ?, 'auditor', 'WMPCC', 'OLD',"
					+ " 'staff', ?, 'ALLOWED', ?, ?, ?)")
				.params(seq, seq, Timestamp.from(at), "s" + seq, "old " + seq, previous, hash)
				.update();
			previous = hash;
		}
		write(1, 2);
		checkpoints = new AuditCheckpoints(folder.resolve("fresh-checkpoints.log"), keys, Clock.systemUTC());
		var result = verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.entriesChecked()).isEqualTo(5);
		assertThat(result.legacyEntries()).isEqualTo(3);
		assertThat(sealed().get(3).prevHash()).isEqualTo(previous);

		// Rewriting an old entry and re-hashing the old part breaks the first keyed
		// entry's link...
		tamper("UPDATE " + table + " SET detail = 'nothing to see' WHERE chain_seq = 2");
		var old = sealed();
		var link = old.get(0).hash();
		for (var e : old.subList(1, 3)) {
			var hash = AuditHashes.hash(link, e.seq(), e.occurredAt(), e.actor(), e.agency(), e.action(),
					e.recordType(), e.recordId(), e.purpose(), e.outcome(), e.detail());
			tamper("UPDATE " + table + " SET prev_hash = ?, hash = ? WHERE seq = ?", link, hash, e.seq());
			link = hash;
		}
		assertThat(verify().problem()).extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.LINK_BROKEN, 4L);
		// ... and re-linking it breaks its seal.
		tamper("UPDATE " + table + " SET prev_hash = ? WHERE chain_seq = 4", link);
		assertThat(verify().problem()).extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.CHANGED, 4L);
	}

}
