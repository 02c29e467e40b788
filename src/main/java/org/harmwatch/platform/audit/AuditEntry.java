package org.harmwatch.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the audit log as stored.
 */
record AuditEntry(long seq, Instant occurredAt, String actor, @Nullable String agency, String action,
		String recordType, @Nullable String recordId, @Nullable String purpose, String outcome, @Nullable String detail,
		String prevHash, String hash) {

	static final String GENESIS = "0".repeat(64);

	static AuditEntry fromRow(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("agency"), rs.getString("action"), rs.getString("record_type"), rs.getString("record_id"),
				rs.getString("purpose"), rs.getString("outcome"), rs.getString("detail"), rs.getString("prev_hash"),
				rs.getString("hash"));
	}

	/** The hash this entry must carry, given the hash before it. */
	String expectedHash() {
		return AuditHashes.hash(prevHash, seq, occurredAt, actor, agency, action, recordType, recordId, purpose, outcome,
				detail);
	}

}
