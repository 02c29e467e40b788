package org.harmwatch.analytics.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.harmwatch.analytics.AnalyticsBusyException;
import org.harmwatch.analytics.AnalyticsRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The analytics executor: computations and their parallel parts run on its own pool, not
 * the common one; no more than the configured number at once, the rest turned away when
 * no slot frees in time; exceptions reach the caller unchanged.
 */
class AnalyticsExecutorTests {

	static AnalyticsExecutor executor(int threads, int concurrent, Duration wait) {
		return new AnalyticsExecutor(new AnalyticsLimits(200_000_000L, threads, concurrent, wait));
	}

	@Test
	void computationsAndTheirParallelStreamsRunOnTheExecutorsPoolNotTheCommonOne() {
		AnalyticsExecutor executor = executor(2, 2, Duration.ofSeconds(5));
		try {
			Set<String> threads = ConcurrentHashMap.newKeySet();
			boolean onCommonPool = executor.run(() -> {
				IntStream.range(0, 10_000).parallel().forEach(i -> threads.add(Thread.currentThread().getName()));
				return ForkJoinTask.getPool() == ForkJoinPool.commonPool();
			});

			assertThat(onCommonPool).isFalse();
			assertThat(threads).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("analytics-"));
			assertThat(executor.parallelism()).isEqualTo(2);
		}
		finally {
			executor.close();
		}
	}

	@Test
	void aRequestFindingEverySlotTakenIsTurnedAwayAndTheNextOneRunsOnceASlotIsFree() throws Exception {
		AnalyticsExecutor executor = executor(2, 1, Duration.ZERO);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try {
			CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> executor.run(() -> {
				started.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return "first";
			}));
			assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

			assertThatThrownBy(() -> executor.run(() -> "second")).isInstanceOf(AnalyticsBusyException.class)
				.hasMessageContaining("busy");

			release.countDown();
			assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
			assertThat(executor.run(() -> "third")).isEqualTo("third");
		}
		finally {
			release.countDown();
			executor.close();
		}
	}

	@Test
	void exceptionsReachTheCallerAsThrownAndFreeTheSlot() {
		AnalyticsExecutor executor = executor(1, 1, Duration.ZERO);
		try {
			assertThatThrownBy(() -> executor.run(() -> {
				throw new AnalyticsRequestException("k", "k must be between 1 and 9.");
			})).isInstanceOf(AnalyticsRequestException.class).hasMessage("k must be between 1 and 9.");
			// the slot was given back: a second request is not turned away
			assertThat(executor.run(() -> 42)).isEqualTo(42);
		}
		finally {
			executor.close();
		}
	}

	@Test
	void badSettingsAreRefusedAtStartUp() {
		assertThatThrownBy(() -> new AnalyticsLimits(1, -1, 1, Duration.ZERO))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AnalyticsLimits(1, 0, 0, Duration.ZERO))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
