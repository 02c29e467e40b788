package org.harmwatch.platform;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A second transaction, on a connection and a thread of its own, that commits if and only
 * if the caller's transaction commits, also across a crash: for work that one database
 * process cannot store fast enough (an import of a million rows stores its observations
 * on a second process while the first stores its incidents). Used by imports; a page or
 * an API call has no need of it.
 *
 * <p>
 * Two-phase commit, with the caller's transaction as the decision. The caller takes an
 * advisory lock on the linked transaction's name when it opens it, held until its own
 * transaction ends. When the caller's transaction is about to commit, the linked one is
 * prepared ({@code PREPARE TRANSACTION}), its name is written into
 * {@code platform.linked_commit} in the caller's transaction, the caller's transaction
 * commits, and only then is the prepared one committed ({@code COMMIT PREPARED}). When
 * the caller's transaction rolls back, so does the linked one. A process that dies
 * between the two commits leaves a prepared transaction behind;
 * {@link LinkedTransactionRecovery} finishes it (before the migrations at start-up, and
 * every minute on any instance) by the record: committed when the name is there, rolled
 * back when it is not and nobody holds the lock any more (the caller's transaction is
 * over, so the record can no longer come).
 *
 * <p>
 * Between the two commits (milliseconds) another reader may see the caller's rows without
 * the linked ones: what is stored linked must be derived from what the caller stores
 * (observations of incidents), never the other way round. Nothing stored in the caller's
 * transaction may be written in the linked one too (the two would wait for each other,
 * and no database sees that as a deadlock).
 *
 * <p>
 * Needs {@code max_prepared_transactions} above 0, which the embedded server has; on a
 * server without it {@link #available()} is false and the caller does its work in its own
 * transaction.
 */
@Component
public class LinkedTransactions {

	/** The start of every linked transaction's name, {@code harmwatch:linked:<uuid>}. */
	static final String PREFIX = "harmwatch:linked:";

	/**
	 * The first key of the advisory lock a caller holds on a linked transaction's name.
	 */
	static final int LOCK_CLASS = 0x484C;

	private static final Logger log = LoggerFactory.getLogger(LinkedTransactions.class);

	private final DataSource dataSource;

	private final PlatformTransactionManager transactions;

	private final JdbcClient jdbc;

	private volatile @Nullable Boolean available;

	public LinkedTransactions(DataSource dataSource, PlatformTransactionManager transactions, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	/**
	 * Whether the server can prepare transactions ({@code max_prepared_transactions}).
	 */
	public boolean available() {
		var known = available;
		if (known == null) {
			known = jdbc.sql("SELECT current_setting('max_prepared_transactions')::int > 0")
				.query(Boolean.class)
				.single();
			available = known;
		}
		return known;
	}

	/** The advisory lock's second key for a linked transaction's name. */
	static int lockKey(String name) {
		return name.hashCode();
	}

	/**
	 * Opens a transaction linked to the caller's, which must be active; work given to
	 * {@link Linked#submit} runs in it, in order, on a thread of its own.
	 * @param purpose names the thread, e.g. {@code import}
	 * @throws IllegalStateException when the caller has no transaction or the server
	 * cannot prepare one
	 */
	public Linked open(String purpose) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A linked transaction needs the caller's transaction; there is none");
		}
		if (!available()) {
			throw new IllegalStateException("The database cannot prepare transactions (max_prepared_transactions)");
		}
		var linked = new Linked(PREFIX + UUID.randomUUID(), purpose);
		try {
			jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)")
				.params(LOCK_CLASS, lockKey(linked.name))
				.query()
				.listOfRows();
			linked.begin();
		}
		catch (RuntimeException ex) {
			linked.thread.shutdown();
			throw ex;
		}
		TransactionSynchronizationManager.registerSynchronization(linked);
		return linked;
	}

	/**
	 * A transaction linked to the caller's: its work runs in order on its own thread; it
	 * is prepared when the caller's commits, and committed or rolled back with it.
	 */
	public final class Linked implements TransactionSynchronization {

		private final String name;

		private final ExecutorService thread;

		private final List<Future<?>> work = new ArrayList<>();

		/** Touched only on {@link #thread}. */
		private @Nullable TransactionStatus status;

		/** Set on {@link #thread} by the first work that fails; later work is skipped. */
		private volatile boolean failed;

		private volatile boolean prepared;

		private Linked(String name, String purpose) {
			this.name = name;
			this.thread = Executors
				.newSingleThreadExecutor(Thread.ofPlatform().name(purpose + "-linked-", 1).daemon(true).factory());
		}

		/** Its name in {@code pg_prepared_xacts} once prepared. */
		public String name() {
			return name;
		}

		private void begin() {
			Futures.awaited(thread.submit(() -> {
				status = transactions.getTransaction(new DefaultTransactionDefinition());
			}));
		}

		/**
		 * Runs the work in the linked transaction, after the work given before it; after
		 * one has failed, none runs, and the caller's transaction cannot commit.
		 */
		public void submit(Runnable task) {
			work.add(thread.submit(() -> {
				if (failed) {
					return;
				}
				try {
					task.run();
				}
				catch (RuntimeException | Error ex) {
					failed = true;
					throw ex;
				}
			}));
		}

		/**
		 * Waits for the work given so far.
		 * @throws RuntimeException what the first work that failed threw
		 */
		public void await() {
			for (var done : work) {
				Futures.awaited(done);
			}
			work.clear();
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			await();
			Futures.awaited(thread.submit(() -> {
				var current = status;
				status = null;
				try {
					jdbc.sql("PREPARE TRANSACTION '" + name + "'").update();
				}
				catch (RuntimeException ex) {
					transactions.rollback(current);
					throw ex;
				}
				prepared = true;
				// The session has left the transaction, which lives on prepared: the
				// connection goes back to the pool (the driver sends no COMMIT).
				transactions.commit(current);
			}));
			jdbc.sql("INSERT INTO platform.linked_commit (name, decided_at) VALUES (?, now())").param(name).update();
		}

		/**
		 * Finishes the linked transaction as the caller's ended: a prepared one by the
		 * record (committed when the caller's transaction committed it, whatever Spring
		 * was told; when that is not yet known, left to the recovery), one not prepared
		 * rolled back.
		 */
		@Override
		public void afterCompletion(int outcome) {
			try {
				if (prepared) {
					if (!LinkedTransactionRecovery.finish(dataSource, name)) {
						log.warn("Linked transaction {} left prepared: its caller's transaction is still open; "
								+ "the recovery will finish it", name);
					}
				}
				else {
					// Waited for even when interrupted: the connection must neither go
					// back to the pool nor stay open in the middle of a transaction.
					var rolledBack = thread.submit(() -> {
						if (status != null) {
							transactions.rollback(status);
						}
					});
					boolean interrupted = false;
					while (true) {
						try {
							rolledBack.get();
							break;
						}
						catch (InterruptedException ex) {
							interrupted = true;
						}
					}
					if (interrupted) {
						Thread.currentThread().interrupt();
					}
				}
			}
			catch (SQLException | RuntimeException | ExecutionException ex) {
				log.warn("Linked transaction {} not finished ({}); the recovery will finish it", name, ex.getMessage());
			}
			finally {
				// Not interrupted: work in the middle of a statement finishes first.
				thread.shutdown();
			}
		}

	}

}
