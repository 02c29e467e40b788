package org.harmwatch.analytics.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import org.harmwatch.analytics.AnalyticsBusyException;
import org.springframework.stereotype.Component;

/**
 * The bounded executor every analytics computation runs on: a fork-join pool of its own
 * (so the engine's parallel streams use it, not the JVM's common pool that the rest of
 * the application shares) and at most {@code concurrentRequests} computations at once; a
 * request that cannot get a slot within {@code waitForSlot} is refused with
 * {@link AnalyticsBusyException} instead of queueing without end.
 */
@Component
public class AnalyticsExecutor {

	private final ForkJoinPool pool;

	private final Semaphore slots;

	private final Duration waitForSlot;

	AnalyticsExecutor(AnalyticsLimits limits) {
		int threads = limits.threads() > 0 ? limits.threads() : Runtime.getRuntime().availableProcessors();
		this.pool = new ForkJoinPool(threads, pool -> {
			var thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
			thread.setName("analytics-" + thread.getPoolIndex());
			thread.setDaemon(true);
			return thread;
		}, null, false);
		this.slots = new Semaphore(limits.concurrentRequests(), true);
		this.waitForSlot = limits.waitForSlot();
	}

	/**
	 * Runs a computation on the analytics pool and waits for it; its unchecked exceptions
	 * reach the caller as they were thrown.
	 * @throws AnalyticsBusyException if no slot came free in time
	 */
	public <T> T run(Supplier<T> computation) {
		if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == this.pool) {
			// already on the pool (a computation calling another): no second slot
			return computation.get();
		}
		boolean acquired;
		try {
			acquired = this.slots.tryAcquire(this.waitForSlot.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AnalyticsBusyException(this.waitForSlot);
		}
		if (!acquired) {
			throw new AnalyticsBusyException(this.waitForSlot);
		}
		try {
			return this.pool.submit((Callable<T>) computation::get).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AnalyticsBusyException(this.waitForSlot);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			this.slots.release();
		}
	}

	/** Threads of the pool. */
	public int parallelism() {
		return this.pool.getParallelism();
	}

	@PreDestroy
	void close() {
		this.pool.shutdownNow();
	}

}
