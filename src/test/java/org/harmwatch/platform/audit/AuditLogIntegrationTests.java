package org.harmwatch.platform.audit;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@HarmwatchIntegrationTest
class AuditLogIntegrationTests {

	@Autowired
	AuditLog audit;

	@Autowired
	AuditChainVerifier verifier;

	@Autowired
	JdbcClient jdbc;

	long head() {
		return jdbc.sql("SELECT coalesce(max(seq), 0) FROM platform.audit_event").query(Long.class).single();
	}

	@Test
	void recordsWhoDidWhatToWhichRecordAndWhy() {
		audit.recordFor("custody", "WMP", "CUSTODY_TEST_VIEWED", "custody_test", "T-1", Purpose.POLICING,
				Outcome.ALLOWED, "required assessment");
		var row = jdbc.sql("SELECT * FROM platform.audit_event WHERE seq = :seq")
			.param("seq", head())
			.query((rs, n) -> AuditEntry.fromRow(rs))
			.single();
		assertThat(row.actor()).isEqualTo("custody");
		assertThat(row.agency()).isEqualTo("WMP");
		assertThat(row.recordId()).isEqualTo("T-1");
		assertThat(row.purpose()).isEqualTo("POLICING");
		assertThat(row.outcome()).isEqualTo("ALLOWED");
		assertThat(row.hash()).isEqualTo(row.expectedHash()).hasSize(64);
	}

	@Test
	void refusesUpdatesAndDeletes() {
		audit.recordFor("someone", null, "X", "thing", "1", null, Outcome.ALLOWED, null);
		var seq = head();
		assertThatThrownBy(() -> jdbc.sql("UPDATE platform.audit_event SET actor = 'nobody' WHERE seq = :seq")
			.param("seq", seq)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM platform.audit_event WHERE seq = :seq").param("seq", seq).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE platform.audit_event").update())
			.isInstanceOf(DataAccessException.class);
	}

	@Test
	void detectsAnEntryChangedBehindTheTriggersBack() {
		audit.recordFor("auditor", "WMPCC", "STAFF_VIEWED", "staff", "abc", null, Outcome.ALLOWED, "original");
		var seq = head();
		audit.recordFor("auditor", "WMPCC", "STAFF_VIEWED", "staff", "def", null, Outcome.ALLOWED, "later");
		assertThat(verifier.verify().intact()).isTrue();
		try {
			tamper("UPDATE platform.audit_event SET detail = 'forged' WHERE seq = " + seq);
			var result = verifier.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.brokenAt()).isEqualTo(seq);
			assertThat(result.problem()).contains("changed");
		}
		finally {
			tamper("UPDATE platform.audit_event SET detail = 'original' WHERE seq = " + seq);
		}
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void detectsARemovedEntry() {
		audit.recordFor("auditor", "WMPCC", "A", "staff", "1", null, Outcome.ALLOWED, null);
		var seq = head();
		audit.recordFor("auditor", "WMPCC", "B", "staff", "2", null, Outcome.ALLOWED, null);
		var removed = jdbc.sql("SELECT * FROM platform.audit_event WHERE seq = :seq")
			.param("seq", seq)
			.query((rs, n) -> AuditEntry.fromRow(rs))
			.single();
		try {
			tamper("DELETE FROM platform.audit_event WHERE seq = " + seq);
			var result = verifier.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.brokenAt()).isEqualTo(seq + 1);
			assertThat(result.problem()).contains("missing");
		}
		finally {
			jdbc.sql("""
					INSERT INTO platform.audit_event (seq, occurred_at, actor, agency, action, record_type, record_id,
					  purpose, outcome, detail, prev_hash, hash)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(removed.seq(), java.sql.Timestamp.from(removed.occurredAt()), removed.actor(),
						removed.agency(), removed.action(), removed.recordType(), removed.recordId(),
						removed.purpose(), removed.outcome(), removed.detail(), removed.prevHash(), removed.hash())
				.update();
		}
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void concurrentWritersExtendOneUnbrokenChain() throws Exception {
		var before = head();
		var pool = Executors.newFixedThreadPool(4);
		try {
			var tasks = new ArrayList<Callable<Void>>();
			for (int t = 0; t < 4; t++) {
				int thread = t;
				tasks.add(() -> {
					for (int i = 0; i < 25; i++) {
						audit.recordFor("writer-" + thread, null, "LOAD", "thing", thread + "-" + i, null,
								Outcome.ALLOWED, null);
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
		assertThat(head()).isEqualTo(before + 100);
		assertThat(verifier.verify().intact()).isTrue();
	}

	/** Changes the log as a database superuser could, switching the append-only triggers off for a moment. */
	private void tamper(String sql) {
		jdbc.sql("ALTER TABLE platform.audit_event DISABLE TRIGGER USER").update();
		try {
			jdbc.sql(sql).update();
		}
		finally {
			jdbc.sql("ALTER TABLE platform.audit_event ENABLE TRIGGER USER").update();
		}
	}

}
