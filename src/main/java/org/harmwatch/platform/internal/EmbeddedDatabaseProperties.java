package org.harmwatch.platform.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL used when no {@code spring.datasource.url} is given.
 *
 * @param dataDirectory where the database files live; empty for a throw-away database in a temporary directory
 * @param port the port to listen on; 0 for any free port
 */
@ConfigurationProperties("harmwatch.embedded-db")
public record EmbeddedDatabaseProperties(@Nullable String dataDirectory, int port) {

}
