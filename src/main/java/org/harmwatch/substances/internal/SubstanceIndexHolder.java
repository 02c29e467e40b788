package org.harmwatch.substances.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.harmwatch.substances.SubstanceVocabularyChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps this instance's in-memory index in step with the database, also when another
 * instance changes it.
 *
 * <p>
 * Before answering, it compares its version with the version row, at most once per
 * {@code harmwatch.substances.version-check-interval} (default one second), and reloads
 * the whole vocabulary when they differ. A change made on this instance marks the index
 * stale at once, so its own users never see old data; other instances see it within the
 * interval. Reading the version is one indexed single-row query.
 */
@Component
public class SubstanceIndexHolder {

	private static final Logger log = LoggerFactory.getLogger(SubstanceIndexHolder.class);

	private final SubstanceStore store;

	private final TransactionTemplate reads;

	private final long checkIntervalNanos;

	private volatile SubstanceIndex index = SubstanceIndex.of(-1, List.of());

	private volatile long checkedAt;

	/**
	 * Counts changes made on this instance; the index is stale while {@code seen} lags
	 * behind.
	 */
	private final AtomicLong invalidations = new AtomicLong(1);

	private volatile long seen;

	SubstanceIndexHolder(SubstanceStore store, PlatformTransactionManager transactions,
			@Value("${harmwatch.substances.version-check-interval:1s}") Duration checkInterval) {
		this.store = store;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.reads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.checkIntervalNanos = checkInterval.toNanos();
	}

	/** The current index, reloaded first if the vocabulary has changed. */
	public SubstanceIndex current() {
		long now = System.nanoTime();
		if (seen != invalidations.get() || now - checkedAt >= checkIntervalNanos) {
			refresh(now);
		}
		return index;
	}

	/** Once a change on this instance is committed, its own next read reloads. */
	@TransactionalEventListener
	void on(SubstanceVocabularyChanged event) {
		markStale();
	}

	/**
	 * Makes the next {@link #current()} check the version (after a change on this
	 * instance).
	 */
	public void markStale() {
		invalidations.incrementAndGet();
	}

	private synchronized void refresh(long now) {
		long generation = invalidations.get();
		if (seen == generation && now - checkedAt < checkIntervalNanos) {
			return; // another thread refreshed meanwhile
		}
		Long version = reads.execute(status -> store.version());
		if (version == null || version != index.version()) {
			var snapshot = reads.execute(status -> store.load());
			if (snapshot != null) {
				index = SubstanceIndex.of(snapshot.version(), snapshot.substances());
				log.debug("Substance vocabulary version {} loaded: {} substances", snapshot.version(), index.size());
			}
		}
		checkedAt = now;
		seen = generation;
	}

}
