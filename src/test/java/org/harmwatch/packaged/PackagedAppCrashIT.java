package org.harmwatch.packaged;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application ({@code target/harmwatch.jar}, as {@code ./harmwatch run}
 * starts it) killed with {@code kill -9} while partner systems send reports comes back by
 * itself on the same data directory, and every report it acknowledged with 201 is there.
 *
 * <p>
 * Runs in Maven's integration-test phase (failsafe), after the jar is built. The database
 * is durable, as in production: fsync and synchronous commit on.
 */
class PackagedAppCrashIT {

	private static final Duration START = Duration.ofMinutes(5);

	private static final Pattern CREATED_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	@TempDir
	Path work;

	private final List<Process> started = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@AfterEach
	void stop() throws Exception {
		for (var process : started) {
			if (process.isAlive()) {
				process.destroy(); // a graceful stop also stops the embedded PostgreSQL
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
		}
		stopOrphanedPostmaster();
	}

	@Test
	void killedUnderLoadComesBackWithEveryAcknowledgedReport() throws Exception {
		int appPort = freePort();
		int dbPort = freePort();
		var app = start(appPort, dbPort, "first");
		var token = apiClient(dbPort);

		var acknowledged = ConcurrentHashMap.<UUID>newKeySet();
		var hundred = new CountDownLatch(100);
		var sending = new AtomicBoolean(true);
		var senders = Executors.newFixedThreadPool(4);
		for (int i = 0; i < 4; i++) {
			senders.submit(() -> send(appPort, token, acknowledged, hundred, sending));
		}
		assertThat(hundred.await(2, TimeUnit.MINUTES)).as("100 reports acknowledged before the kill").isTrue();
		app.destroyForcibly(); // SIGKILL: no shutdown hook runs, the embedded PostgreSQL
								// is orphaned
		assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
		sending.set(false);
		senders.shutdown();
		assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

		start(appPort, dbPort, "second");
		var stored = storedReports(dbPort);
		assertThat(stored).as("every acknowledged report after the restart").containsAll(acknowledged);
		var after = http.send(report(appPort, token), HttpResponse.BodyHandlers.ofString());
		assertThat(after.statusCode()).as("a report after the restart: %s", after.body()).isEqualTo(201);
	}

	private Process start(int appPort, int dbPort, String name) throws Exception {
		var jar = Path.of("target", "harmwatch.jar").toAbsolutePath();
		assertThat(jar).as("the packaged application (mvn package)").exists();
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "--spring.profiles.active=demo")
			.redirectErrorStream(true);
		var env = builder.environment();
		env.put("PORT", Integer.toString(appPort));
		env.put("HARMWATCH_EMBEDDED_DB_DATA_DIRECTORY", work.resolve("pgdata").toString());
		env.put("HARMWATCH_EMBEDDED_DB_PORT", Integer.toString(dbPort));
		env.put("HARMWATCH_EMBEDDED_DB_DURABLE", "true");
		env.put("HARMWATCH_AUDIT_KEY_FILE", work.resolve("audit.key").toString());
		env.put("HARMWATCH_AUDIT_CHECKPOINT_FILE", work.resolve("audit-checkpoints.log").toString());
		var process = builder.start();
		started.add(process);
		// Ready when the application says so (StartupBanner, on ApplicationReadyEvent);
		// the
		// output is copied to a log file as it comes, and ends when the process does.
		var ready = new CompletableFuture<Void>();
		var log = work.resolve(name + ".log");
		Thread.ofPlatform().daemon().start(() -> {
			try (var lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
					var out = Files.newBufferedWriter(log)) {
				String line;
				while ((line = lines.readLine()) != null) {
					out.write(line);
					out.newLine();
					out.flush();
					if (line.contains("Harmwatch is running at")) {
						ready.complete(null);
					}
				}
			}
			catch (IOException ex) {
				// the process is gone
			}
			ready.completeExceptionally(new AssertionError("the " + name + " start ended"));
		});
		try {
			ready.get(START.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AssertionError("the " + name + " start did not become ready in " + START + ": " + log(name), ex);
		}
		var health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + appPort + "/actuator/health"))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(health.body()).as("health after the %s start", name).contains("UP");
		return process;
	}

	private String log(String name) {
		try {
			var lines = Files.readAllLines(work.resolve(name + ".log"));
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	/** An API client of the ambulance service, inserted as its administrator would. */
	private String apiClient(int dbPort) throws Exception {
		var bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		var token = "hw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		try (var db = superuser(dbPort); var insert = db.prepareStatement("""
				WITH c AS (INSERT INTO agency.api_client (id, name, agency, token_hash, token_prefix, created_by,
				  created_at, version)
				  SELECT gen_random_uuid(), 'WMAS CAD (crash test)', id, ?, ?, 'PackagedAppCrashIT', now(), 1
				  FROM agency.agency WHERE code = 'WMAS' RETURNING id)
				INSERT INTO agency.api_client_grant (api_client, capability, action, purpose)
				SELECT id, 'EARLY_WARNING', 'WRITE', 'PUBLIC_HEALTH_INTELLIGENCE' FROM c""")) {
			insert.setString(1, hash);
			insert.setString(2, token.substring(0, 7));
			assertThat(insert.executeUpdate()).isEqualTo(1);
		}
		return token;
	}

	private Set<UUID> storedReports(int dbPort) throws Exception {
		var ids = new HashSet<UUID>();
		try (var db = superuser(dbPort);
				var rows = db.createStatement().executeQuery("SELECT id FROM earlywarning.report")) {
			while (rows.next()) {
				ids.add(rows.getObject(1, UUID.class));
			}
		}
		return ids;
	}

	private Connection superuser(int dbPort) throws Exception {
		var credentials = new Properties();
		try (var in = Files.newInputStream(work.resolve("pgdata").resolve("harmwatch-credentials.properties"))) {
			credentials.load(in);
		}
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/harmwatch", "postgres",
				credentials.getProperty("superuser.password"));
	}

	private void send(int appPort, String token, Set<UUID> acknowledged, CountDownLatch counted,
			AtomicBoolean sending) {
		while (sending.get()) {
			try {
				var response = http.send(report(appPort, token), HttpResponse.BodyHandlers.ofString());
				var id = CREATED_ID.matcher(response.body());
				if (response.statusCode() == 201 && id.find()) {
					acknowledged.add(UUID.fromString(id.group(1)));
					counted.countDown();
				}
			}
			catch (IOException ex) {
				// the server is gone (killed): a report not acknowledged may or may not
				// be stored
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private HttpRequest report(int appPort, String token) {
		var body = """
				{"sourceType": "AMBULANCE", "occurredAt": "%s", "lat": 52.48, "lon": -1.9,
				 "substances": [{"text": "heroin", "howKnown": "CLINICAL_PICTURE"}], "outcomes": ["OVERDOSE"],
				 "people": 1, "description": "Crash test report"}"""
			.formatted(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + appPort + "/api/early-warning/reports"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/**
	 * After a failed test the last server may outlive its JVM: stop the one on our
	 * directory.
	 */
	private void stopOrphanedPostmaster() throws Exception {
		var pid = work.resolve("pgdata").resolve("postmaster.pid");
		if (Files.exists(pid)) {
			var postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip()));
			if (postmaster.isPresent()) {
				postmaster.get().destroy();
				postmaster.get().onExit().get(20, TimeUnit.SECONDS);
			}
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
