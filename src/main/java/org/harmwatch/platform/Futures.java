package org.harmwatch.platform;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread, as if it had run on this one. */
public final class Futures {

	private Futures() {
	}

	/**
	 * The work's result; what it threw is thrown here as it was (a checked exception
	 * wrapped in an {@link IllegalStateException}).
	 * @throws IllegalStateException when this thread is interrupted while it waits (its
	 * interrupt is kept)
	 */
	public static <T> T awaited(Future<T> work) {
		try {
			return work.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for work on another thread", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

}
