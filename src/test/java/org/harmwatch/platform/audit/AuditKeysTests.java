package org.harmwatch.platform.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditKeysTests {

	@TempDir
	Path folder;

	@Test
	void createsAMissingKeyFileWithOneRandomKeyReadableByItsOwnerOnly() throws Exception {
		var file = folder.resolve("new/audit.key");
		var keys = AuditKeys.fromFile(file, true);
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		var lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
		assertThat(lines).hasSize(1);
		assertThat(Base64.getDecoder().decode(lines.getFirst())).hasSize(32);
		assertThat(keys.ids()).containsExactly(keys.current().id());
		assertThat(keys.current().id()).isEqualTo(AuditKeys.idOf(Base64.getDecoder().decode(lines.getFirst())));
		assertThat(AuditKeys.fromFile(file, true).current().id()).as("read again, not replaced")
			.isEqualTo(keys.current().id());
		assertThat(AuditKeys.fromFile(folder.resolve("other.key"), true).current().id()).as("each new key is random")
			.isNotEqualTo(keys.current().id());
		assertThat(folder.resolve("new")).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
	}

	@Test
	void refusesToStartANewKeyWhenTheChainWasSealedWithOne() {
		var file = folder.resolve("audit.key");
		assertThatThrownBy(() -> AuditKeys.fromFile(file, false))
			.isInstanceOfSatisfying(AuditKeyException.class,
					ex -> assertThat(ex.action()).startsWith("Restore the audit key file from its backup"))
			.hasMessage("There is no audit key file at " + file
					+ ", but the audit log holds entries sealed with a key, so Harmwatch will not start a new one.");
		assertThat(file).doesNotExist();
	}

	@Test
	void keepsOldKeysForCheckingAndSealsWithTheLast() throws Exception {
		var old = AuditKeys.newKey();
		var current = AuditKeys.newKey();
		var file = folder.resolve("audit.key");
		Files.writeString(file, "# rotated 2026-11-25\n" + old + "\n\n" + current + "\n");
		var keys = AuditKeys.fromFile(file, false);
		var oldId = AuditKeys.idOf(Base64.getDecoder().decode(old));
		var currentId = AuditKeys.idOf(Base64.getDecoder().decode(current));
		assertThat(keys.ids()).containsExactly(oldId, currentId);
		assertThat(keys.current().id()).isEqualTo(currentId);
		assertThat(keys.find(oldId)).isPresent();
		assertThat(keys.find("0000000000000000")).isEmpty();
	}

	@Test
	void readsKeysFromTheEnvironmentCommaSeparatedOldestFirst() {
		var old = AuditKeys.newKey();
		var current = AuditKeys.newKey();
		var keys = AuditKeys.parse(old + ", " + current, "HARMWATCH_AUDIT_KEY");
		assertThat(keys.ids()).hasSize(2);
		assertThat(keys.current().id()).isEqualTo(AuditKeys.idOf(Base64.getDecoder().decode(current)));
	}

	@Test
	void refusesShortMissingAndMalformedKeysWithASentence() {
		var shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatThrownBy(() -> AuditKeys.parse(shortKey, "HARMWATCH_AUDIT_KEY")).isInstanceOf(AuditKeyException.class)
			.hasMessage("Audit key 1 in HARMWATCH_AUDIT_KEY has 16 bytes; it needs at least 32 random bytes");
		assertThatThrownBy(() -> AuditKeys.parse("not base64!", "the key file")).isInstanceOf(AuditKeyException.class)
			.hasMessageStartingWith("Audit key 1 in the key file is not base64");
		assertThatThrownBy(() -> AuditKeys.parse("# only a comment\n", "the key file"))
			.isInstanceOf(AuditKeyException.class)
			.hasMessage("There is no audit key in the key file");
	}

	@Test
	void aMissingKeyStopsStartUpWithASentenceAndWhatToDoNotAStackTrace() {
		var failure = new org.springframework.beans.factory.BeanCreationException("auditKeys",
				new AuditKeyException("There is no audit key file at /x", "Restore it."));
		var analysis = new AuditKeyFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo("There is no audit key file at /x");
		assertThat(analysis.getAction()).isEqualTo("Restore it.");
	}

}
