package org.harmwatch.platform.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log the application writes: entries appended, sealed into the keyed chain by
 * the sealer, checked against the checkpoint file. Tampering is tried in
 * {@link AuditTamperIntegrationTests}, on copies of the table.
 */
@HarmwatchIntegrationTest
class AuditLogIntegrationTests {

	@Autowired
	AuditLog audit;

	@Autowired
	AuditChainVerifier verifier;

	@Autowired
	AuditChain chain;

	@Autowired
	AuditKeys keys;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@TempDir
	Path folder;

	AuditEntry byRecordId(String recordId) {
		return jdbc.sql("SELECT * FROM platform.audit_event WHERE record_id = ?")
			.param(recordId)
			.query((rs, n) -> AuditEntry.fromRow(rs))
			.single();
	}

	@Test
	void recordsWhoDidWhatToWhichRecordAndWhyAndSealsItWithTheKey() {
		var id = "T-" + UUID.randomUUID();
		audit.recordFor("custody", "WMP", () -> "CUSTODY_TEST_VIEWED", "custody_test", id, Purpose.POLICING,
				Outcome.ALLOWED, "required assessment");
		var row = byRecordId(id);
		assertThat(row.actor()).isEqualTo("custody");
		assertThat(row.agency()).isEqualTo("WMP");
		assertThat(row.purpose()).isEqualTo("POLICING");
		assertThat(row.outcome()).isEqualTo("ALLOWED");
		assertThat(row.detail()).isEqualTo("required assessment");
		assertThat(row.scheme()).isEqualTo(AuditEntry.Scheme.HMAC_SHA256);
		assertThat(verifier.verify().intact()).isTrue();
		var sealed = byRecordId(id);
		assertThat(sealed.chainSeq()).isNotNull();
		assertThat(sealed.keyId()).isEqualTo(keys.current().id());
		assertThat(sealed.hash()).hasSize(64)
			.isEqualTo(AuditHashes.seal(keys.current().newMac(), sealed.keyId(), sealed.chainSeq(), sealed.prevHash(),
					sealed));
	}

	/**
	 * Every connection of the application's pool is taken, one by a transaction that then
	 * writes an audit entry (as a request does): the entry has its own pool, so it is
	 * written at once instead of waiting for a connection no one gives back.
	 */
	@Test
	void anEntryIsWrittenWhenEveryApplicationConnectionIsTaken() throws Exception {
		var pool = (HikariDataSource) dataSource;
		var taken = new java.util.ArrayList<java.sql.Connection>();
		var id = "pool-" + UUID.randomUUID();
		long connectionTimeout = pool.getConnectionTimeout();
		try {
			pool.setConnectionTimeout(10_000);
			transactions.executeWithoutResult(status -> {
				try {
					while (taken.size() < pool.getMaximumPoolSize() - 1) {
						taken.add(pool.getConnection());
					}
				}
				catch (java.sql.SQLException ex) {
					throw new IllegalStateException(ex);
				}
				audit.recordFor("someone", null, () -> "X", "thing", id, null, Outcome.ALLOWED, "pool taken");
			});
		}
		finally {
			for (var connection : taken) {
				connection.close();
			}
			pool.setConnectionTimeout(connectionTimeout);
		}
		assertThat(byRecordId(id).detail()).isEqualTo("pool taken");
	}

	@Test
	void theSealerSealsNewEntriesWithinMomentsOnItsOwn() {
		var id = "sealer-" + UUID.randomUUID();
		audit.recordFor("someone", null, () -> "X", "thing", id, null, Outcome.ALLOWED, null);
		await().atMost(Duration.ofSeconds(15)).until(() -> byRecordId(id).chainSeq() != null);
	}

	@Test
	void refusesUpdatesAndDeletes() {
		var id = "append-only-" + UUID.randomUUID();
		audit.recordFor("someone", null, () -> "X", "thing", id, null, Outcome.ALLOWED, null);
		assertThatThrownBy(() -> jdbc.sql("UPDATE platform.audit_event SET actor = 'nobody' WHERE record_id = ?")
			.param(id)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM platform.audit_event WHERE record_id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE platform.audit_event").update())
			.isInstanceOf(DataAccessException.class);
		verifier.verify();
		assertThatThrownBy(() -> jdbc
			.sql("UPDATE platform.audit_event SET chain_seq = chain_seq + 1000000 " + "WHERE record_id = ?")
			.param(id)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
	}

	@Test
	void concurrentWritersAndSealersExtendOneUnbrokenChain() throws Exception {
		var run = UUID.randomUUID().toString();
		var pool = Executors.newFixedThreadPool(6);
		try {
			var tasks = new ArrayList<Callable<Void>>();
			for (int t = 0; t < 4; t++) {
				int thread = t;
				tasks.add(() -> {
					for (int i = 0; i < 25; i++) {
						audit.recordFor("writer-" + thread, null, () -> "LOAD", "thing", run + "-" + thread + "-" + i,
								null, Outcome.ALLOWED, null);
					}
					return null;
				});
			}
			for (int t = 0; t < 2; t++) {
				tasks.add(() -> {
					for (int i = 0; i < 10; i++) {
						chain.seal(i % 2 == 0);
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
		assertThat(verifier.verify().intact()).isTrue();
		var positions = jdbc.sql("SELECT chain_seq FROM platform.audit_event WHERE record_id LIKE ?")
			.param(run + "-%")
			.query(Long.class)
			.list();
		assertThat(positions).hasSize(100).doesNotContainNull().doesNotHaveDuplicates();
	}

	@Test
	void theCheckPageSaysTheLogIsIntactAndWhatItWasComparedWith() throws Exception {
		audit.recordFor("auditor", "WMPCC", () -> "CHECKPOINT_TEST", "thing", "cp-" + UUID.randomUUID(), null,
				Outcome.ALLOWED, null);
		chain.seal(true);
		var checkpoint = checkpoints.write(chain.head());
		var auditor = user(users.loadUserByUsername("auditor"));
		mvc.perform(post("/audit/verify").with(auditor).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"chain-intact\"")))
			.andExpect(content().string(containsString("The audit log is intact")))
			.andExpect(content().string(containsString("sealed with HMAC-SHA-256 and a key kept outside the database")))
			.andExpect(content().string(containsString("recorded entry " + checkpoint.chainSeq() + ",")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("govuk-error-summary"))));
		var detail = jdbc
			.sql("SELECT detail FROM platform.audit_event WHERE action = 'AUDIT_CHAIN_VERIFIED' "
					+ "ORDER BY seq DESC LIMIT 1")
			.query(String.class)
			.single();
		assertThat(detail).startsWith("intact: ");
	}

	@Test
	void doesNotStartANewKeyWhenTheKeyFileIsGoneButTheLogWasSealedWithOne() {
		verifier.verify();
		var missing = folder.resolve("lost/audit.key");
		var configuration = new AuditConfiguration();
		assertThatThrownBy(() -> configuration
			.auditKeys(new AuditProperties(null, missing.toString(), null, null, null, null), jdbc))
			.isInstanceOf(AuditKeyException.class)
			.hasMessageContaining("the audit log holds entries sealed with a key");
		assertThat(missing).doesNotExist();
		var fromEnvironment = AuditKeys.newKey();
		assertThat(configuration
			.auditKeys(new AuditProperties(fromEnvironment, missing.toString(), null, null, null, null), jdbc)
			.current()
			.id()).isEqualTo(AuditKeys.parse(fromEnvironment, "x").current().id());
	}

}
