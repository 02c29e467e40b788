package org.harmwatch.demo.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A demo loader run at start-up: as a system principal of its own, so that the management
 * APIs it calls see an authenticated caller, and with {@link #locked} holding a
 * session-level advisory lock, so that instances started together load once.
 *
 * <p>
 * The lock is taken and released on one connection held for the whole work: a
 * session-level lock taken through the pool could be released on another connection,
 * which fails, and stay held by the first one in the pool, so that the next loader to ask
 * for it waits for ever.
 */
abstract class DemoRunner implements ApplicationRunner {

	private final String principal;

	private @Nullable DataSource dataSource;

	/**
	 * A loader running as the principal named.
	 * @param principal e.g. {@code system:demo-naloxone}
	 */
	DemoRunner(String principal) {
		this.principal = principal;
	}

	@Override
	public final void run(ApplicationArguments args) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			runAsSystem();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** What the loader does, as its principal. */
	abstract void runAsSystem();

	@Autowired
	final void setDataSource(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Runs the work holding the session-level advisory lock named: instances started
	 * together take turns, and the later ones find the data loaded.
	 */
	final void locked(String lock, Runnable work) {
		locked(lock, () -> {
			work.run();
			return true;
		});
	}

	/** The answer of the work, run holding the session-level advisory lock named. */
	final <T> T locked(String lock, Supplier<T> work) {
		if (this.dataSource == null) {
			throw new IllegalStateException("The demo loader has no data source to lock with");
		}
		try (Connection connection = this.dataSource.getConnection()) {
			advisory(connection, "SELECT pg_advisory_lock(hashtext(?))", lock);
			try {
				return work.get();
			}
			finally {
				advisory(connection, "SELECT pg_advisory_unlock(hashtext(?))", lock);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The demo loader could not take or release the lock " + lock, ex);
		}
	}

	private static void advisory(Connection connection, String sql, String lock) throws SQLException {
		try (var statement = connection.prepareStatement(sql)) {
			statement.setString(1, lock);
			statement.executeQuery().close();
		}
	}

}
