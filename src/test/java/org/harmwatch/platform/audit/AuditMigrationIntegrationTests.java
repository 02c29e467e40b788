package org.harmwatch.platform.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration to keyed sealing, run on a log written the old way: its own copy of the
 * original table (from the original migration's text) under another name, with entries
 * hashed as the old code hashed them.
 */
@HarmwatchIntegrationTest
class AuditMigrationIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	final String name = "audit_migration_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);

	final String table = "platform." + name;

	/**
	 * A migration's SQL with {@code audit_event} renamed, between two markers (or to the
	 * end).
	 */
	String migration(String file, String from, String to) throws IOException {
		var sql = new ClassPathResource("db/migration/" + file).getContentAsString(StandardCharsets.UTF_8);
		int start = sql.indexOf(from);
		int end = to == null ? sql.length() : sql.indexOf(to, start) + to.length();
		return sql.substring(start, end).replace("audit_event", name);
	}

	void run(String sql) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> new JdbcTemplate(dataSource).execute(sql));
	}

	void createTheOldTable() throws IOException {
		run(migration("V202611221400__platform_infrastructure.sql", "CREATE TABLE platform.audit_event (",
				"BEFORE TRUNCATE ON platform.audit_event\n  FOR EACH STATEMENT EXECUTE FUNCTION platform.audit_event_is_append_only();"));
	}

	void migrate() throws IOException {
		run(migration("V202612051130__platform_audit_keyed_chain.sql", "CREATE SEQUENCE", null));
	}

	@AfterEach
	void dropIt() {
		jdbc.sql("DROP TABLE IF EXISTS " + table).update();
		jdbc.sql("DROP FUNCTION IF EXISTS platform." + name + "_is_append_only()").update();
		jdbc.sql("DROP FUNCTION IF EXISTS platform." + name + "_is_append_only_but_sealable()").update();
	}

	@Test
	void theOldEntriesKeepTheirHashesAndTheKeyedChainStartsWithAnAnchorOverTheLastOfThem() throws IOException {
		createTheOldTable();
		var previous = AuditHashes.GENESIS;
		for (long seq = 1; seq <= 3; seq++) {
			var at = Instant.parse("2026-11-20T09:00:00.123456Z").plusSeconds(seq);
			var hash = AuditHashes.hash(previous, seq, at, "auditor", "WMPCC", "STAFF_VIEWED", "staff", "s" + seq,
					"HEALTH", "ALLOWED", null);
			jdbc.sql("INSERT INTO " + table + " (seq, occurred_at, actor, agency, action, record_type, record_id, "
					+ "purpose, outcome, detail, prev_hash, hash) VALUES (?, ?, 'auditor', 'WMPCC', 'STAFF_VIEWED', "
					+ "'staff', ?, 'HEALTH', 'ALLOWED', NULL, ?, ?)")
				.params(seq, Timestamp.from(at), "s" + seq, previous, hash)
				.update();
			previous = hash;
		}
		migrate();

		var keys = AuditKeys.fromFile(folder.resolve("audit.key"), true);
		var chain = new AuditChain(dataSource, transactions, table, ThreadLocalRandom.current().nextLong(), keys,
				Clock.systemUTC());
		chain.append("auditor", "WMPCC", "STAFF_VIEWED", "staff", "s5", "HEALTH", "ALLOWED", null);
		assertThat(chain.seal(true)).isEqualTo(2);
		var result = chain.verify(new AuditCheckpoints(folder.resolve("cp.log"), keys, Clock.systemUTC()).read());
		assertThat(result.intact()).isTrue();
		assertThat(result.entriesChecked()).isEqualTo(5);
		assertThat(result.legacyEntries()).isEqualTo(3);

		var entries = jdbc.sql("SELECT * FROM " + table + " ORDER BY chain_seq")
			.query((rs, n) -> AuditEntry.fromRow(rs))
			.list();
		assertThat(entries).extracting(AuditEntry::chainSeq).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(entries).extracting(AuditEntry::seq)
			.as("numbers go on from the old ones")
			.containsExactly(1L, 2L, 3L, 4L, 5L);
		var anchor = entries.get(3);
		assertThat(anchor.action()).isEqualTo("AUDIT_CHAIN_KEYED");
		assertThat(anchor.detail()).startsWith("entries up to 3 are SHA-256 hashed").endsWith(previous);
		assertThat(anchor.prevHash()).isEqualTo(previous);
		assertThat(anchor.scheme()).isEqualTo(AuditEntry.Scheme.HMAC_SHA256);
		assertThat(entries.get(2).scheme()).isEqualTo(AuditEntry.Scheme.SHA256);
		assertThatThrownBy(() -> jdbc.sql("UPDATE " + table + " SET detail = 'x' WHERE seq = 2").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE " + table).update()).hasMessageContaining("append-only");
	}

	@Test
	void anEmptyLogGetsNoAnchor() throws IOException {
		createTheOldTable();
		migrate();
		assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).isZero();
	}

}
