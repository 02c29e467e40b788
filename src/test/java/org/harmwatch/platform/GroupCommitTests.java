package org.harmwatch.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Group commit: callers at once share a commit, a failing unit fails only its own caller,
 * a caller in a transaction runs in it. Each test holds a lane with a first unit until
 * the others are queued behind it, so what forms a batch is decided, not timed.
 */
class GroupCommitTests {

	/** Counts commits and rollbacks; can be told to fail the next commit. */
	static final class CountingTransactions extends AbstractPlatformTransactionManager {

		final AtomicInteger commits = new AtomicInteger();

		final AtomicInteger rollbacks = new AtomicInteger();

		final AtomicBoolean failNextCommit = new AtomicBoolean();

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			if (this.failNextCommit.getAndSet(false)) {
				throw new TransactionSystemException("the commit failed");
			}
			this.commits.incrementAndGet();
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			this.rollbacks.incrementAndGet();
		}

	}

	final CountingTransactions transactions = new CountingTransactions();

	final GroupCommit group = new GroupCommit("test units", this.transactions, 2, 64);

	final ExecutorService callers = Executors.newFixedThreadPool(16);

	@AfterEach
	void stop() {
		this.callers.shutdownNow();
		this.group.close();
	}

	/** Runs a unit on the key's lane that waits for the latch; returns its result. */
	Future<String> hold(String key, CountDownLatch release) {
		return this.callers.submit(() -> this.group.run(key, () -> {
			waitFor(release);
			return "first";
		}));
	}

	static void waitFor(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Submits units on the key one after the other, each once the one before is queued
	 * (so they queue in this order), behind the held one.
	 */
	List<Future<Object>> queue(String key, List<java.util.function.Supplier<Object>> units) {
		var futures = new ArrayList<Future<Object>>();
		for (var unit : units) {
			int queued = this.group.waiting(key);
			futures.add(this.callers.submit(() -> this.group.run(key, unit)));
			await().atMost(30, TimeUnit.SECONDS).until(() -> this.group.waiting(key) == queued + 1);
		}
		return futures;
	}

	@Test
	void callersArrivingWhileABatchCommitsShareTheNextCommit() throws Exception {
		var release = new CountDownLatch(1);
		var first = hold("a", release);
		await().atMost(30, TimeUnit.SECONDS).until(() -> this.group.waiting("a") == 0 && !first.isDone());
		var units = new ArrayList<java.util.function.Supplier<Object>>();
		for (int i = 0; i < 10; i++) {
			int n = i;
			units.add(() -> "unit " + n);
		}
		var queued = queue("a", units);
		release.countDown();
		assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
		for (int i = 0; i < 10; i++) {
			assertThat(queued.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("unit " + i);
		}
		assertThat(this.transactions.commits).as("the held unit's commit, then one for the ten").hasValue(2);
		assertThat(this.transactions.rollbacks).hasValue(0);
	}

	@Test
	void aFailingUnitFailsOnlyItsOwnCallerAndTheOthersRunAlone() throws Exception {
		var release = new CountDownLatch(1);
		var first = hold("b", release);
		await().atMost(30, TimeUnit.SECONDS).until(() -> this.group.waiting("b") == 0 && !first.isDone());
		var ran = new AtomicInteger();
		List<java.util.function.Supplier<Object>> units = List.of(() -> ran.incrementAndGet(), () -> {
			throw new IllegalArgumentException("this one is wrong");
		}, () -> ran.incrementAndGet());
		var queued = queue("b", units);
		release.countDown();
		first.get(30, TimeUnit.SECONDS);
		assertThat(queued.get(0).get(30, TimeUnit.SECONDS)).isNotNull();
		assertThat(queued.get(2).get(30, TimeUnit.SECONDS)).isNotNull();
		assertThatThrownBy(() -> queued.get(1).get(30, TimeUnit.SECONDS))
			.hasCauseInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("this one is wrong");
		assertThat(this.transactions.rollbacks).as("the batch, then the wrong unit alone").hasValue(2);
		assertThat(this.transactions.commits).as("the held unit, then the two good ones alone").hasValue(3);
		assertThat(ran)
			.as("the first good unit in the batch (which stopped at the wrong one) and alone, the last alone")
			.hasValue(3);
	}

	@Test
	void aFailedCommitRunsEachUnitAgainAlone() throws Exception {
		var release = new CountDownLatch(1);
		var first = hold("c", release);
		await().atMost(30, TimeUnit.SECONDS).until(() -> this.group.waiting("c") == 0 && !first.isDone());
		var once = new AtomicBoolean(true);
		var runs = new AtomicInteger();
		var queued = queue("c", List.of(() -> {
			runs.incrementAndGet();
			if (once.getAndSet(false)) {
				this.transactions.failNextCommit.set(true);
			}
			return "x";
		}, () -> "y"));
		release.countDown();
		first.get(30, TimeUnit.SECONDS);
		assertThat(queued.get(0).get(30, TimeUnit.SECONDS)).isEqualTo("x");
		assertThat(queued.get(1).get(30, TimeUnit.SECONDS)).isEqualTo("y");
		assertThat(runs).as("in the failed batch, then alone").hasValue(2);
		assertThat(this.transactions.commits).as("the held unit, then each of the two alone").hasValue(3);
	}

	@Test
	void aLoneUnitGetsTheFailedCommit() {
		this.transactions.failNextCommit.set(true);
		assertThatThrownBy(() -> this.group.run("f", () -> "alone")).isInstanceOf(TransactionSystemException.class);
	}

	@Test
	void aCallerInATransactionRunsItsUnitAtOnceInIt() {
		var caller = Thread.currentThread();
		var ranOn = new TransactionTemplate(this.transactions)
			.execute(status -> this.group.run("d", Thread::currentThread));
		assertThat(ranOn).isSameAs(caller);
		assertThat(this.transactions.commits).hasValue(1);
	}

	@Test
	void afterCloseNothingMoreIsTaken() {
		this.group.close();
		assertThatThrownBy(() -> this.group.run("e", () -> "late")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("test units is shutting down");
	}

	@Test
	void unitsOfOneBatchedWorkQueuedTogetherAreHandedToItInOneCall() throws Exception {
		var release = new CountDownLatch(1);
		var first = hold("g", release);
		await().atMost(30, TimeUnit.SECONDS).until(() -> this.group.waiting("g") == 0 && !first.isDone());
		var calls = new java.util.concurrent.CopyOnWriteArrayList<List<Integer>>();
		GroupCommit.Batched<Integer, String> work = inputs -> {
			calls.add(List.copyOf(inputs));
			return inputs.stream().map(i -> "done " + i).toList();
		};
		var futures = new ArrayList<Future<String>>();
		for (int i = 0; i < 5; i++) {
			int n = i;
			int queued = this.group.waiting("g");
			futures.add(this.callers.submit(() -> this.group.run("g", work, n)));
			await().atMost(30, TimeUnit.SECONDS).until(() -> this.group.waiting("g") == queued + 1);
		}
		release.countDown();
		first.get(30, TimeUnit.SECONDS);
		for (int i = 0; i < 5; i++) {
			assertThat(futures.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("done " + i);
		}
		assertThat(calls).as("one call with the five inputs in the order they came")
			.containsExactly(List.of(0, 1, 2, 3, 4));
		assertThat(this.transactions.commits).hasValue(2);
	}

	@Test
	void whenBatchedWorkFailsEachInputRunsAgainAloneAndOnlyTheBadOneFails() throws Exception {
		var release = new CountDownLatch(1);
		var first = hold("h", release);
		await().atMost(30, TimeUnit.SECONDS).until(() -> this.group.waiting("h") == 0 && !first.isDone());
		var calls = new java.util.concurrent.CopyOnWriteArrayList<List<Integer>>();
		GroupCommit.Batched<Integer, Integer> work = inputs -> {
			calls.add(List.copyOf(inputs));
			if (inputs.contains(-1)) {
				throw new IllegalArgumentException("a wrong input");
			}
			return inputs.stream().map(i -> i * 10).toList();
		};
		var futures = new ArrayList<Future<Integer>>();
		for (int n : new int[] { 1, -1, 2 }) {
			int queued = this.group.waiting("h");
			futures.add(this.callers.submit(() -> this.group.run("h", work, n)));
			await().atMost(30, TimeUnit.SECONDS).until(() -> this.group.waiting("h") == queued + 1);
		}
		release.countDown();
		first.get(30, TimeUnit.SECONDS);
		assertThat(futures.get(0).get(30, TimeUnit.SECONDS)).isEqualTo(10);
		assertThat(futures.get(2).get(30, TimeUnit.SECONDS)).isEqualTo(20);
		assertThatThrownBy(() -> futures.get(1).get(30, TimeUnit.SECONDS))
			.hasCauseInstanceOf(IllegalArgumentException.class);
		assertThat(calls).containsExactly(List.of(1, -1, 2), List.of(1), List.of(-1), List.of(2));
	}

	@Test
	void aCallerInATransactionHandsItsInputToBatchedWorkAlone() {
		GroupCommit.Batched<String, Integer> work = inputs -> inputs.stream().map(String::length).toList();
		var result = new TransactionTemplate(this.transactions).execute(status -> this.group.run("i", work, "four"));
		assertThat(result).isEqualTo(4);
	}

}
