package org.harmwatch.platform.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.harmwatch.platform.internal.EmbeddedDatabase.APP_DATABASE;
import static org.harmwatch.platform.internal.EmbeddedDatabase.APP_ROLE;
import static org.harmwatch.platform.internal.EmbeddedDatabase.SUPERUSER;
import static org.harmwatch.platform.internal.EmbeddedDatabasePrograms.command;
import static org.harmwatch.platform.internal.EmbeddedDatabasePrograms.run;

/**
 * Who may sign in to the embedded PostgreSQL and who owns what: the superuser's generated
 * password (set before the server first listens), and the role
 * {@value EmbeddedDatabase#APP_ROLE} that owns the database
 * {@value EmbeddedDatabase#APP_DATABASE} and everything in it.
 */
final class EmbeddedDatabaseRoles {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

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

	private EmbeddedDatabaseRoles() {
	}

	/**
	 * Sets the superuser's password with the server stopped (single-user mode), so that
	 * it never listens with {@code trust}: after zonky's {@code initdb -A trust}, or in a
	 * data directory of an earlier version.
	 */
	static void setSuperuserPassword(Path directory, File binaries, String password) throws IOException {
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
	 * Makes {@value EmbeddedDatabase#APP_ROLE} a role that is not a superuser and owns
	 * the database {@value EmbeddedDatabase#APP_DATABASE} and every object in it; moves
	 * an earlier version's data out of the database {@code postgres} first. Safe to
	 * repeat.
	 */
	static void provision(EmbeddedPostgres postgres, EmbeddedDatabaseCredentials credentials) throws SQLException {
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

}
