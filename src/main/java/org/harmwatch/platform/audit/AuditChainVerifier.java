package org.harmwatch.platform.audit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the audit chain from the first entry and reports the first one that does not fit.
 *
 * <p>An entry breaks the chain if its sequence number skips, its previous hash is not the hash of the entry before
 * it, or its own hash does not match its fields. Runs nightly on one instance and on demand from the audit page.
 */
@Component
class AuditChainVerifier {

	private static final Logger log = LoggerFactory.getLogger(AuditChainVerifier.class);

	private final JdbcClient jdbc;

	AuditChainVerifier(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The outcome of one verification.
	 * @param entriesChecked how many entries were read
	 * @param brokenAt sequence number of the first entry that does not fit, or {@code null} if the chain is whole
	 * @param problem what is wrong with it
	 */
	record Verification(long entriesChecked, @Nullable Long brokenAt, @Nullable String problem) {

		public boolean intact() {
			return brokenAt == null;
		}

	}

	@Transactional(readOnly = true)
	Verification verify() {
		var checked = new AtomicLong();
		var previous = new AtomicReference<>(new Object[] { 0L, AuditEntry.GENESIS });
		var broken = new AtomicReference<Verification>();
		jdbc.sql("SELECT * FROM platform.audit_event ORDER BY seq").query(rs -> {
			if (broken.get() != null) {
				return;
			}
			var entry = AuditEntry.fromRow(rs);
			checked.incrementAndGet();
			long previousSeq = (long) previous.get()[0];
			String previousHash = (String) previous.get()[1];
			String problem = null;
			if (entry.seq() != previousSeq + 1) {
				problem = "entry " + (previousSeq + 1) + " is missing";
			}
			else if (!entry.prevHash().equals(previousHash)) {
				problem = "its link to the entry before does not match";
			}
			else if (!entry.hash().equals(entry.expectedHash())) {
				problem = "its contents were changed after it was written";
			}
			if (problem != null) {
				broken.set(new Verification(checked.get(), entry.seq(), problem));
			}
			previous.set(new Object[] { entry.seq(), entry.hash() });
		});
		return broken.get() != null ? broken.get() : new Verification(checked.get(), null, null);
	}

	@Scheduled(cron = "${harmwatch.audit.verify-cron:0 30 3 * * *}")
	@SchedulerLock(name = "audit-chain-verification")
	void verifyNightly() {
		var result = verify();
		if (result.intact()) {
			log.info("Audit chain intact: {} entries verified", result.entriesChecked());
		}
		else {
			log.error("AUDIT CHAIN BROKEN at entry {}: {}", result.brokenAt(), result.problem());
		}
	}

}
