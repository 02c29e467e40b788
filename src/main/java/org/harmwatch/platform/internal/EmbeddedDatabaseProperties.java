package org.harmwatch.platform.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL used when no {@code spring.datasource.url} is
 * given.
 *
 * @param dataDirectory where the database files live; empty for a throw-away database in
 * a temporary directory
 * @param port the port to listen on (on localhost only); 0 for any free port
 * @param durable whether a commit is on disk before it is acknowledged ({@code fsync} and
 * {@code synchronous_commit} on); only a throw-away test database should turn this off
 */
@ConfigurationProperties("harmwatch.embedded-db")
public record EmbeddedDatabaseProperties(@Nullable String dataDirectory, int port,
		@DefaultValue("true") boolean durable) {

}
