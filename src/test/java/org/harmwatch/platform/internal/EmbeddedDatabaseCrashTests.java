package org.harmwatch.platform.internal;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database in a JVM of its own: killed with {@code kill -9} while it writes,
 * and held while a second Harmwatch tries the same data directory.
 */
class EmbeddedDatabaseCrashTests {

	/**
	 * Generous: conditions are waited for, never slept on; a loaded machine only makes
	 * the wait longer.
	 */
	private static final Duration DEADLINE = Duration.ofSeconds(120);

	@TempDir
	Path home;

	private final List<Process> children = new ArrayList<>();

	@AfterEach
	void stopWhatIsLeft() throws Exception {
		for (var child : children) {
			child.destroyForcibly().waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
		}
		// a server the test left orphaned on purpose and did not get to stop
		var pidFile = home.resolve("pgdata").resolve(EmbeddedDatabase.PID_FILE);
		if (Files.exists(pidFile)) {
			var pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
			ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
		}
	}

	@Test
	void afterTheJvmIsKilledTheNextStartStopsTheLeftoverServerAndFindsEveryAcknowledgedRow() throws Exception {
		killWhileWritingThenStartAgain(false);
	}

	@Test
	void afterTheJvmAndTheServerAreKilledTheNextStartRecoversFromTheLogWithEveryAcknowledgedRow() throws Exception {
		killWhileWritingThenStartAgain(true);
	}

	private void killWhileWritingThenStartAgain(boolean serverToo) throws Exception {
		var directory = home.resolve("pgdata");
		var writer = new Child(true, List.of(EmbeddedDatabaseChild.class.getName(), "write", directory.toString()));
		writer.await(lines -> lines.contains("READY"));
		writer.await(lines -> lines.stream().filter(line -> line.startsWith("ACK ")).count() >= 300);
		long pid = Long.parseLong(Files.readAllLines(directory.resolve(EmbeddedDatabase.PID_FILE)).get(0).trim());
		var postmaster = ProcessHandle.of(pid).orElseThrow();
		var serverProcesses = postmaster.descendants().toList();

		writer.process.destroyForcibly(); // SIGKILL: no shutdown hook, no pg_ctl stop
		assertThat(writer.process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		var acknowledged = writer.acknowledged();
		assertThat(writer.lines()).noneMatch(line -> line.startsWith("FAILED"));
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
		assertThat(postmaster.isAlive()).as("kill -9 of the JVM leaves its PostgreSQL running, orphaned").isTrue();
		if (serverToo) {
			postmaster.destroyForcibly();
			// its backends notice and exit; until they have, PostgreSQL itself refuses to
			// start on the directory
			for (var process : serverProcesses) {
				process.onExit().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
			}
			assertThat(postmaster.onExit().get(DEADLINE.toSeconds(), TimeUnit.SECONDS).isAlive()).isFalse();
			assertThat(directory.resolve(EmbeddedDatabase.PID_FILE)).exists();
		}

		try (var database = EmbeddedDatabase.start(new EmbeddedDatabaseProperties(directory.toString(), 0, true))) {
			assertThat(postmaster.isAlive()).as("the leftover server").isFalse();
			var stored = new HashSet<Long>();
			try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
					database.password());
					var rows = connection.createStatement().executeQuery("SELECT id FROM crash_probe")) {
				while (rows.next()) {
					stored.add(rows.getLong(1));
				}
			}
			assertThat(stored).containsAll(acknowledged);
		}
	}

	@Test
	void aSecondHarmwatchOnADirectoryInUseSaysSoInOneSentence() throws Exception {
		var directory = home.resolve("pgdata");
		var first = new Child(true, List.of(EmbeddedDatabaseChild.class.getName(), "hold", directory.toString()));
		first.await(lines -> lines.contains("READY"));
		var sentence = "The embedded database in " + directory + " is in use by another running Harmwatch.";

		// the application as ./harmwatch run starts it, pointed at the same directory
		var second = new Child(false,
				List.of("org.harmwatch.HarmwatchApplication", "--harmwatch.embedded-db.data-directory=" + directory,
						"--server.port=0", "--spring.main.banner-mode=off"));
		var output = String.join("\n", second.linesOnceEnded());
		assertThat(second.process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(second.process.exitValue()).isNotZero();
		assertThat(output).contains("APPLICATION FAILED TO START", sentence)
			.doesNotContain("\tat ", "Caused by:", "could not lock");

		assertThatThrownBy(() -> EmbeddedDatabase.start(new EmbeddedDatabaseProperties(directory.toString(), 0, true)))
			.isInstanceOf(EmbeddedDatabaseStartException.class)
			.hasMessage(sentence);

		// the first one was left alone and stops cleanly
		first.process.getOutputStream().close();
		first.await(lines -> lines.contains("STOPPED"));
		assertThat(first.process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(first.process.exitValue()).isZero();
		assertThat(directory.resolve(EmbeddedDatabase.PID_FILE)).doesNotExist();
	}

	/**
	 * Starts a JVM on the tests' class path, or on the application's alone (without the
	 * test classes, whose configurations the application's component scan would otherwise
	 * pick up).
	 */
	private Process start(boolean withTestClasses, List<String> mainAndArguments) throws IOException {
		var classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		if (!withTestClasses) {
			classPath = String.join(File.pathSeparator,
					Stream.of(classPath.split(File.pathSeparator))
						.filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
						.toList());
		}
		var command = new ArrayList<String>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// start-up speed over peak speed: these JVMs live for seconds
		command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath));
		command.addAll(mainAndArguments);
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		children.add(process);
		return process;
	}

	/**
	 * A JVM started by the test, with every line it prints.
	 */
	private final class Child {

		private final Process process;

		private final List<String> lines = new ArrayList<>();

		private boolean ended;

		Child(boolean withTestClasses, List<String> mainAndArguments) throws IOException {
			this.process = start(withTestClasses, mainAndArguments);
			var reader = new Thread(this::read, "child-output");
			reader.setDaemon(true);
			reader.start();
		}

		private void read() {
			try (var output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = output.readLine()) != null) {
					synchronized (this) {
						lines.add(line);
						notifyAll();
					}
				}
			}
			catch (IOException ex) {
				// the process is gone; what it printed is kept
			}
			synchronized (this) {
				ended = true;
				notifyAll();
			}
		}

		synchronized void await(Predicate<List<String>> condition) throws InterruptedException {
			long deadline = System.nanoTime() + DEADLINE.toNanos();
			while (!condition.test(lines)) {
				long left = deadline - System.nanoTime();
				assertThat(left > 0 && !ended).as("%s; the child printed:%n%s", condition, String.join("\n", lines))
					.isTrue();
				wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
			}
		}

		/** Everything the child printed, once it has ended. */
		synchronized List<String> linesOnceEnded() throws InterruptedException {
			long deadline = System.nanoTime() + DEADLINE.toNanos();
			while (!ended && System.nanoTime() < deadline) {
				wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
			}
			assertThat(ended).as("the child's output ended; it printed:%n%s", String.join("\n", lines)).isTrue();
			return List.copyOf(lines);
		}

		/**
		 * The ids whose commit returned, once the child has ended and all it printed has
		 * been read.
		 */
		Set<Long> acknowledged() throws InterruptedException {
			var ids = new HashSet<Long>();
			for (var line : linesOnceEnded()) {
				if (line.startsWith("ACK ")) {
					ids.add(Long.parseLong(line.substring(4).trim()));
				}
			}
			return ids;
		}

		synchronized List<String> lines() {
			return List.copyOf(lines);
		}

	}

}
