package org.harmwatch.platform.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Seals new audit entries into the chain every second, and writes a checkpoint of its
 * head every minute, on every instance.
 *
 * <p>
 * It has its own thread rather than the shared scheduler's, so a long scheduled job
 * elsewhere never leaves entries unsealed. Sealers on several instances take turns
 * through the chain's advisory lock (one that finds it taken skips its turn). Checkpoints
 * are not shared out with ShedLock: each instance writes its own, to its own file, so
 * every instance's file holds a recent head. On shutdown it seals and writes a checkpoint
 * once more.
 */
@Component
class AuditSealer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	private final AuditChain chain;

	private final AuditCheckpoints checkpoints;

	private final AuditProperties properties;

	private @Nullable ScheduledExecutorService executor;

	AuditSealer(AuditChain chain, AuditCheckpoints checkpoints, AuditProperties properties) {
		this.chain = chain;
		this.checkpoints = checkpoints;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		var thread = Thread.ofPlatform().name("audit-sealer").daemon().factory();
		executor = Executors.newSingleThreadScheduledExecutor(thread);
		long sealEvery = properties.sealEvery().toMillis();
		long checkpointEvery = properties.checkpointEvery().toMillis();
		executor.scheduleWithFixedDelay(this::seal, sealEvery, sealEvery, TimeUnit.MILLISECONDS);
		executor.scheduleWithFixedDelay(this::checkpoint, checkpointEvery, checkpointEvery, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (executor == null) {
			return;
		}
		executor.shutdown();
		try {
			executor.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		executor = null;
		seal();
		checkpoint();
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

	/**
	 * After the web server has stopped taking requests, so what they wrote is sealed
	 * before the end.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private void seal() {
		try {
			chain.seal(false);
		}
		catch (RuntimeException ex) {
			log.warn("Could not seal new audit entries (will try again): {}", ex.toString());
		}
	}

	private void checkpoint() {
		try {
			chain.seal(true);
			checkpoints.write(chain.head());
		}
		catch (RuntimeException ex) {
			log.error("Could not write an audit checkpoint to {} (will try again): {}", checkpoints.file(),
					ex.toString());
		}
	}

}
