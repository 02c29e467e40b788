package org.harmwatch.demo.internal;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A demo loader run at start-up: as a system principal of its own, so that the management
 * APIs it calls see an authenticated caller, and with {@link #locked} holding a
 * session-level advisory lock, so that instances started together load once.
 */
abstract class DemoRunner implements ApplicationRunner {

	private final String principal;

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

	/**
	 * Runs the work holding the session-level advisory lock named: instances started
	 * together take turns, and the later ones find the data loaded.
	 */
	static void locked(JdbcClient jdbc, String lock, Runnable work) {
		locked(jdbc, lock, () -> {
			work.run();
			return true;
		});
	}

	/** The answer of the work, run holding the session-level advisory lock named. */
	static <T> T locked(JdbcClient jdbc, String lock, Supplier<T> work) {
		jdbc.sql("SELECT pg_advisory_lock(hashtext(?))").param(lock).query((rs, row) -> 1).list();
		try {
			return work.get();
		}
		finally {
			jdbc.sql("SELECT pg_advisory_unlock(hashtext(?))").param(lock).query((rs, row) -> 1).list();
		}
	}

}
