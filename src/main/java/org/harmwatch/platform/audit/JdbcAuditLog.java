package org.harmwatch.platform.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in PostgreSQL.
 *
 * <p>Appends are serialised by a transaction-scoped advisory lock, so instances sharing one database extend a single
 * chain without gaps or forks. Each append runs in its own transaction.
 */
@Service
class JdbcAuditLog implements AuditLog {

	/** Advisory lock key for the chain's head ("audit" in ASCII). */
	static final long CHAIN_LOCK = 0x6175646974L;

	private final JdbcClient jdbc;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	JdbcAuditLog(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public void record(String action, String recordType, @Nullable String recordId, @Nullable Purpose purpose,
			Outcome outcome, @Nullable String detail) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		String actor = "anonymous";
		String agency = null;
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
			actor = authentication.getName();
			if (authentication.getPrincipal() instanceof HarmwatchUser user) {
				agency = user.agencyCode();
			}
		}
		recordFor(actor, agency, action, recordType, recordId, purpose, outcome, detail);
	}

	@Override
	public void recordFor(String actor, @Nullable String agency, String action, String recordType,
			@Nullable String recordId, @Nullable Purpose purpose, Outcome outcome, @Nullable String detail) {
		newTransaction.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
			var head = jdbc.sql("SELECT seq, hash FROM platform.audit_event ORDER BY seq DESC LIMIT 1")
				.query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
				.optional()
				.orElse(new Head(0, AuditEntry.GENESIS));
			var seq = head.seq() + 1;
			var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
			var purposeName = purpose == null ? null : purpose.name();
			var hash = AuditHashes.hash(head.hash(), seq, at, actor, agency, action, recordType, recordId, purposeName,
					outcome.name(), detail);
			jdbc.sql("""
					INSERT INTO platform.audit_event (seq, occurred_at, actor, agency, action, record_type, record_id,
					  purpose, outcome, detail, prev_hash, hash)
					VALUES (:seq, :at, :actor, :agency, :action, :recordType, :recordId, :purpose, :outcome, :detail,
					  :prevHash, :hash)
					""")
				.param("seq", seq)
				.param("at", java.sql.Timestamp.from(at))
				.param("actor", actor)
				.param("agency", agency)
				.param("action", action)
				.param("recordType", recordType)
				.param("recordId", recordId)
				.param("purpose", purposeName)
				.param("outcome", outcome.name())
				.param("detail", detail)
				.param("prevHash", head.hash())
				.param("hash", hash)
				.update();
		});
	}

	private record Head(long seq, String hash) {
	}

}
