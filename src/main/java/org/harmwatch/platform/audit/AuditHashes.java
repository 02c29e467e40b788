package org.harmwatch.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * SHA-256 over an entry's fields and the previous entry's hash.
 *
 * <p>Fields are length-prefixed so that no two different entries can serialise to the same bytes.
 */
final class AuditHashes {

	private AuditHashes() {
	}

	static String hash(String prevHash, long seq, Instant occurredAt, String actor, @Nullable String agency,
			String action, String recordType, @Nullable String recordId, @Nullable String purpose, String outcome,
			@Nullable String detail) {
		var text = new StringBuilder();
		for (var field : new @Nullable Object[] { prevHash, seq, occurredAt, actor, agency, action, recordType, recordId,
				purpose, outcome, detail }) {
			var value = field == null ? "\u0000" : field.toString();
			text.append(value.length()).append(':').append(value).append('|');
		}
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
