package org.harmwatch.platform.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.harmwatch.platform.audit.AuditChain.Head;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AuditCheckpointsTests {

	@TempDir
	Path folder;

	final AuditKeys keys = AuditKeys.parse(AuditKeys.newKey(), "test");

	final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00.123456789Z"), ZoneOffset.UTC);

	static Head head(long chainSeq) {
		var bytes = new byte[32];
		bytes[0] = (byte) chainSeq;
		bytes[1] = (byte) (chainSeq >> 8);
		return new Head(chainSeq, HexFormat.of().formatHex(bytes));
	}

	@Test
	void writesEachNewHeadAsAMacdLineAndALogLineAndReadsThemBack(CapturedOutput output) throws Exception {
		var file = folder.resolve("sub/checkpoints.log");
		var checkpoints = new AuditCheckpoints(file, keys, clock);
		assertThat(checkpoints.read().genuine()).isEmpty();
		assertThat(checkpoints.write(new Head(0, AuditHashes.GENESIS))).as("nothing sealed yet").isNull();
		var first = checkpoints.write(head(5));
		assertThat(checkpoints.write(head(5))).as("same head again").isNull();
		var second = checkpoints.write(head(9));
		assertThat(Files.readAllLines(file)).containsExactly(first.format(), second.format());
		assertThat(first.format()).startsWith("harmwatch-audit-checkpoint v1 chain_seq=5 head=" + head(5).hash()
				+ " at=2026-11-25T10:00:00.123456Z key=" + keys.current().id() + " mac=");
		var reading = checkpoints.read();
		assertThat(reading.firstForgedLine()).isZero();
		assertThat(reading.genuine())
			.extracting(AuditCheckpoints.Checkpoint::chainSeq, AuditCheckpoints.Checkpoint::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(5L, 1), org.assertj.core.groups.Tuple.tuple(9L, 2));
		assertThat(reading.latest().chainSeq()).isEqualTo(9);
		assertThat(output.getOut()).contains("Audit checkpoint: " + second.format());
	}

	@Test
	void aLineAlteredOrAddedWithoutTheKeyIsNotGenuine() throws Exception {
		var file = folder.resolve("checkpoints.log");
		var checkpoints = new AuditCheckpoints(file, keys, clock);
		var genuine = checkpoints.write(head(5));
		var raised = genuine.format().replace("chain_seq=5", "chain_seq=4");
		var otherKey = AuditKeys.parse(AuditKeys.newKey(), "attacker").current();
		var at = Instant.parse("2026-11-25T11:00:00Z");
		var theirs = new AuditCheckpoints.Checkpoint(3, head(3).hash(), at, otherKey.id(),
				AuditHashes.checkpoint(otherKey.newMac(), otherKey.id(), 3, head(3).hash(), at), 0);
		Files.writeString(file, raised + "\n" + theirs.format() + "\n", StandardOpenOption.APPEND);
		var reading = checkpoints.read();
		assertThat(reading.genuine()).extracting(AuditCheckpoints.Checkpoint::chainSeq).containsExactly(5L);
		assertThat(reading.firstForgedLine()).isEqualTo(2);
	}

	@Test
	void aLineTornByACrashIsIgnoredAndReplacedByTheNext() throws Exception {
		var file = folder.resolve("checkpoints.log");
		var checkpoints = new AuditCheckpoints(file, keys, clock);
		var first = checkpoints.write(head(5));
		Files.writeString(file, "harmwatch-audit-checkpoint v1 chain_seq=6 he", StandardOpenOption.APPEND);
		assertThat(checkpoints.read().firstForgedLine()).isZero();
		assertThat(checkpoints.read().genuine()).hasSize(1);
		var next = checkpoints.write(head(7));
		assertThat(Files.readAllLines(file)).containsExactly(first.format(), next.format());
		assertThat(checkpoints.read().firstForgedLine()).isZero();
		Files.writeString(file, "no newline in this file at all");
		var only = checkpoints.write(head(8));
		assertThat(Files.readAllLines(file)).containsExactly(only.format());
	}

	@Test
	void checkpointsOfAnOldKeyStillReadAfterRotation() {
		var oldKey = AuditKeys.newKey();
		var file = folder.resolve("checkpoints.log");
		new AuditCheckpoints(file, AuditKeys.parse(oldKey, "before"), clock).write(head(5));
		var rotated = new AuditCheckpoints(file, AuditKeys.parse(oldKey + "," + AuditKeys.newKey(), "after"), clock);
		rotated.write(head(8));
		assertThat(rotated.read().genuine()).extracting(AuditCheckpoints.Checkpoint::chainSeq).containsExactly(5L, 8L);
		assertThat(rotated.read().firstForgedLine()).isZero();
	}

	@Test
	void writersSharingOneFileNeverInterleaveTheirLines() throws Exception {
		var file = folder.resolve("shared.log");
		var pool = Executors.newFixedThreadPool(4);
		try {
			var tasks = new ArrayList<Callable<Void>>();
			for (int t = 0; t < 4; t++) {
				int writer = t;
				// One AuditCheckpoints per writer, as separate instances sharing the file
				// would have.
				var checkpoints = new AuditCheckpoints(file, keys, clock);
				tasks.add(() -> {
					for (int i = 1; i <= 50; i++) {
						checkpoints.write(head(writer * 1000 + i));
					}
					return null;
				});
			}
			for (var future : pool.invokeAll(tasks)) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		var reading = new AuditCheckpoints(file, keys, clock).read();
		assertThat(reading.firstForgedLine()).isZero();
		assertThat(reading.genuine()).hasSize(200);
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).endsWith("\n");
	}

}
