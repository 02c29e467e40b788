package org.harmwatch.platform.internal;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.harmwatch.platform.internal.EmbeddedDatabasePrograms.STOP_WAIT;
import static org.harmwatch.platform.internal.EmbeddedDatabasePrograms.command;
import static org.harmwatch.platform.internal.EmbeddedDatabasePrograms.run;

/**
 * What {@link EmbeddedDatabase} does about a data directory that a crashed or still
 * running Harmwatch left behind: refuse one that another running Harmwatch holds, stop a
 * PostgreSQL server a killed run left on it, and drop a stale pid file.
 */
final class EmbeddedDatabaseRecovery {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private EmbeddedDatabaseRecovery() {
	}

	/** The one sentence that refuses a directory another running Harmwatch holds. */
	static EmbeddedDatabaseStartException inUse(Path directory, @Nullable Throwable cause) {
		var description = "The embedded database in " + directory + " is in use by another running Harmwatch.";
		var action = "Stop the other Harmwatch first, or give this one a data directory of its own "
				+ "(HARMWATCH_EMBEDDED_DB_DATA_DIRECTORY).";
		return cause == null ? new EmbeddedDatabaseStartException(description, action)
				: new EmbeddedDatabaseStartException(description, action, cause);
	}

	/**
	 * Refuses the directory when another process holds zonky's lock on it, before zonky
	 * runs into it with a stack trace.
	 */
	static void refuseIfLocked(Path directory) throws IOException {
		var lockFile = directory.resolve(EmbeddedDatabase.LOCK_FILE);
		if (!Files.isRegularFile(lockFile)) {
			return;
		}
		try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			var lock = channel.tryLock();
			if (lock == null) {
				throw inUse(directory, null);
			}
			lock.release();
		}
		catch (OverlappingFileLockException ex) {
			throw inUse(directory, ex);
		}
	}

	/**
	 * Stops the server named in {@code postmaster.pid} when it still runs on this
	 * directory: we hold the lock, so the JVM that started it is gone. A pid file naming
	 * a process that is gone or is something else is removed.
	 */
	static void stopLeftoverServer(Path directory, File binaries) throws IOException {
		var pidFile = directory.resolve(EmbeddedDatabase.PID_FILE);
		if (!Files.exists(pidFile)) {
			return;
		}
		var lines = Files.readAllLines(pidFile);
		Optional<ProcessHandle> named = lines.isEmpty() ? Optional.empty()
				: parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
		if (named.isEmpty()) {
			log.warn("Removing stale {}: the server it names is no longer running", pidFile);
			Files.deleteIfExists(pidFile);
			return;
		}
		var server = named.get();
		var serves = servesDirectory(server, directory);
		if (serves.isEmpty()) {
			throw new EmbeddedDatabaseStartException(
					"Process " + server.pid() + ", named in " + pidFile
							+ ", is running and Harmwatch cannot tell whether it is PostgreSQL on this directory.",
					"Stop it if it is that PostgreSQL server, otherwise delete " + pidFile + "; then start again.");
		}
		if (!serves.get()) {
			log.warn("Removing stale {}: process {} is not a PostgreSQL server on {}", pidFile, server.pid(),
					directory);
			Files.deleteIfExists(pidFile);
			return;
		}
		log.warn(
				"PostgreSQL (PID {}) is still running on {}, left by a run that ended without stopping it; stopping it "
						+ "(fast shutdown) before starting again",
				server.pid(), directory);
		int exit = run(command(binaries, "pg_ctl", "-D", directory.toString(), "stop", "-m", "fast", "-w", "-t",
				Long.toString(STOP_WAIT.toSeconds())), null);
		if (!awaitExit(server)) {
			log.warn("pg_ctl did not stop PID {} (exit {}); sending SIGTERM", server.pid(), exit);
			server.destroy();
			if (!awaitExit(server)) {
				throw new EmbeddedDatabaseStartException(
						"PostgreSQL (PID " + server.pid() + "), left running on " + directory
								+ " by an earlier run, did not stop.",
						"Stop it (kill " + server.pid() + ") and start Harmwatch again.");
			}
		}
		log.info("Stopped the leftover PostgreSQL (PID {})", server.pid());
	}

	/**
	 * Whether a running process is PostgreSQL serving this directory: its working
	 * directory (a postmaster changes to its data directory) or else its {@code -D}
	 * argument. Empty when it cannot be told.
	 */
	private static Optional<Boolean> servesDirectory(ProcessHandle process, Path directory) {
		var command = process.info().command();
		if (command.isEmpty()) {
			return Optional.empty();
		}
		var name = Path.of(command.get()).getFileName().toString();
		if (!name.equals("postgres") && !name.equals("postgres.exe")) {
			return Optional.of(false);
		}
		var workingDirectory = Path.of("/proc", Long.toString(process.pid()), "cwd");
		try {
			if (Files.exists(workingDirectory)) {
				return Optional.of(Files.isSameFile(workingDirectory, directory));
			}
		}
		catch (IOException ex) {
			log.debug("Cannot read the working directory of process {}", process.pid(), ex);
		}
		var arguments = process.info().arguments().map(List::of).orElse(List.of());
		for (int i = 0; i + 1 < arguments.size(); i++) {
			if (arguments.get(i).equals("-D")) {
				return Optional.of(Path.of(arguments.get(i + 1)).toAbsolutePath().normalize().equals(directory));
			}
		}
		return Optional.empty();
	}

	private static boolean awaitExit(ProcessHandle process) {
		try {
			process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return !process.isAlive();
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	private static Optional<Long> parsePid(String line) {
		try {
			return Optional.of(Long.parseLong(line.trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
