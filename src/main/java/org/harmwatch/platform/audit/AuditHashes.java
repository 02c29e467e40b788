package org.harmwatch.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;

import org.jspecify.annotations.Nullable;

/**
 * The hashes and MACs of the audit chain: SHA-256 for entries written before keyed
 * sealing, HMAC-SHA-256 since.
 *
 * <p>
 * Fields are length-prefixed so that no two different entries can serialise to the same
 * bytes. A keyed MAC also covers the scheme's name, the key's id and the entry's position
 * in the chain, so neither can be changed alone.
 */
final class AuditHashes {

	/** The previous hash of the first entry of a chain. */
	static final String GENESIS = "0".repeat(64);

	private AuditHashes() {
	}

	/**
	 * The SHA-256 hash an entry written before keyed sealing carries (scheme
	 * {@code SHA256}).
	 */
	static String hash(String prevHash, long seq, Instant occurredAt, String actor, @Nullable String agency,
			String action, String recordType, @Nullable String recordId, @Nullable String purpose, String outcome,
			@Nullable String detail) {
		var text = serialise(true, prevHash, seq, occurredAt, actor, agency, action, recordType, recordId, purpose,
				outcome, detail);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * The HMAC-SHA-256 that seals an entry at a position in the chain (scheme
	 * {@code HMAC_SHA256}).
	 * @param mac an HMAC-SHA-256 initialised with the key whose id is {@code keyId}
	 */
	static String seal(Mac mac, String keyId, long chainSeq, String prevHash, AuditEntry entry) {
		return HexFormat.of()
			.formatHex(mac.doFinal(serialise(false, AuditEntry.Scheme.HMAC_SHA256.name(), keyId, chainSeq, prevHash,
					entry.seq(), entry.occurredAt(), entry.actor(), entry.agency(), entry.action(), entry.recordType(),
					entry.recordId(), entry.purpose(), entry.outcome(), entry.detail())));
	}

	/** The HMAC-SHA-256 of a checkpoint: the chain's head at a moment. */
	static String checkpoint(Mac mac, String keyId, long chainSeq, String head, Instant at) {
		return HexFormat.of().formatHex(mac.doFinal(serialise(false, "CHECKPOINT", keyId, chainSeq, head, at)));
	}

	/**
	 * Each field as its length, a colon, its text and a bar; a missing field as
	 * {@code -1:|}. The SHA-256 scheme wrote a missing field as the text "\0" (the same
	 * as that one-character text, which PostgreSQL cannot store anyway); it is kept for
	 * the entries hashed that way.
	 */
	private static byte[] serialise(boolean oldNulls, @Nullable Object... fields) {
		var text = new StringBuilder();
		for (var field : fields) {
			if (field == null && !oldNulls) {
				text.append("-1:|");
				continue;
			}
			var value = field == null ? "\u0000" : field.toString();
			text.append(value.length()).append(':').append(value).append('|');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
