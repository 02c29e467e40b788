package org.harmwatch.dissemination.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.zaxxer.hikari.HikariDataSource;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import org.harmwatch.HarmwatchApplication;
import org.harmwatch.dissemination.internal.Fanout;
import org.harmwatch.earlywarning.AlertIssued;
import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.earlywarning.Audience;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends one alert to N (default 100,000) confirmed public email subscribers through a
 * real SMTP server (in this JVM) and reports the time from the start of the fan-out to
 * the last accepted message, messages per second and duplicates (messages per Message-ID
 * and recipient at the server, more than one).
 *
 * <p>
 * The whole application runs on a throw-away embedded PostgreSQL. {@code instances}
 * (default 1) starts that many application contexts on the same database (the first owns
 * it; the others connect to it). Sending is the production path: each instance's
 * scheduled job ({@code DeliverySender}, every {@code send-every}, {@code senders} at
 * once) picks up the deliveries as the fan-out commits them. Run with
 * {@code bench/alert-email.sh}.
 *
 * <p>
 * Arguments: {@code [subscribers] [instances] [senders per instance]};
 * {@code -Dsmtp=greenmail} uses GreenMail instead of {@link SmtpSink} (fine up to a few
 * thousand recipients; see there why not at 100,000); {@code -Dsmtp=postfix} a local
 * Postfix from apt configured to discard what it accepts ({@code bench/postfix-sink.sh}),
 * counting messages per Message-ID in its log ({@code -Dsmtp.log}, {@code -Dsmtp.port}).
 */
public final class AlertEmailBench {

	private AlertEmailBench() {
	}

