package org.harmwatch.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs short units of database work handed over by many threads in shared transactions,
 * so that one commit, and its flush to disk, serves many callers (group commit in the
 * application).
 *
 * <p>
 * A caller hands over a unit of work with a key and waits until the transaction that ran
 * it has committed; it then gets the unit's result, or the exception the unit threw.
 * Units with the same key run on the same lane, one batch at a time and in the order they
 * arrived, so units that serialise on their key (a lock per group, say) never wait for
 * each other on this instance. A lane takes whatever has queued up while its last batch
 * committed, so batches grow with the load and a lone unit waits for no one.
 *
 * <p>
 * When any unit of a batch fails, or the commit does, the whole batch is rolled back and
 * each of its units runs again alone, so one bad unit fails only its own caller. A unit
 * may therefore run twice: it must change nothing but the database and publish nothing
 * but events that transactional listeners receive after the commit.
 *
 * <p>
 * A unit may also be an input to {@link Batched} work: the consecutive units of a batch
 * that share the same {@code Batched} instance are handed to it together, in one call, so
 * that it can do their work in a few statements instead of a few per unit (one multi-row
 * insert for all of them, say). A batch that fails runs each unit again alone, as a list
 * of one.
 *
 * <p>
 * A caller already in a transaction runs its unit at once, in that transaction, so that
 * the caller's own all-or-nothing holds.
 */
