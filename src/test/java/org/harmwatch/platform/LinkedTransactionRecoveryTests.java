package org.harmwatch.platform;

import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a process that died between the two commits of a linked transaction leaves behind,
 * made on the real server as the process would have made it (a prepared transaction, its
 * caller's record or none, its caller's lock held or given up by a connection that
 * closed), and how the recovery finishes each.
 */
@HarmwatchIntegrationTest
class LinkedTransactionRecoveryTests {

	@Autowired
	LinkedTransactionRecovery recovery;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy migrationStrategy;

	@Autowired
	org.flywaydb.core.Flyway flyway;

	@BeforeEach
	void table() {
		jdbc.sql("CREATE TABLE IF NOT EXISTS public.linked_recovery_test (id uuid PRIMARY KEY)").update();
	}

	/**
	 * The caller held the lock while the linked transaction was prepared and until its
	 * own, with the record, committed (or the scheduled recovery could roll the prepared
	 * one back in between, as it should); then the process died.
	 */
	@Test
	void oneWhoseCallerRecordedTheDecisionIsCommitted() throws SQLException {
		var row = UUID.randomUUID();
		var name = LinkedTransactions.PREFIX + UUID.randomUUID();
		try (var caller = dataSource.getConnection()) {
			caller.setAutoCommit(false);
			lock(caller, name);
			prepared(row, name);
			try (var record = caller
				.prepareStatement("INSERT INTO platform.linked_commit (name, decided_at) VALUES (?, now())")) {
				record.setString(1, name);
				record.executeUpdate();
			}
			caller.commit();
			caller.setAutoCommit(true);
		}
		recovery.recover();
		assertThat(stored(row)).isTrue();
		assertThat(left(name)).isEqualTo("0 prepared, 0 recorded");
	}

	/**
	 * At start-up the recovery runs before the migrations (which would wait for ever for
	 * a prepared transaction's locks on a table they alter).
	 */
	@Test
	void theStartUpRecoversBeforeItMigrates() throws SQLException {
		var row = UUID.randomUUID();
		var name = prepared(row);
		assertThat(left(name)).isEqualTo("1 prepared, 0 recorded");
		migrationStrategy.migrate(flyway);
		assertThat(left(name)).isEqualTo("0 prepared, 0 recorded");
		assertThat(stored(row)).isFalse();
	}

	@Test
	void oneWhoseCallersTransactionEndedWithoutTheDecisionIsRolledBack() throws SQLException {
		var row = UUID.randomUUID();
		var name = prepared(row);
		recovery.recover();
		assertThat(stored(row)).isFalse();
		assertThat(left(name)).isEqualTo("0 prepared, 0 recorded");
	}

	/**
	 * While the caller's transaction is open (it holds the lock) the recovery leaves its
	 * linked transaction alone, whatever else it finds; when the caller's process dies
	 * (its connection closes, so the server rolls its transaction back), the next
	 * recovery rolls the linked one back.
	 */
	@Test
	void oneWhoseCallerIsAliveIsLeftAloneUntilTheCallersConnectionCloses() throws SQLException {
		var row = UUID.randomUUID();
		var name = LinkedTransactions.PREFIX + UUID.randomUUID();
		// A connection of its own, outside the pool, that can be dropped as a dying
		// process drops it.
		var pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
		var caller = java.sql.DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
		try {
			caller.setAutoCommit(false);
			lock(caller, name);
			prepared(row, name);
			var unrelated = prepared(UUID.randomUUID());
			recovery.recover();
			assertThat(left(name)).isEqualTo("1 prepared, 0 recorded");
			assertThat(left(unrelated)).isEqualTo("0 prepared, 0 recorded");
		}
		finally {
			caller.abort(Runnable::run);
		}
		// The server notices the closed connection and rolls its transaction back.
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
			recovery.recover();
			assertThat(left(name)).isEqualTo("0 prepared, 0 recorded");
		});
		assertThat(stored(row)).isFalse();
	}

	@Test
	void aRecordLeftAfterItsTransactionWasCommittedIsRemovedAndOthersPreparedAreLeftAlone() throws SQLException {
		var name = LinkedTransactions.PREFIX + UUID.randomUUID();
		jdbc.sql("INSERT INTO platform.linked_commit (name, decided_at) VALUES (?, now())").param(name).update();
		var row = UUID.randomUUID();
		var foreign = "someone-else:" + UUID.randomUUID();
		prepared(row, foreign);
		try {
			recovery.recover();
			assertThat(left(name)).isEqualTo("0 prepared, 0 recorded");
			assertThat(left(foreign)).isEqualTo("1 prepared, 0 recorded");
		}
		finally {
			jdbc.sql("ROLLBACK PREPARED '" + foreign + "'").update();
		}
	}

	/** The lock a caller's transaction takes on its linked transaction's name. */
	private static void lock(java.sql.Connection caller, String name) throws SQLException {
		try (var lock = caller.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
			lock.setInt(1, LinkedTransactions.LOCK_CLASS);
			lock.setInt(2, LinkedTransactions.lockKey(name));
			lock.executeQuery().close();
		}
	}

	/** A transaction of another process, prepared and left, under a new linked name. */
	private String prepared(UUID row) throws SQLException {
		var name = LinkedTransactions.PREFIX + UUID.randomUUID();
		prepared(row, name);
		return name;
	}

	private void prepared(UUID row, String name) throws SQLException {
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var insert = connection.prepareStatement("INSERT INTO public.linked_recovery_test VALUES (?)")) {
				insert.setObject(1, row);
				insert.executeUpdate();
			}
			try (var prepare = connection.createStatement()) {
				prepare.execute("PREPARE TRANSACTION '" + name + "'");
			}
			connection.commit();
			connection.setAutoCommit(true);
		}
	}

	private boolean stored(UUID row) {
		return jdbc.sql("SELECT count(*) FROM public.linked_recovery_test WHERE id = ?")
			.param(row)
			.query(Long.class)
			.single() == 1;
	}

	private String left(String name) {
		return LinkedTransactionsLeft.left(jdbc, name);
	}

}
