package org.harmwatch.platform.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.harmwatch.platform.audit.AuditChainCheck.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the audit chain from its first entry against the audit keys and this instance's
 * checkpoint file.
 *
 * <p>
 * Seals what was just written first, so the check covers everything written before it
 * started. Runs nightly on one instance (ShedLock) and on demand from the audit page; see
 * {@link AuditChainCheck} for what it finds.
 */
@Component
class AuditChainVerifier {

	private static final Logger log = LoggerFactory.getLogger(AuditChainVerifier.class);

	private final AuditChain chain;

	private final AuditCheckpoints checkpoints;

	AuditChainVerifier(AuditChain chain, AuditCheckpoints checkpoints) {
		this.chain = chain;
		this.checkpoints = checkpoints;
	}

	Verification verify() {
		chain.seal(true);
		// Checkpoints first: each is then of a state the chain had reached before it is
		// read.
		var reading = checkpoints.read();
		return chain.verify(reading);
	}

	@Scheduled(cron = "${harmwatch.audit.verify-cron:0 30 3 * * *}")
	@SchedulerLock(name = "audit-chain-verification")
	void verifyNightly() {
		var result = verify();
		if (result.intact()) {
			log.info("Audit chain intact: {} entries verified against {} checkpoints", result.entriesChecked(),
					result.checkpointsCompared());
			if (result.latestCheckpoint() == null) {
				log.warn("No audit checkpoint in {} yet: removal of the newest entries cannot be detected",
						checkpoints.file());
			}
		}
		else {
			log.error("AUDIT CHAIN BROKEN at entry {}: {}", result.brokenAt(), result.problem().describe());
		}
	}

}
