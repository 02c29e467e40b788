package org.harmwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

import org.springframework.context.ApplicationEventPublisher;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Waits for asynchronous listeners through the event publication registry instead of
 * sleeping: a publication is stored when its event is published (in the publisher's
 * transaction) and completed when its listener has committed, so "no incomplete
 * publication of these events" means every listener has finished, whatever it did or did
 * not change.
 */
public final class EventPublications {

	/**
	 * How long a wait gives the listeners: they finish in well under a second on an idle
	 * machine, but one wait timed out at 30 s in a run beside five other builds (load
	 * about 15 on 2 cores). A publication that never completes still fails the test.
	 */
	private static final Duration LISTENERS_FINISH_WITHIN = Duration.ofSeconds(90);

	private EventPublications() {
	}

	/**
	 * Waits until every publication of an event matching {@code events} has completed,
	 * and checks that there was at least one (so that a wait on an event nobody published
	 * cannot pass).
	 */
	public static void awaitCompleted(EventPublicationRegistry registry, CompletedEventPublications completed,
			Predicate<Object> events) {
		await().atMost(LISTENERS_FINISH_WITHIN)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> registry.findIncompletePublications().stream().noneMatch(p -> events.test(p.getEvent())));
		assertThat(completed.findAll()).as("completed publications of the awaited events")
			.anyMatch(p -> events.test(p.getEvent()));
	}

	/** Waits until every publication of an event equal to {@code event} has completed. */
	public static void awaitCompleted(EventPublicationRegistry registry, CompletedEventPublications completed,
			Object event) {
		awaitCompleted(registry, completed, event::equals);
	}

	/**
	 * Waits until every event published since {@code since} has been handled by all its
	 * listeners.
	 */
	public static void awaitAllSince(EventPublicationRegistry registry, Instant since) {
		await().atMost(LISTENERS_FINISH_WITHIN)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> registry.findIncompletePublications()
				.stream()
				.noneMatch(p -> !p.getPublicationDate().isBefore(since)));
	}

	/**
	 * Publishes the event {@code times} times at once, each in a transaction of its own
	 * on a thread of its own (as two instances delivering it together would), and returns
	 * when all have committed. Publishing equal events in one transaction would not do:
	 * the registry could then complete one publication twice and leave the other open.
	 */
	public static void publishAtOnce(TransactionOperations transactions, ApplicationEventPublisher publisher,
			Object event, int times) {
		var start = new CountDownLatch(1);
		var published = new ArrayList<CompletableFuture<Void>>();
		for (int i = 0; i < times; i++) {
			published.add(CompletableFuture.runAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
				transactions.executeWithoutResult(status -> publisher.publishEvent(event));
			}));
		}
		start.countDown();
		CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).join();
	}

}
