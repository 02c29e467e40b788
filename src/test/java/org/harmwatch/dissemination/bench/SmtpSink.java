package org.harmwatch.dissemination.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that
 * accepts every message and counts messages per Message-ID and recipient, for the
 * 100,000-recipient benchmark.
 *
 * <p>
 * GreenMail is the SMTP server of the tests, but it creates a mailbox per recipient and
 * finds a recipient's mailbox by scanning all of them, so each message costs more the
 * more recipients there are (measured: tens of messages per second by 10,000s of
 * mailboxes); with 100,000 recipients it measures GreenMail, not Harmwatch. This server
 * speaks the same protocol to the same Jakarta Mail client over TCP and keeps only the
 * counts.
 */
final class SmtpSink implements AutoCloseable {

	private final ServerSocket server;

	private final ConcurrentHashMap<String, AtomicInteger> perKey = new ConcurrentHashMap<>();

	private final AtomicLong lastAccepted = new AtomicLong();

	private final AtomicLong accepted = new AtomicLong();

	/**
	 * A platform thread per connection, as a classic MTA has a process per connection:
	 * with virtual threads every blocking read of the line-by-line SMTP dialogue went
	 * through the poller, and the extra wake-ups cost the shared two cores more than the
	 * sender itself (measured: 63–65 s for 100,000 messages with virtual threads, 47–57 s
	 * with platform threads).
	 */
	private final java.util.concurrent.ExecutorService threads = Executors.newCachedThreadPool();

	SmtpSink() throws IOException {
		server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		threads.submit(() -> {
			while (!server.isClosed()) {
				try {
					var socket = server.accept();
					threads.submit(() -> handle(socket));
				}
				catch (IOException ex) {
					return;
				}
			}
		});
	}

	int port() {
		return server.getLocalPort();
	}

	long accepted() {
		return accepted.get();
	}

	int distinct() {
		return perKey.size();
	}

	long duplicates() {
		return perKey.values().stream().mapToLong(n -> n.get() - 1).sum();
	}

	/** System.nanoTime() of the last accepted message. */
	long lastAcceptedNanos() {
		return lastAccepted.get();
	}

	private void handle(Socket socket) {
		try (socket;
				var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
				OutputStream out = socket.getOutputStream()) {
			reply(out, "220 sink ESMTP");
			var recipients = new ArrayList<String>();
			String line;
			while ((line = in.readLine()) != null) {
				var command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
				switch (command) {
					case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
					case "HELO" -> reply(out, "250 sink");
					case "MAIL" -> {
						recipients.clear();
						reply(out, "250 OK");
					}
					case "RCPT" -> {
						recipients
							.add(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT));
						reply(out, "250 OK");
					}
					case "DATA" -> {
						reply(out, "354 go ahead");
						String messageId = null;
						boolean headers = true;
						String data;
						while ((data = in.readLine()) != null && !data.equals(".")) {
							if (headers && data.isEmpty()) {
								headers = false;
							}
							else if (headers && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
								messageId = data.substring(11).trim();
							}
						}
						for (var recipient : recipients) {
							perKey.computeIfAbsent(messageId + " " + recipient, k -> new AtomicInteger())
								.incrementAndGet();
						}
						accepted.incrementAndGet();
						lastAccepted.set(System.nanoTime());
						reply(out, "250 OK queued");
					}
					case "RSET" -> {
						recipients.clear();
						reply(out, "250 OK");
					}
					case "NOOP" -> reply(out, "250 OK");
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "502 not implemented");
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// A client that went away.
		}
	}

	private static void reply(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		server.close();
		threads.shutdownNow();
	}

}
