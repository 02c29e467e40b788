package org.harmwatch.platform.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain's head published outside the database: an append-only file of MAC'd
 * checkpoints, each also logged.
 *
 * <p>
 * A checkpoint says "at this time the chain's entry N had this MAC", sealed with the
 * audit key. Someone who can change the database but not this file (or the log) can then
 * neither remove the newest entries nor cut the chain and let it grow again without the
 * check noticing. Each line is appended in one write under an exclusive file lock, so
 * instances that share the file never interleave; a line torn by a crash is ignored when
 * read and removed before the next one is written.
 */
final class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	/**
	 * File locks belong to the whole JVM, so appends from this JVM take turns before
	 * taking one.
	 */
	private static final Object APPENDING = new Object();

	static final String PREFIX = "harmwatch-audit-checkpoint v1";

	private static final Pattern LINE = Pattern.compile(Pattern.quote(PREFIX)
			+ " chain_seq=(\\d+) head=([0-9a-f]{64}) at=(\\S+) key=([0-9a-f]+) mac=([0-9a-f]{64})");

	/**
	 * One checkpoint.
	 *
	 * @param chainSeq the position of the chain's newest sealed entry
	 * @param head that entry's hash or MAC
	 * @param at when the checkpoint was taken
	 * @param keyId the key that sealed the checkpoint
	 * @param line its line in the file (1-based), or 0 when not read from a file
	 */
	record Checkpoint(long chainSeq, String head, Instant at, String keyId, String mac, int line) {

		String format() {
			return PREFIX + " chain_seq=" + chainSeq + " head=" + head + " at=" + at + " key=" + keyId + " mac=" + mac;
		}

	}

	/**
	 * What the file holds.
	 *
	 * @param genuine the checkpoints whose MAC is right, in file order
	 * @param firstForgedLine the first line that is not a genuine checkpoint (altered,
	 * added by hand, or sealed with a key we do not have), or 0 if there is none
	 */
	record Reading(List<Checkpoint> genuine, int firstForgedLine) {

		@Nullable Checkpoint latest() {
			Checkpoint latest = null;
			for (var checkpoint : genuine) {
				if (latest == null || checkpoint.chainSeq() > latest.chainSeq()) {
					latest = checkpoint;
				}
			}
			return latest;
		}

	}

	private final Path file;

	private final AuditKeys keys;

	private final Clock clock;

	private @Nullable String lastWritten;

	AuditCheckpoints(Path file, AuditKeys keys, Clock clock) {
		this.file = file;
		this.keys = keys;
		this.clock = clock;
	}

	Path file() {
		return file;
	}

	/**
	 * Appends a checkpoint of this head and logs it, unless this instance's last
	 * checkpoint was of the same head.
	 * @return the checkpoint written, or {@code null} if there was nothing new
	 */
	synchronized @Nullable Checkpoint write(AuditChain.Head head) {
		if (head.chainSeq() == 0 || head.hash().equals(lastWritten)) {
			return null;
		}
		var key = keys.current();
		var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		var mac = AuditHashes.checkpoint(key.newMac(), key.id(), head.chainSeq(), head.hash(), at);
		var checkpoint = new Checkpoint(head.chainSeq(), head.hash(), at, key.id(), mac, 0);
		append(checkpoint.format());
		lastWritten = head.hash();
		log.atInfo()
			.addKeyValue("audit.checkpoint.chain_seq", checkpoint.chainSeq())
			.addKeyValue("audit.checkpoint.head", checkpoint.head())
			.addKeyValue("audit.checkpoint.at", checkpoint.at().toString())
			.addKeyValue("audit.checkpoint.key", checkpoint.keyId())
			.addKeyValue("audit.checkpoint.mac", checkpoint.mac())
			.log("Audit checkpoint: {}", checkpoint.format());
		return checkpoint;
	}

	/** Reads every checkpoint in the file and checks each one's MAC. */
	Reading read() {
		if (!Files.exists(file)) {
			return new Reading(List.of(), 0);
		}
		String content;
		try {
			content = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the audit checkpoint file " + file, ex);
		}
		var lines = content.split("\n", -1);
		var genuine = new ArrayList<Checkpoint>();
		var macs = new HashMap<String, javax.crypto.Mac>();
		int forged = 0;
		// The last element is what follows the last newline: empty, or a line torn by a
		// crash while it was written.
		for (int i = 0; i < lines.length - 1; i++) {
			var line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			var checkpoint = parse(line, i + 1, macs);
			if (checkpoint == null) {
				if (forged == 0) {
					forged = i + 1;
				}
			}
			else {
				genuine.add(checkpoint);
			}
		}
		return new Reading(genuine, forged);
	}

	private @Nullable Checkpoint parse(String line, int number, Map<String, javax.crypto.Mac> macs) {
		var matcher = LINE.matcher(line);
		if (!matcher.matches()) {
			return null;
		}
		var keyId = matcher.group(4);
		var key = keys.find(keyId);
		if (key.isEmpty()) {
			return null;
		}
		Instant at;
		try {
			at = Instant.parse(matcher.group(3));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
		long chainSeq = Long.parseLong(matcher.group(1));
		var head = matcher.group(2);
		var mac = macs.computeIfAbsent(keyId, id -> key.get().newMac());
		var expected = AuditHashes.checkpoint(mac, keyId, chainSeq, head, at);
		if (!expected.equals(matcher.group(5))) {
			return null;
		}
		return new Checkpoint(chainSeq, head, at, keyId, expected, number);
	}

	/** The position just after the file's last newline (0 if it has none). */
	private static long endOfLastWholeLine(FileChannel channel) throws IOException {
		long end = channel.size();
		var block = ByteBuffer.allocate(4096);
		while (end > 0) {
			long start = Math.max(0, end - block.capacity());
			block.clear().limit((int) (end - start));
			while (block.hasRemaining() && channel.read(block, start + block.position()) >= 0) {
				// read the whole block
			}
			for (int i = block.position() - 1; i >= 0; i--) {
				if (block.get(i) == '\n') {
					return start + i + 1;
				}
			}
			end = start;
		}
		return 0;
	}

	private void append(String line) {
		synchronized (APPENDING) {
			appendLocked(line);
		}
	}

	private void appendLocked(String line) {
		try {
			var folder = file.toAbsolutePath().getParent();
			if (folder != null) {
				Files.createDirectories(folder);
			}
			try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE); var lock = channel.lock()) {
				long position = endOfLastWholeLine(channel);
				if (position < channel.size()) {
					// A line torn by a crash while it was written: never a checkpoint, so
					// it goes.
					channel.truncate(position);
				}
				var bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
				while (bytes.hasRemaining()) {
					position += channel.write(bytes, position);
				}
				channel.force(true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write to the audit checkpoint file " + file, ex);
		}
	}

}