	public static void main(String[] args) throws Exception {
		int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int instances = args.length > 1 ? Integer.parseInt(args[1]) : 1;
		int senders = args.length > 2 ? Integer.parseInt(args[2]) : 4;

		var server = System.getProperty("smtp", "sink");
		boolean greenMail = "greenmail".equals(server);
		boolean postfix = "postfix".equals(server);
		// Postfix (apt, configured to discard): its log names each message it accepted by
		// Message-ID.
		var postfixLog = Path.of(System.getProperty("smtp.log", "/var/log/postfix-bench.log"));
		long logStart = postfix && Files.exists(postfixLog) ? Files.size(postfixLog) : 0;
		GreenMail smtp = null;
		SmtpSink sink = null;
		int port;
		if (postfix) {
			port = Integer.getInteger("smtp.port", 25);
		}
		else if (greenMail) {
			smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
			port = smtp.getSmtp().getPort();
		}
		else {
			sink = new SmtpSink();
			port = sink.port();
		}

		var contexts = new ArrayList<ConfigurableApplicationContext>();
		var first = start(port, null, null, null, senders);
		contexts.add(first);
		var jdbc = first.getBean(JdbcClient.class);
		String dbUrl = jdbc
			.sql("SELECT 'jdbc:postgresql://localhost:' || current_setting('port') || '/' || current_database()")
			.query(String.class)
			.single();
		// The others connect as the first does: the embedded database's generated role
		// and
		// password (password authentication, not a superuser).
		var pool = first.getBean(HikariDataSource.class);
		for (int i = 1; i < instances; i++) {
			contexts.add(start(port, dbUrl, pool.getUsername(), pool.getPassword(), senders));
		}

		System.out.printf(
				"== %,d subscribers, %d instance(s) x %d sender(s), SMTP on port %d; fsync=%s "
						+ "synchronous_commit=%s%n",
				subscribers, instances, senders, port, jdbc.sql("SHOW fsync").query(String.class).single(),
				jdbc.sql("SHOW synchronous_commit").query(String.class).single());
		long t = System.nanoTime();
		jdbc.sql("""
				INSERT INTO dissemination.subscription (id, kind, channel, address, confirmed_at, unsubscribe_token,
				  created_at)
				SELECT gen_random_uuid(), 'PUBLIC', 'EMAIL', 'subscriber' || n || '@bench.test', now(),
				  md5(random()::text) || md5(random()::text), now()
				FROM generate_series(1, ?) AS n""").param(subscribers).update();
		System.out.printf("subscribers inserted in %.1f s%n", (System.nanoTime() - t) / 1e9);

		var now = Instant.now();
		var alert = new AlertIssued(UUID.randomUUID(), 1, "HW-BENCH-0001", AlertMessageType.ALERT, AlertLevel.WARNING,
				Set.of(Audience.PUBLIC, Audience.PROFESSIONALS), false,
				"Heroin contaminated with fentanyl in Birmingham",
				"Pinpoint pupils, rapid loss of consciousness after a small amount",
				"Do not use alone. Carry naloxone. Call 999 if someone will not wake up.",
				"Expect repeated naloxone doses; observe for at least two hours after reversal.",
				"Drug alert: heroin with fentanyl in Birmingham. Do not use alone, carry naloxone.",
				List.of("E08000025"), List.of("HIGH_POTENCY_SYNTHETIC_OPIOID"), List.of("Heroin", "Fentanyl"),
				"/alerts/HW-BENCH-0001", now, null, null, null);

		// As in production: the fan-out writes the deliveries (as the AlertIssued
		// listener does) while every instance's
		// scheduled senders (harmwatch.dissemination.senders each, every send-every) pick
		// them up as chunks commit.
		long start = System.nanoTime();
		int created = first.getBean(Fanout.class).fanOut(alert, now);
		double fanout = (System.nanoTime() - start) / 1e9;
		System.out.printf("fan-out: %,d deliveries in %.1f s (sending started meanwhile)%n", created, fanout);
		var unsent = "SELECT count(*) FROM dissemination.delivery WHERE alert_id = ? AND state <> 'SENT'";
		long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
		while (jdbc.sql(unsent).param(alert.alertId()).query(Long.class).single() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		// Each row is marked SENT as soon as the server accepted its message: for
		// Postfix, whose acceptance times are
		// not ours to read, the moment the last row was seen SENT (polled every 0.1 s)
		// stands for the last acceptance.
		double sending = ((sink == null ? System.nanoTime() : sink.lastAcceptedNanos()) - start) / 1e9;
		long sent = jdbc.sql("SELECT count(*) FROM dissemination.delivery WHERE alert_id = ? AND state = 'SENT'")
			.param(alert.alertId())
			.query(Long.class)
			.single();

		long distinct;
		long duplicates;
		if (greenMail) {
			var perKey = new HashMap<String, Integer>();
			for (var message : smtp.getReceivedMessages()) {
				var key = message.getHeader("Message-ID")[0] + " " + message.getRecipients(Message.RecipientType.TO)[0];
				perKey.merge(key, 1, Integer::sum);
			}
			distinct = perKey.size();
			duplicates = perKey.values().stream().mapToLong(n -> n - 1).sum();
		}
		else if (postfix) {
			Thread.sleep(2000);
			var perId = new HashMap<String, Integer>();
			try (var log = Files.newInputStream(postfixLog)) {
				log.skipNBytes(logStart);
				for (var line : new String(log.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					int at = line.indexOf("message-id=");
					if (line.contains("/cleanup[") && at >= 0) {
						perId.merge(line.substring(at + 11).trim(), 1, Integer::sum);
					}
				}
			}
			distinct = perId.size();
			duplicates = perId.values().stream().mapToLong(n -> n - 1).sum();
		}
		else {
			distinct = sink.distinct();
			duplicates = sink.duplicates();
		}
		long pending = jdbc.sql("SELECT count(*) FROM dissemination.delivery WHERE alert_id = ? AND state <> 'SENT'")
			.param(alert.alertId())
			.query(Long.class)
			.single();
		System.out.printf("sent %,d (rows marked SENT), %,d distinct messages at the server, %,d duplicates, "
				+ "%,d not sent (SMTP server: %s)%n", sent, distinct, duplicates, pending, server);
		System.out.printf("time to last accepted message (fan-out included): %.1f s, %.0f messages/s%n", sending,
				distinct / sending);

		for (int i = contexts.size() - 1; i >= 0; i--) {
			contexts.get(i).close();
		}
		if (smtp != null) {
			smtp.stop();
		}
		if (sink != null) {
			sink.close();
		}
		System.exit(duplicates == 0 && pending == 0 ? 0 : 1);
	}

	private static ConfigurableApplicationContext start(int smtpPort, String databaseUrl, String user, String password,
			int senders) {
		var app = new SpringApplication(HarmwatchApplication.class);
		var args = new ArrayList<>(List.of("--server.port=0", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtpPort, "--harmwatch.embedded-db.data-directory=",
				"--harmwatch.dissemination.initial-delay=PT1S", "--harmwatch.dissemination.senders=" + senders,
				"--harmwatch.dissemination.send-every=PT1S", "--harmwatch.dissemination.escalation.initial-delay=P1D",
				"--harmwatch.analytics.spikes.initial-delay=P1D", "--logging.level.root=warn",
				"--logging.level.org.harmwatch.dissemination=warn", "--spring.main.banner-mode=off"));
		if (databaseUrl != null) {
			args.add("--spring.datasource.url=" + databaseUrl);
			args.add("--spring.datasource.username=" + user);
			args.add("--spring.datasource.password=" + password);
		}
		return app.run(args.toArray(String[]::new));
	}

}
