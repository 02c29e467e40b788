package org.harmwatch.platform.audit;

import java.time.Instant;

import org.harmwatch.platform.audit.AuditEntry.Scheme;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit chain's hashes and MACs, checked against values computed independently with
 * Python's {@code hashlib} and {@code hmac} over the same length-prefixed serialisation
 * (lengths in UTF-16 code units, bytes in UTF-8; a missing field as {@code -1:|}, or in
 * the old SHA-256 scheme as the text "\0").
 */
class AuditHashesTests {

	/** 32 bytes 0x00..0x1f. */
	static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	static final String PREV = "ab".repeat(32);

	static final Instant AT = Instant.parse("2026-11-25T10:15:30.123456Z");

	static AuditEntry entry(String detail) {
		return new AuditEntry(42, AT, "auditor", "WMPCC", "STAFF_VIEWED", "staff", "abc", null, "ALLOWED", detail, null,
				Scheme.HMAC_SHA256, null, null, null);
	}

	@Test
	void aKeysIdIsTheStartOfItsSha256() {
		var keys = AuditKeys.parse(KEY, "test");
		assertThat(keys.current().id()).isEqualTo("630dcd2966c43366");
	}

	@Test
	void theOldHashIsSha256OverTheLengthPrefixedFields() {
		assertThat(AuditHashes.hash(PREV, 42, AT, "auditor", "WMPCC", "STAFF_VIEWED", "staff", "abc", null, "ALLOWED",
				"café ✓ 😀"))
			.isEqualTo("5f1fb3840aec4a004a0ca835885626a54d9f9285bd58f6067f88d164addabe80");
	}

	@Test
	void theSealIsHmacSha256OverSchemeKeyPositionLinkAndFields() {
		var key = AuditKeys.parse(KEY, "test").current();
		assertThat(AuditHashes.seal(key.newMac(), key.id(), 7, PREV, entry("café ✓ 😀")))
			.isEqualTo("35d9cd6044567e436e5f7622a6f60ab8bdb968df6e8af8ee209b33bb057c5b2f");
	}

	@Test
	void aCheckpointIsHmacSha256OverPositionHeadAndTime() {
		var key = AuditKeys.parse(KEY, "test").current();
		assertThat(AuditHashes.checkpoint(key.newMac(), key.id(), 7,
				"35d9cd6044567e436e5f7622a6f60ab8bdb968df6e8af8ee209b33bb057c5b2f",
				Instant.parse("2026-11-25T10:16:00Z")))
			.isEqualTo("ddc6cf5dd3059741fe3b2702c771c2b32213544e496bfd6365eb1e35a5e6ac2d");
	}

	@Test
	void theSealChangesWithEveryInputAndEveryKey() {
		var key = AuditKeys.parse(KEY, "test").current();
		var other = AuditKeys.parse(AuditKeys.newKey(), "test").current();
		var seal = AuditHashes.seal(key.newMac(), key.id(), 7, PREV, entry("x"));
		assertThat(AuditHashes.seal(key.newMac(), key.id(), 7, PREV, entry("x"))).isEqualTo(seal);
		assertThat(AuditHashes.seal(other.newMac(), key.id(), 7, PREV, entry("x"))).isNotEqualTo(seal);
		assertThat(AuditHashes.seal(key.newMac(), other.id(), 7, PREV, entry("x"))).isNotEqualTo(seal);
		assertThat(AuditHashes.seal(key.newMac(), key.id(), 8, PREV, entry("x"))).isNotEqualTo(seal);
		assertThat(AuditHashes.seal(key.newMac(), key.id(), 7, "cd".repeat(32), entry("x"))).isNotEqualTo(seal);
		assertThat(AuditHashes.seal(key.newMac(), key.id(), 7, PREV, entry("y"))).isNotEqualTo(seal);
		assertThat(AuditHashes.seal(key.newMac(), key.id(), 7, PREV, entry(null))).isNotEqualTo(seal);
		assertThat(AuditHashes.seal(key.newMac(), key.id(), 7, PREV, entry("\u0000")))
			.isNotEqualTo(AuditHashes.seal(key.newMac(), key.id(), 7, PREV, entry(null)));
	}

	@Test
	void fieldsCannotBeShiftedIntoEachOther() {
		var key = AuditKeys.parse(KEY, "test").current();
		var a = new AuditEntry(1, AT, "ab", null, "c", "t", null, null, "ALLOWED", null, null, Scheme.HMAC_SHA256, null,
				null, null);
		var b = new AuditEntry(1, AT, "a", null, "bc", "t", null, null, "ALLOWED", null, null, Scheme.HMAC_SHA256, null,
				null, null);
		assertThat(AuditHashes.seal(key.newMac(), key.id(), 1, PREV, a))
			.isNotEqualTo(AuditHashes.seal(key.newMac(), key.id(), 1, PREV, b));
	}

}