public final class GroupCommit implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	/**
	 * Work that takes the inputs of many units at once, in the order they arrived, and
	 * returns one result per input, in the same order. It runs in the batch's transaction
	 * and may run again (see the class comment).
	 */
	@FunctionalInterface
	public interface Batched<I, O> {

		List<O> runAll(List<I> inputs);

	}

	/** Units handed over as suppliers: each is run by itself, one after the other. */
	private static final Batched<Supplier<?>, Object> SUPPLIERS = inputs -> {
		var values = new ArrayList<Object>(inputs.size());
		for (var supplier : inputs) {
			values.add(supplier.get());
		}
		return values;
	};

	private final String name;

	private final TransactionTemplate transactions;

	private final int maxBatch;

	private final List<Lane> lanes = new ArrayList<>();

	private volatile boolean closed;

	/**
	 * Starts the lanes.
	 * @param name what the units are, for thread names and logs
	 * @param lanes how many batches may run at once (each holds a connection while it
	 * runs)
	 * @param maxBatch at most this many units in one transaction
	 */
	public GroupCommit(String name, PlatformTransactionManager transactionManager, int lanes, int maxBatch) {
		if (lanes < 1 || maxBatch < 1) {
			throw new IllegalArgumentException("lanes and maxBatch must be at least 1");
		}
		this.name = name;
		this.transactions = new TransactionTemplate(transactionManager);
		this.maxBatch = maxBatch;
		for (int i = 0; i < lanes; i++) {
			var lane = new Lane();
			var thread = new Thread(lane::run, "group-commit-" + name + "-" + i);
			thread.setDaemon(true);
			lane.thread = thread;
			this.lanes.add(lane);
			thread.start();
		}
	}

	/**
	 * Runs a unit of work in a transaction shared with others of its lane and returns
	 * once that transaction has committed.
	 * @param key units with equal keys run on the same lane, in the order they arrive
	 * @return what the unit returned
	 * @throws RuntimeException what the unit threw, as it threw it; or what the commit
	 * threw when the unit ran alone
	 * @throws IllegalStateException when shutting down
	 */
	@SuppressWarnings("unchecked")
	public <T> T run(Object key, Supplier<T> work) {
		return (T) run(key, SUPPLIERS, work);
	}

	/**
	 * Runs a unit of {@link Batched} work in a transaction shared with others of its
	 * lane, together with the units of the same work that queued with it, and returns
	 * once that transaction has committed.
	 * @param key units with equal keys run on the same lane, in the order they arrive
	 * @param work the work; units are batched together when they name the same instance
	 * @param input this unit's input
	 * @return this unit's result
	 * @throws RuntimeException what the work threw when it ran this unit alone, as it
	 * threw it; or what the commit threw then
	 * @throws IllegalStateException when shutting down
	 */
	public <I, O> O run(Object key, Batched<I, O> work, I input) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return only(work.runAll(List.of(input)));
		}
		if (this.closed) {
			throw shuttingDown();
		}
		var unit = new Unit<O>(work, input);
		var lane = lane(key);
		lane.queue.add(unit);
		if (lane.stopped) {
			unit.result.completeExceptionally(shuttingDown());
		}
		try {
			return unit.result.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private static <O> O only(List<O> results) {
		if (results.size() != 1) {
			throw new IllegalStateException("batched work returned " + results.size() + " results for one input");
		}
		return results.get(0);
	}

	/** How many units wait on the lane of a key (for tests). */
	int waiting(Object key) {
		return lane(key).queue.size();
	}

	private Lane lane(Object key) {
		return this.lanes.get(Math.floorMod(key.hashCode(), this.lanes.size()));
	}

	private IllegalStateException shuttingDown() {
		return new IllegalStateException(this.name + " is shutting down");
	}

	/**
	 * Stops taking units, runs those already queued and stops the lanes (waiting up to 10
	 * seconds for each).
	 */
	@Override
	public void close() {
		this.closed = true;
		for (var lane : this.lanes) {
			try {
				lane.thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static final class Unit<T> {

		final Batched<Object, Object> work;

		final Object input;

		final CompletableFuture<T> result = new CompletableFuture<>();

		@SuppressWarnings("unchecked")
		Unit(Batched<?, ?> work, Object input) {
			this.work = (Batched<Object, Object>) work;
			this.input = input;
		}

		@SuppressWarnings("unchecked")
		void complete(Object value) {
			this.result.complete((T) value);
		}

	}

	private final class Lane {

		final LinkedBlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();

		Thread thread;

		/** Set once the lane takes nothing more: a unit queued after that is refused. */
		volatile boolean stopped;

		void run() {
			try {
				take();
			}
			finally {
				this.stopped = true;
				for (Unit<?> left; (left = this.queue.poll()) != null;) {
					left.result.completeExceptionally(shuttingDown());
				}
			}
		}

		private void take() {
			var batch = new ArrayList<Unit<?>>(GroupCommit.this.maxBatch);
			while (true) {
				Unit<?> first;
				try {
					first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					return;
				}
				if (first == null) {
					if (GroupCommit.this.closed) {
						return;
					}
					continue;
				}

				batch.add(first);
				this.queue.drainTo(batch, GroupCommit.this.maxBatch - 1);
				runBatch(batch);
				batch.clear();
			}
		}

		private void runBatch(List<Unit<?>> batch) {
			List<Object> results;
			try {
				results = GroupCommit.this.transactions.execute(status -> runAll(batch));
			}
			catch (Throwable failure) {
				if (batch.size() == 1) {
					batch.get(0).result.completeExceptionally(failure);
				}
				else {
					log.debug("A batch of {} {} failed ({}); running each alone", batch.size(), GroupCommit.this.name,
							failure.toString());
					batch.forEach(this::runAlone);
				}
				return;
			}
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).complete(results.get(i));
			}
		}

		/**
		 * Runs the units in order, handing each run of consecutive units of the same work
		 * to it in one call.
		 */
		private List<Object> runAll(List<Unit<?>> batch) {
			var values = new ArrayList<Object>(batch.size());
			int from = 0;
			while (from < batch.size()) {
				var work = batch.get(from).work;
				int to = from + 1;
				while (to < batch.size() && batch.get(to).work == work) {
					to++;
				}
				var inputs = new ArrayList<Object>(to - from);
				for (int i = from; i < to; i++) {
					inputs.add(batch.get(i).input);
				}
				var out = work.runAll(inputs);
				if (out.size() != inputs.size()) {
					throw new IllegalStateException(
							"batched work returned " + out.size() + " results for " + inputs.size() + " inputs");
				}
				values.addAll(out);
				from = to;
			}
			return values;
		}

		private void runAlone(Unit<?> unit) {
			try {
				unit.complete(
						GroupCommit.this.transactions.execute(status -> only(unit.work.runAll(List.of(unit.input)))));
			}
			catch (Throwable failure) {
				unit.result.completeExceptionally(failure);
			}
		}

	}

}
