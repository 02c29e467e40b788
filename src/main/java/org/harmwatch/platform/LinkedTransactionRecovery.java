package org.harmwatch.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Finishes the linked transactions ({@link LinkedTransactions}) that a process left
 * prepared when it died between its two commits: committed when its caller's transaction
 * recorded the decision ({@code platform.linked_commit}), rolled back when it did not and
 * is over (nobody holds the advisory lock on the name). One still held is left alone: its
 * caller is alive and will finish it. Runs before the migrations at start-up (a prepared
 * transaction keeps its locks, so a migration of its table would wait for ever) and every
 * minute, on every instance (finishing one twice is harmless: the second is told it is
 * gone).
 */
@Configuration(proxyBeanMethods = false)
class LinkedTransactionRecovery {

	private static final Logger log = LoggerFactory.getLogger(LinkedTransactionRecovery.class);

	/** SQLSTATE when a prepared transaction is not there (another finished it). */
	private static final String UNDEFINED_OBJECT = "42704";

	private static final Pattern NAME = Pattern
		.compile(Pattern.quote(LinkedTransactions.PREFIX) + "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

	private final DataSource dataSource;

	LinkedTransactionRecovery(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Bean
	static FlywayMigrationStrategy recoverThenMigrate(DataSource dataSource) {
		return flyway -> {
			recover(dataSource);
			flyway.migrate();
		};
	}

	@Scheduled(fixedDelayString = "${harmwatch.linked-transactions.recover-every:PT1M}",
			initialDelayString = "${harmwatch.linked-transactions.recover-every:PT1M}")
	void everyMinute() {
		try {
			recover();
		}
		catch (RuntimeException ex) {
			log.warn("Linked transactions not recovered this time: {}", ex.getMessage());
		}
	}

	/**
	 * Finishes every prepared linked transaction whose caller's transaction is over.
	 * @return how many it finished
	 */
	int recover() {
		return recover(dataSource);
	}

	/** As {@link #recover()} does, on a connection of the data source. */
	static int recover(DataSource dataSource) {
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			if (!hasTable(connection)) {
				// Before the first migration: nothing can have been prepared yet.
				return 0;
			}
			int finished = 0;
			for (var name : prepared(connection)) {
				if (finish(connection, name)) {
					log.warn("Linked transaction {}, left prepared by a process that stopped, is finished as its "
							+ "caller's transaction ended", name);
					finished++;
				}
			}
			try (var sql = connection.createStatement()) {
				// Left when a process died after COMMIT PREPARED, before the delete.
				sql.execute("DELETE FROM platform.linked_commit c WHERE NOT EXISTS "
						+ "(SELECT 1 FROM pg_prepared_xacts p WHERE p.gid = c.name)");
			}
			return finished;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not recover linked transactions: " + ex.getMessage(), ex);
		}
	}

	private static List<String> prepared(Connection connection) throws SQLException {
		var names = new ArrayList<String>();
		try (var query = connection.prepareStatement(
				"SELECT gid FROM pg_prepared_xacts WHERE database = current_database() AND starts_with(gid, ?)")) {
			query.setString(1, LinkedTransactions.PREFIX);
			try (var rows = query.executeQuery()) {
				while (rows.next()) {
					if (NAME.matcher(rows.getString(1)).matches()) {
						names.add(rows.getString(1));
					}
				}
			}
		}
		return names;
	}

	/**
	 * Commits or rolls back one prepared linked transaction by its record, unless its
	 * caller's transaction is still open.
	 * @return whether it was finished (or found finished already)
	 */
	static boolean finish(DataSource dataSource, String name) throws SQLException {
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			return finish(connection, name);
		}
	}

	private static boolean finish(Connection connection, String name) throws SQLException {
		boolean decided;
		connection.setAutoCommit(false);
		try {
			try (var lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
				lock.setInt(1, LinkedTransactions.LOCK_CLASS);
				lock.setInt(2, LinkedTransactions.lockKey(name));
				try (var rows = lock.executeQuery()) {
					rows.next();
					if (!rows.getBoolean(1)) {
						return false;
					}
				}
			}
			// Read after the lock: the caller's transaction is over, so its record is
			// there now or never.
			try (var query = connection
				.prepareStatement("SELECT EXISTS (SELECT 1 FROM platform.linked_commit WHERE name = ?)")) {
				query.setString(1, name);
				try (var rows = query.executeQuery()) {
					rows.next();
					decided = rows.getBoolean(1);
				}
			}
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(true);
		}
		try (var sql = connection.createStatement()) {
			sql.execute((decided ? "COMMIT PREPARED '" : "ROLLBACK PREPARED '") + name + "'");
		}
		catch (SQLException ex) {
			if (!UNDEFINED_OBJECT.equals(ex.getSQLState())) {
				throw ex;
			}
		}
		if (decided) {
			try (var delete = connection.prepareStatement("DELETE FROM platform.linked_commit WHERE name = ?")) {
				delete.setString(1, name);
				delete.executeUpdate();
			}
		}
		return true;
	}

	private static boolean hasTable(Connection connection) throws SQLException {
		try (var sql = connection.createStatement();
				var rows = sql.executeQuery("SELECT to_regclass('platform.linked_commit') IS NOT NULL")) {
			rows.next();
			return rows.getBoolean(1);
		}
	}

}
