package org.harmwatch.platform.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/**
 * A JVM of its own that runs the embedded database, for the tests that kill it or start a
 * second one beside it.
 *
 * <p>
 * {@code write <directory>} starts the database (default settings), prints {@code READY},
 * then writes rows from four connections at once and prints {@code ACK <id>} after each
 * commit returns, until the JVM is killed. {@code hold <directory>} starts it, prints
 * {@code READY} and stops it cleanly when its standard input closes.
 */
final class EmbeddedDatabaseChild {

	private static final PrintStream out = System.out;

	private EmbeddedDatabaseChild() {
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(Level.INFO);
		var database = EmbeddedDatabase.start(new EmbeddedDatabaseProperties(args[1], 0, true));
		switch (args[0]) {
			case "write" -> write(database);
			case "hold" -> hold(database);
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	private static void write(EmbeddedDatabase database) throws Exception {
		try (var connection = connect(database)) {
			connection.createStatement().execute("CREATE TABLE IF NOT EXISTS crash_probe (id BIGINT PRIMARY KEY)");
		}
		report("READY");
		var next = new AtomicLong();
		var writers = new Thread[4];
		for (int i = 0; i < writers.length; i++) {
			writers[i] = new Thread(() -> {
				try (var connection = connect(database);
						var insert = connection.prepareStatement("INSERT INTO crash_probe (id) VALUES (?)")) {
					while (true) {
						long id = next.incrementAndGet();
						insert.setLong(1, id);
						insert.executeUpdate();
						report("ACK " + id);
					}
				}
				catch (SQLException ex) {
					report("FAILED " + ex.getMessage());
				}
			});
			writers[i].start();
		}
		for (var writer : writers) {
			writer.join();
		}
	}

	private static void hold(EmbeddedDatabase database) throws IOException {
		report("READY");
		System.in.transferTo(OutputStream.nullOutputStream());
		database.close();
		report("STOPPED");
	}

	private static Connection connect(EmbeddedDatabase database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

	private static synchronized void report(String line) {
		out.println(line);
		out.flush();
	}

}
