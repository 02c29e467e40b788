package org.harmwatch.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL inside the application when no external database is configured.
 *
 * <p>This gives the one-command run and the tests a real PostgreSQL 15 without installing anything. With a data
 * directory the database survives restarts. The server is stopped by the bean's {@code close}, after everything that
 * uses the data source has shut down (zonky's own shutdown hook would stop it first; STACK.md gotcha 1).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		var builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
		var dataDirectory = properties.dataDirectory();
		if (dataDirectory != null && !dataDirectory.isBlank()) {
			Path directory = Path.of(dataDirectory).toAbsolutePath();
			Files.createDirectories(directory.getParent());
			builder.setDataDirectory(directory).setCleanDataDirectory(false);
			removeStalePidFile(directory);
			log.info("Embedded PostgreSQL keeps its data in {}", directory);
		}
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		return builder.start();
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres,
			@Value("${spring.datasource.hikari.maximum-pool-size:20}") int maximumPoolSize) {
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(maximumPoolSize);
		dataSource.setPoolName("harmwatch-embedded");
		return dataSource;
	}

	/**
	 * A run that was killed leaves {@code postmaster.pid} behind and PostgreSQL refuses to start. If the process it names
	 * is gone, the file is stale and safe to remove.
	 */
	private static void removeStalePidFile(Path directory) throws IOException {
		var pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		var lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			Files.delete(pidFile);
			return;
		}
		try {
			long pid = Long.parseLong(lines.get(0).trim());
			if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				return;
			}
		}
		catch (NumberFormatException ex) {
			// unreadable: treat as stale
		}
		log.warn("Removing stale {} left by a run that did not shut down", pidFile);
		Files.delete(pidFile);
	}

}
