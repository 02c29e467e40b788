package org.harmwatch.platform.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param settings PostgreSQL settings that replace those the embedded server runs with
 * (e.g. {@code harmwatch.embedded-db.settings.shared-buffers=1GB}: a hyphen in a name
 * stands for PostgreSQL's underscore); its durability ({@code fsync},
 * {@code synchronous_commit}, {@code full_page_writes}) and who may connect cannot be set
 * here
 */
@ConfigurationProperties("harmwatch.embedded-db")
public record EmbeddedDatabaseProperties(@Nullable String dataDirectory, int port,
		@DefaultValue("true") boolean durable, @Nullable Map<String, String> settings) {

	@ConstructorBinding
	public EmbeddedDatabaseProperties {
		settings = settings == null ? Map.of() : Map.copyOf(settings);
	}

	/** Durable or not as given, with the embedded server's own settings. */
	public EmbeddedDatabaseProperties(@Nullable String dataDirectory, int port, boolean durable) {
		this(dataDirectory, port, durable, null);
	}

}
