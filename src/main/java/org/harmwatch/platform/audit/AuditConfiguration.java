package org.harmwatch.platform.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.util.StringUtils;

/**
 * The audit key, the chain in {@code platform.audit_event} and the checkpoint file, from
 * {@code harmwatch.audit.*}.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

	@Bean
	AuditKeys auditKeys(AuditProperties properties, JdbcClient jdbc) {
		if (StringUtils.hasText(properties.key())) {
			return AuditKeys.parse(properties.key(), "HARMWATCH_AUDIT_KEY (harmwatch.audit.key)");
		}
		var file = fileOrTemporary(properties.keyFile(), "audit.key");
		boolean chainIsKeyed = jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM platform.audit_event WHERE scheme = 'HMAC_SHA256' AND key_id IS NOT NULL)
				""").query(Boolean.class).single();
		return AuditKeys.fromFile(file, !chainIsKeyed);
	}

	/**
	 * The connections audit entries are written with: a small pool of their own, so that
	 * an entry written in its own transaction while the caller's transaction holds a
	 * connection never waits for the application's pool. With one pool, as many requests
	 * as it has connections, each holding one and asking for a second for its audit
	 * entry, would wait on each other until the connection timeout. Closed with the
	 * context.
	 */
	static final class AuditPool implements AutoCloseable {

		private final DataSource dataSource;

		private final @Nullable HikariDataSource own;

		AuditPool(DataSource dataSource, @Nullable HikariDataSource own) {
			this.dataSource = dataSource;
			this.own = own;
		}

		DataSource dataSource() {
			return dataSource;
		}

		@Override
		public void close() {
			if (own != null) {
				own.close();
			}
		}

	}

	@Bean
	AuditPool auditPool(DataSource dataSource, AuditProperties properties) {
		if (dataSource instanceof HikariDataSource application && application.getJdbcUrl() != null) {
			// A fixed pool, started now: an entry never waits for a connection to be
			// made.
			var config = new HikariConfig();
			config.setPoolName("harmwatch-audit");
			config.setJdbcUrl(application.getJdbcUrl());
			config.setUsername(application.getUsername());
			config.setPassword(application.getPassword());
			if (application.getDriverClassName() != null) {
				config.setDriverClassName(application.getDriverClassName());
			}
			config.setDataSourceProperties(application.getDataSourceProperties());
			config.setMaximumPoolSize(properties.poolSize());
			config.setMinimumIdle(properties.poolSize());
			var pool = new HikariDataSource(config);
			return new AuditPool(pool, pool);
		}
		log.warn("Audit entries share the application's connection pool: it is not a Hikari pool with a JDBC URL");
		return new AuditPool(dataSource, null);
	}

	@Bean
	AuditChain auditChain(AuditPool pool, AuditKeys keys, Clock clock) {
		return new AuditChain(pool.dataSource(), new DataSourceTransactionManager(pool.dataSource()),
				"platform.audit_event", AuditChain.CHAIN_LOCK, keys, clock);
	}

	@Bean
	AuditCheckpoints auditCheckpoints(AuditProperties properties, AuditKeys keys, Clock clock) {
		var file = fileOrTemporary(properties.checkpointFile(), "audit-checkpoints.log");
		log.info("Audit checkpoints go to {}", file);
		return new AuditCheckpoints(file, keys, clock);
	}

	/**
	 * The configured file, or for an empty setting one in a new temporary folder, deleted
	 * when the JVM exits.
	 */
	private static Path fileOrTemporary(@Nullable String configured, String name) {
		if (StringUtils.hasText(configured)) {
			return Path.of(configured);
		}
		try {
			var folder = Files.createTempDirectory("harmwatch-audit-");
			folder.toFile().deleteOnExit();
			var file = folder.resolve(name);
			file.toFile().deleteOnExit();
			log.warn("Throw-away audit file {}: set harmwatch.audit.* to keep it (only tests should see this)", file);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
