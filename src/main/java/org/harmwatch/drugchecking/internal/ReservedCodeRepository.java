package org.harmwatch.drugchecking.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sample codes reserved by field devices, to be issued offline: each unique across every
 * device and sample, used once, in the session it was reserved for.
 */
@Repository
public class ReservedCodeRepository {

	private final JdbcClient jdbc;

	ReservedCodeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reserves {@code size} new codes for the device in the session: each drawn afresh
	 * and kept only when no sample and no other reservation has it.
	 */
	public List<String> reserve(UUID sessionId, String device, String by, Instant now, int size) {
		var codes = new ArrayList<String>();
		while (codes.size() < size) {
			var code = SampleCodes.next();
			int added = jdbc.sql("""
					INSERT INTO drugchecking.reserved_code (code, session_id, device, reserved_by, reserved_at)
					SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM drugchecking.sample WHERE code = ?)
					ON CONFLICT (code) DO NOTHING""")
				.param(code)
				.param(sessionId)
				.param(device)
				.param(by)
				.param(Columns.timestamp(now))
				.param(code)
				.update();
			if (added == 1) {
				codes.add(code);
			}
		}
		return codes;
	}

	/** Whether the code is reserved (used or not). */
	public boolean isReserved(String code) {
		return jdbc.sql("SELECT count(*) FROM drugchecking.reserved_code WHERE code = ?")
			.param(code)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether the code is reserved for the session and not yet used. */
	public boolean isFree(String code, UUID sessionId) {
		return jdbc.sql(
				"SELECT count(*) FROM drugchecking.reserved_code WHERE code = ? AND session_id = ? AND used_at IS NULL")
			.param(code)
			.param(sessionId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Claims the code for a sample about to be taken in under it; a second claim of the
	 * same code, at once or later, waits for the first and then fails.
	 * @return whether it was reserved for the session and free until now
	 */
	public boolean claim(String code, UUID sessionId, Instant now) {
		return jdbc.sql("""
				UPDATE drugchecking.reserved_code SET used_at = ?
				WHERE code = ? AND session_id = ? AND used_at IS NULL""")
			.param(Columns.timestamp(now))
			.param(code)
			.param(sessionId)
			.update() == 1;
	}

	/** Records which sample a claimed code went to. */
	public void link(String code, UUID sampleId) {
		jdbc.sql("UPDATE drugchecking.reserved_code SET sample_id = ? WHERE code = ?")
			.param(sampleId)
			.param(code)
			.update();
	}

}
