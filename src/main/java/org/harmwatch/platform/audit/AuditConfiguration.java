package org.harmwatch.platform.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
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

	@Bean
	AuditChain auditChain(DataSource dataSource, PlatformTransactionManager transactions, AuditKeys keys, Clock clock) {
		return new AuditChain(dataSource, transactions, "platform.audit_event", AuditChain.CHAIN_LOCK, keys, clock);
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
