package org.harmwatch.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the audit log as stored.
 *
 * @param seq the entry's number, given when it was written
 * @param chainSeq its position in the chain, given when it was sealed; {@code null} until
 * then
 * @param scheme how it is hashed
 * @param keyId the key that sealed it ({@link Scheme#HMAC_SHA256} only)
 * @param prevHash the hash or MAC of the entry before it in the chain ({@code null} until
 * sealed)
 * @param hash its own hash or MAC ({@code null} until sealed)
 */
record AuditEntry(long seq, Instant occurredAt, String actor, @Nullable String agency, String action, String recordType,
		@Nullable String recordId, @Nullable String purpose, String outcome, @Nullable String detail,
		@Nullable Long chainSeq, Scheme scheme, @Nullable String keyId, @Nullable String prevHash,
		@Nullable String hash) {

	/** How an entry is hashed. */
	enum Scheme {

		/**
		 * SHA-256 over the entry and the previous hash, computed when written: entries
		 * from before keyed sealing.
		 */
		SHA256,

		/**
		 * HMAC-SHA-256 over the entry, its position and the previous MAC, with a key kept
		 * outside the database.
		 */
		HMAC_SHA256,

		/** Neither: the row was altered (the column's check constraint was dropped). */
		UNKNOWN;

		static Scheme of(@Nullable String name) {
			for (var scheme : values()) {
				if (scheme.name().equals(name) && scheme != UNKNOWN) {
					return scheme;
				}
			}
			return UNKNOWN;
		}

	}

	static AuditEntry fromRow(ResultSet rs) throws SQLException {
		long position = rs.getLong("chain_seq");
		Long chainSeq = rs.wasNull() ? null : position;
		// Null-safe even where the columns are NOT NULL: a row someone altered must be
		// reported, not crash the check.
		var occurredAt = rs.getTimestamp("occurred_at");
		return new AuditEntry(rs.getLong("seq"), occurredAt == null ? Instant.EPOCH : occurredAt.toInstant(),
				rs.getString("actor"), rs.getString("agency"), rs.getString("action"), rs.getString("record_type"),
				rs.getString("record_id"), rs.getString("purpose"), rs.getString("outcome"), rs.getString("detail"),
				chainSeq, Scheme.of(rs.getString("scheme")), rs.getString("key_id"), rs.getString("prev_hash"),
				rs.getString("hash"));
	}

	/** The SHA-256 hash this entry must carry if it is one from before keyed sealing. */
	String expectedLegacyHash() {
		return AuditHashes.hash(prevHash == null ? "" : prevHash, seq, occurredAt, actor, agency, action, recordType,
				recordId, purpose, outcome, detail);
	}

}
