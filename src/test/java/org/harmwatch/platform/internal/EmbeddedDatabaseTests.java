package org.harmwatch.platform.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.harmwatch.platform.LinkedTransactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL with the settings an operator gets by default: durable, behind
 * passwords, entered as a role that is not a superuser, and able to take over a data
 * directory of an earlier version.
 */
class EmbeddedDatabaseTests {

	/**
	 * Relations, routines, types and schemas in the application's schemas that a
	 * superuser owns.
	 */
	private static final String OWNED_BY_A_SUPERUSER = """
			SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relowner IN (SELECT oid FROM pg_roles WHERE rolsuper)
			  AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			UNION ALL
			SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			WHERE p.proowner IN (SELECT oid FROM pg_roles WHERE rolsuper)
			  AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			UNION ALL
			SELECT n.nspname FROM pg_namespace n
			WHERE n.nspowner IN (SELECT oid FROM pg_roles WHERE rolsuper)
			  AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			""";

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
	static class Settings {

	}

	private final ApplicationContextRunner defaults = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, EmbeddedDatabaseConfiguration.class);

	@Test
	void withTheDefaultSettingsCommitsReachTheDiskAndTheApplicationIsNotASuperuser(@TempDir Path home)
			throws Exception {
		var directory = home.resolve("pgdata");
		defaults.withPropertyValues("harmwatch.embedded-db.data-directory=" + directory).run(context -> {
			assertThat(context).hasNotFailed();
			var jdbc = JdbcClient.create(context.getBean(DataSource.class));
			assertThat(show(jdbc, "fsync")).isEqualTo("on");
			assertThat(show(jdbc, "synchronous_commit")).isEqualTo("on");
			assertThat(show(jdbc, "full_page_writes")).isEqualTo("on");

			assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("harmwatch");
			assertThat(jdbc.sql("SELECT current_database()").query(String.class).single()).isEqualTo("harmwatch");
			assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
				.query(Boolean.class)
				.single()).isFalse();
			assertThat(jdbc
				.sql("SELECT rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls FROM pg_roles "
						+ "WHERE rolname = current_user")
				.query(Boolean.class)
				.single()).isFalse();
			assertThat(jdbc.sql("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")
				.query(String.class)
				.single()).isEqualTo("harmwatch");

			// every migration runs as the application's role, as Flyway does at start-up
			var migrated = Flyway.configure()
				.dataSource(context.getBean(DataSource.class))
				.locations("classpath:db/migration")
				.load()
				.migrate();
			assertThat(migrated.success).isTrue();
			assertThat(migrated.migrationsExecuted).isPositive();
			assertThat(jdbc.sql(OWNED_BY_A_SUPERUSER).query(String.class).list()).isEmpty();

			int port = context.getBean(EmbeddedDatabase.class).port();
			assertRefusedWithoutPassword(port, "harmwatch", "harmwatch");
			assertRefusedWithoutPassword(port, "postgres", "postgres");
			assertRefusedWithoutPassword(port, "postgres", "template1");
			assertThatThrownBy(() -> connect(port, "postgres", "postgres", "postgres").close())
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
		});

		var credentials = directory.resolve(EmbeddedDatabaseCredentials.FILE_NAME);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
		assertThat(activeLines(directory.resolve("pg_hba.conf"))).isNotEmpty()
			.allSatisfy(line -> assertThat(line).endsWith("scram-sha-256"));

		// a second start uses the passwords it keeps and finds the data
		defaults.withPropertyValues("harmwatch.embedded-db.data-directory=" + directory).run(context -> {
			assertThat(context).hasNotFailed();
			var jdbc = JdbcClient.create(context.getBean(DataSource.class));
			assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history").query(Long.class).single()).isPositive();
			assertThat(show(jdbc, "fsync")).isEqualTo("on");
		});
	}

	@Test
	void aThrowAwayDatabaseMayTurnDurabilityOff() {
		defaults.withPropertyValues("harmwatch.embedded-db.data-directory=", "harmwatch.embedded-db.durable=false")
			.run(context -> {
				assertThat(context).hasNotFailed();
				var jdbc = JdbcClient.create(context.getBean(DataSource.class));
				assertThat(show(jdbc, "fsync")).isEqualTo("off");
				assertThat(show(jdbc, "synchronous_commit")).isEqualTo("off");
				assertThat(show(jdbc, "max_prepared_transactions")).isEqualTo("20");
				assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
					.query(Boolean.class)
					.single()).isFalse();
			});
	}

	/**
	 * The server runs with room for bulk work (docs/operations.md): bigger shared buffers
	 * and WAL buffers, checkpoints far apart; a setting given in
	 * {@code harmwatch.embedded-db.settings} (a hyphen for PostgreSQL's underscore)
	 * replaces its default. It can prepare transactions (an import's linked transaction),
	 * and a new cluster orders text by code point, byte by byte.
	 */
	@Test
	void runsWithTheTuningForBulkWorkAndTakesSettingsOverIt() {
		defaults.withPropertyValues("harmwatch.embedded-db.data-directory=", "harmwatch.embedded-db.durable=false",
				"harmwatch.embedded-db.settings.shared-buffers=192MB", "harmwatch.embedded-db.settings.work_mem=8MB",
				"harmwatch.embedded-db.settings.max-prepared-transactions=0")
			.run(context -> {
				assertThat(context).hasNotFailed();
				var jdbc = JdbcClient.create(context.getBean(DataSource.class));
				assertThat(show(jdbc, "shared_buffers")).isEqualTo("192MB");
				assertThat(show(jdbc, "work_mem")).isEqualTo("8MB");
				assertThat(show(jdbc, "wal_buffers")).isEqualTo("64MB");
				assertThat(show(jdbc, "max_wal_size")).isEqualTo("8GB");
				assertThat(show(jdbc, "checkpoint_timeout")).isEqualTo("15min");
				assertThat(show(jdbc, "full_page_writes")).isEqualTo("on");
				// Without prepared transactions, no linked one: an import stores in its
				// own transaction only.
				assertThat(show(jdbc, "max_prepared_transactions")).isEqualTo("0");
				var dataSource = context.getBean(DataSource.class);
				assertThat(new LinkedTransactions(dataSource, new DataSourceTransactionManager(dataSource), jdbc)
					.available()).isFalse();
				// A new cluster compares text byte by byte; its letters are the
				// environment's.
				assertThat(jdbc.sql("SELECT datcollate FROM pg_database WHERE datname = current_database()")
					.query(String.class)
					.single()).isEqualTo("C");
				assertThat(jdbc.sql("SELECT 'b' < 'B', 'Ä' < 'a', 'a' < 'ä'")
					.query((rs, row) -> List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
					.single()).containsExactly(false, false, true);
			});
	}

	/**
	 * Durability and who may connect are not settings: asking to change them stops the
	 * start with a sentence naming the setting, before a server runs.
	 */
	@Test
	void refusesSettingsThatWouldChangeDurabilityOrSignIn() {
		for (var fixed : List.of("fsync", "synchronous-commit", "full_page_writes", "listen-addresses",
				"unix_socket_directories", "hba-file")) {
			assertThatThrownBy(() -> EmbeddedDatabase
				.settings(new EmbeddedDatabaseProperties(null, 0, true, Map.of(fixed, "off"))))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("harmwatch.embedded-db.settings." + fixed + " cannot be set");
		}
		assertThatThrownBy(() -> EmbeddedDatabase
			.settings(new EmbeddedDatabaseProperties(null, 0, true, Map.of("shared_buffers=1GB -c x", "1"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Not a PostgreSQL setting");
		assertThat(EmbeddedDatabase.settings(new EmbeddedDatabaseProperties(null, 0, true)))
			.isEqualTo(new TreeMap<>(EmbeddedDatabase.TUNING));
	}

	/**
	 * Until this change the data lived in the database {@code postgres}, created by the
	 * superuser {@code postgres} through zonky's defaults ({@code trust} authentication,
	 * no passwords); the application connected as that superuser.
	 */
	@Test
	void takesOverADataDirectoryOfAnEarlierVersion(@TempDir Path home) throws Exception {
		var directory = home.resolve("pgdata");
		try (var earlier = EmbeddedPostgres.builder()
			.setRegisterShutdownHook(false)
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.start()) {
			DataSource asSuperuser = earlier.getPostgresDatabase();
			Flyway.configure().dataSource(asSuperuser).locations("classpath:db/migration").load().migrate();
			JdbcClient.create(asSuperuser)
				.sql("INSERT INTO platform.shedlock (name, lock_until, locked_at, locked_by) "
						+ "VALUES ('kept', now(), now(), 'earlier version')")
				.update();
			assertThat(JdbcClient.create(asSuperuser).sql(OWNED_BY_A_SUPERUSER).query(String.class).list()).contains(
					"platform.audit_event", "platform", "public.flyway_schema_history",
					"platform.audit_event_is_append_only()");
		}
		assertThat(activeLines(directory.resolve("pg_hba.conf"))).anyMatch(line -> line.endsWith("trust"));

		defaults.withPropertyValues("harmwatch.embedded-db.data-directory=" + directory).run(context -> {
			assertThat(context).hasNotFailed();
			var dataSource = context.getBean(DataSource.class);
			var jdbc = JdbcClient.create(dataSource);
			assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("harmwatch");
			assertThat(jdbc.sql("SELECT locked_by FROM platform.shedlock WHERE name = 'kept'")
				.query(String.class)
				.single()).isEqualTo("earlier version");
			assertThat(jdbc.sql(OWNED_BY_A_SUPERUSER).query(String.class).list()).isEmpty();

			// the application's role can do what later migrations and the application do
			assertThat(Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/migration")
				.load()
				.migrate().success).isTrue();
			jdbc.sql("CREATE TABLE platform.after_upgrade (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY)")
				.update();
			jdbc.sql("ALTER TABLE platform.shedlock ADD COLUMN after_upgrade TEXT").update();
			jdbc.sql(
					"INSERT INTO platform.shedlock (name, lock_until, locked_at, locked_by) VALUES ('new', now(), now(), 'x')")
				.update();
			assertThatThrownBy(() -> jdbc.sql("TRUNCATE platform.audit_event").update())
				.hasMessageContaining("the audit log is append-only");

			int port = context.getBean(EmbeddedDatabase.class).port();
			assertRefusedWithoutPassword(port, "postgres", "template1");
			assertRefusedWithoutPassword(port, "harmwatch", "harmwatch");
		});
		assertThat(activeLines(directory.resolve("pg_hba.conf"))).noneMatch(line -> line.contains("trust"));

		// the superuser's maintenance database is there again, and the data stays in
		// harmwatch
		var credentials = EmbeddedDatabaseCredentials.read(directory).orElseThrow();
		defaults.withPropertyValues("harmwatch.embedded-db.data-directory=" + directory).run(context -> {
			int port = context.getBean(EmbeddedDatabase.class).port();
			try (var connection = connect(port, "postgres", "postgres", credentials.superuserPassword())) {
				var databases = new ArrayList<String>();
				try (var rows = connection.createStatement()
					.executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname")) {
					while (rows.next()) {
						databases.add(rows.getString(1));
					}
				}
				assertThat(databases).containsExactly("harmwatch", "postgres");
				try (var rows = connection.createStatement()
					.executeQuery("SELECT to_regclass('public.flyway_schema_history') IS NULL")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getBoolean(1)).isTrue();
				}
			}
		});
	}

	private static String show(JdbcClient jdbc, String setting) {
		return jdbc.sql("SHOW " + setting).query(String.class).single();
	}

	private static List<String> activeLines(Path file) throws Exception {
		return Files.readAllLines(file)
			.stream()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
	}

	private static void assertRefusedWithoutPassword(int port, String user, String database) {
		var properties = new Properties();
		properties.setProperty("user", user);
		assertThatThrownBy(
				() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, properties)
					.close())
			.as("%s without a password", user)
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("SCRAM");
	}

	private static Connection connect(int port, String user, String database, String password) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, user, password);
	}

}
