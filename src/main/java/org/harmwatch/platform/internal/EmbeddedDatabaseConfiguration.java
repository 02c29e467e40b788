package org.harmwatch.platform.internal;

import java.io.IOException;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL inside the application when no external database is configured.
 *
 * <p>
 * This gives the one-command run and the tests a real PostgreSQL 15 without installing
 * anything. With a data directory the database survives restarts, and crashes:
 * {@link EmbeddedDatabase} runs it durable, behind passwords, and recovers the directory
 * after a killed run. The application connects as the role {@code harmwatch}, which owns
 * its database but is not a superuser. The server is stopped by the bean's {@code close},
 * after everything that uses the data source has shut down (zonky's own shutdown hook
 * would stop it first; STACK.md gotcha 1).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) throws IOException, SQLException {
		return EmbeddedDatabase.start(properties);
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedDatabase database,
			@Value("${spring.datasource.hikari.maximum-pool-size:20}") int maximumPoolSize) {
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername(database.username());
		dataSource.setPassword(database.password());
		dataSource.setMaximumPoolSize(maximumPoolSize);
		dataSource.setPoolName("harmwatch-embedded");
		return dataSource;
	}

}
