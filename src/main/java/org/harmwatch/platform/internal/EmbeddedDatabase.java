package org.harmwatch.platform.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harmwatch's embedded PostgreSQL: durable, behind passwords, back by itself after a
 * crash, entered as its own role.
 *
 * <p>
 * zonky's {@link EmbeddedPostgres}, made for throw-away test databases, runs
 * {@code initdb -A trust}, starts the server with {@code -F} (no fsync) and
 * {@code synchronous_commit=off}, and connects as the superuser without a password.
 * Around it this class:
 * <ul>
 * <li>turns {@code fsync} and {@code synchronous_commit} back on unless the settings say
 * the database is throw-away (a {@code -c} option given after {@code -F} wins);</li>
 * <li>stops a server that a killed run left on the data directory (a {@code kill -9} of
 * the JVM leaves zonky's postmaster running), and refuses in one sentence a directory
 * that another running Harmwatch holds;</li>
 * <li>gives the superuser a generated password, set in single-user mode before the server
 * first listens, and allows only SCRAM password sign-in over TCP from localhost, with no
 * Unix socket;</li>
 * <li>makes the role {@code harmwatch}, not a superuser, own the database
 * {@code harmwatch} and everything in it, so Flyway and the application run as that role.
 * A data directory of an earlier version (everything in the database {@code postgres},
 * owned by the superuser) is moved across at its first start.</li>
 * </ul>
 * Crash recovery is {@link EmbeddedDatabaseRecovery}, passwords and roles
 * {@link EmbeddedDatabaseRoles}.
 * docs/adr/0005-embedded-database-durable-and-locked-down.md explains why.
 */
final class EmbeddedDatabase implements AutoCloseable {

	static final String SUPERUSER = "postgres";

	static final String APP_ROLE = "harmwatch";

	static final String APP_DATABASE = "harmwatch";

	/** zonky's lock file in the data directory, held by the JVM that runs the server. */
	static final String LOCK_FILE = "epg-lock";

	static final String PID_FILE = "postmaster.pid";

	static final String HBA = """
			# Harmwatch's embedded PostgreSQL: password (SCRAM) sign-in from this machine only; no trust, no peer.
			# Harmwatch writes this file at every start, so changes made here do not last.
			local   all   all                  scram-sha-256
			host    all   all   127.0.0.1/32   scram-sha-256
			host    all   all   ::1/128        scram-sha-256
			""";

	/**
	 * The server's settings beyond PostgreSQL's defaults, for bulk work (an import of a
	 * million rows writes over a gigabyte of WAL in one transaction): room in memory for
	 * the tables and indexes it fills ({@code shared_buffers}, 128 MB by default), WAL
	 * buffered in larger pieces ({@code wal_buffers}, 4 MB by default), and checkpoints
	 * far enough apart that one import does not force several, after each of which every
	 * page touched is written to the WAL again in full ({@code max_wal_size}, 1 GB by
	 * default); and transactions that can be prepared ({@code max_prepared_transactions},
	 * 0 by default), so that a large import can store on two database processes at once
	 * ({@code platform.LinkedTransactions}). Durability and sign-in are not among them
	 * ({@link #FIXED}). {@code harmwatch.embedded-db.settings} replaces any of them;
	 * docs/operations.md gives the same for an external server.
	 */
	static final Map<String, String> TUNING = Map.of("shared_buffers", "512MB", "wal_buffers", "64MB", "max_wal_size",
			"8GB", "min_wal_size", "1GB", "checkpoint_timeout", "15min", "checkpoint_completion_target", "0.9",
			"max_prepared_transactions", "20");

	/**
	 * Settings that decide whether a commit survives a crash, and who may connect and
	 * where: never set from outside.
	 */
	static final Set<String> FIXED = Set.of("fsync", "synchronous_commit", "full_page_writes", "listen_addresses",
			"unix_socket_directories", "port", "hba_file", "ident_file", "data_directory", "config_file");

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	/**
	 * Long enough for crash recovery to replay the WAL of a busy run before the server
	 * accepts connections.
	 */
	private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

	/**
	 * Data directories this JVM runs a server on. A second lock on the same file from
	 * this JVM would release the first when closed (POSIX record locks belong to the
	 * process), so a second start here is refused before it gets that far.
	 */
	private static final Set<Path> runningHere = ConcurrentHashMap.newKeySet();

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private final EmbeddedDatabaseCredentials credentials;

	private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, EmbeddedDatabaseCredentials credentials) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
		this.credentials = credentials;
	}

	/**
	 * Starts the server on the configured data directory (a new temporary one when none
	 * is configured), ready for the application to connect as {@value #APP_ROLE}.
	 */
	static EmbeddedDatabase start(EmbeddedDatabaseProperties properties) throws IOException, SQLException {
		var configured = properties.dataDirectory();
		boolean throwAway = configured == null || configured.isBlank();
		Path directory = throwAway ? Files.createTempDirectory("harmwatch-pg-")
				: Path.of(configured).toAbsolutePath().normalize();
		if (!throwAway && directory.getParent() != null) {
			Files.createDirectories(directory.getParent());
		}
		if (!runningHere.add(directory)) {
			throw EmbeddedDatabaseRecovery.inUse(directory, null);
		}
		try {
			EmbeddedDatabaseRecovery.refuseIfLocked(directory);
			var credentials = EmbeddedDatabaseCredentials.read(directory)
				.orElseGet(EmbeddedDatabaseCredentials::generate);
			var binaries = EmbeddedDatabasePrograms.binaries();
			var builder = EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false)
				.setDataDirectory(directory)
				.setCleanDataDirectory(throwAway)
				.setPGStartupWait(STARTUP_WAIT)
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("unix_socket_directories", "")
				.setServerConfig("fsync", properties.durable() ? "on" : "off")
				.setServerConfig("synchronous_commit", properties.durable() ? "on" : "off")
				.setServerConfig("full_page_writes", "on")
				// Text compared byte by byte in a new cluster: the order of UTF-8 text
				// is the same as C.UTF-8's (code points), but PostgreSQL compares with
				// memcmp instead of copying both strings for strcoll; an import's index
				// inserts compare codes (agency, source, ids) millions of times. Letters
				// (upper, lower, classes) stay the environment's.
				.setLocaleConfig("lc-collate", "C")
				// zonky's readiness check signs in as the superuser; template1 because
				// the database postgres may be
				// the one renamed to harmwatch when an earlier version's data directory
				// is moved across
				.setConnectConfig("password", credentials.superuserPassword())
				.setConnectConfig("PGDBNAME", "template1")
				.setDataDirectoryCustomizer(dir -> prepare(dir.toPath(), binaries, credentials));
			settings(properties).forEach(builder::setServerConfig);
			if (properties.port() > 0) {
				builder.setPort(properties.port());
			}
			var postgres = startServer(builder, directory);
			try {
				EmbeddedDatabaseRoles.provision(postgres, credentials);
			}
			catch (SQLException | RuntimeException ex) {
				postgres.close();
				throw ex;
			}
			log.info(
					"Embedded PostgreSQL keeps its data in {} (durable: {}); listening on localhost:{}; passwords in {}",
					directory, properties.durable(), postgres.getPort(),
					directory.resolve(EmbeddedDatabaseCredentials.FILE_NAME));
			return new EmbeddedDatabase(postgres, directory, credentials);
		}
		catch (IOException | SQLException | RuntimeException ex) {
			runningHere.remove(directory);
			throw ex;
		}
	}

	/**
	 * {@link #TUNING} with the configured settings over it (a hyphen in a name read as an
	 * underscore).
	 * @throws IllegalArgumentException when a setting would change durability or is not a
	 * setting's name
	 */
	static Map<String, String> settings(EmbeddedDatabaseProperties properties) {
		var settings = new TreeMap<String, String>(TUNING);
		properties.settings().forEach((name, value) -> {
			var setting = name.strip().replace('-', '_').toLowerCase(Locale.ROOT);
			if (!setting.matches("[a-z][a-z0-9_.]*")) {
				throw new IllegalArgumentException("Not a PostgreSQL setting: harmwatch.embedded-db.settings." + name);
			}
			if (FIXED.contains(setting)) {
				throw new IllegalArgumentException("harmwatch.embedded-db.settings." + name
						+ " cannot be set: the embedded server's durability and sign-in are fixed (docs/operations.md)");
			}
			settings.put(setting, value);
		});
		return settings;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + APP_DATABASE;
	}

	String username() {
		return APP_ROLE;
	}

	String password() {
		return credentials.appPassword();
	}

	int port() {
		return postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		try {
			postgres.close();
		}
		finally {
			runningHere.remove(dataDirectory);
		}
	}

	private static EmbeddedPostgres startServer(EmbeddedPostgres.Builder builder, Path directory) throws IOException {
		try {
			return builder.start();
		}
		catch (OverlappingFileLockException ex) {
			throw EmbeddedDatabaseRecovery.inUse(directory, ex);
		}
		catch (IllegalStateException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("could not lock")) {
				throw EmbeddedDatabaseRecovery.inUse(directory, ex);
			}
			throw ex;
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		catch (IOException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause.getMessage() != null && cause.getMessage().contains("password authentication failed")) {
					throw new EmbeddedDatabaseStartException(
							"The embedded database in " + directory + " refused the superuser password kept in "
									+ EmbeddedDatabaseCredentials.FILE_NAME + ".",
							"Delete " + directory.resolve(EmbeddedDatabaseCredentials.FILE_NAME)
									+ " (Harmwatch then sets new passwords) and start again.",
							ex);
				}
			}
			throw ex;
		}
	}

	/**
	 * Runs after zonky's {@code initdb} (if the directory was new) and its lock, before
	 * the server starts.
	 */
	private static void prepare(Path directory, File binaries, EmbeddedDatabaseCredentials credentials) {
		try {
			EmbeddedDatabaseRecovery.stopLeftoverServer(directory, binaries);
			if (!credentials.equals(EmbeddedDatabaseCredentials.read(directory).orElse(null))) {
				EmbeddedDatabaseRoles.setSuperuserPassword(directory, binaries, credentials.superuserPassword());
				credentials.write(directory);
			}
			var hba = directory.resolve("pg_hba.conf");
			if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
				Files.writeString(hba, HBA);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
