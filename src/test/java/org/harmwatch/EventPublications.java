package org.harmwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

import org.springframework.context.ApplicationContext;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
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

	/** Listeners finish in well under a second; this is the wait before a test fails. */
	private static final Duration LISTENERS_FINISH_WITHIN = Duration.ofSeconds(30);

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
	 * Delivers the event to one listener {@code times} times at once, each delivery in a
	 * transaction of its own on a thread of its own, as two instances of the application
	 * would, and returns when all have committed.
	 *
	 * <p>
	 * The listener is called directly, not through the event publication registry: in one
	 * JVM the registry tracks the publications in progress by event and listener, so two
	 * equal events in flight at once share one entry and one of them may be left
	 * incomplete until the application resubmits it (minutes later; found in full runs).
	 * Two instances each have their own registry, and what must hold is that the
	 * listener's work is done once, which this tests.
	 * @param listenerBean the name of the listener's bean, whose method {@code on} takes
	 * the event
	 */
	public static void deliverAtOnce(ApplicationContext context, String listenerBean,
			TransactionOperations transactions, Object event, int times) {
		var listener = AopTestUtils.getUltimateTargetObject(context.getBean(listenerBean));
		var start = new CountDownLatch(1);
		var delivered = new ArrayList<CompletableFuture<Void>>();
		for (int i = 0; i < times; i++) {
			delivered.add(CompletableFuture.runAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
				transactions.executeWithoutResult(status -> ReflectionTestUtils.invokeMethod(listener, "on", event));
			}));
		}
		start.countDown();
		CompletableFuture.allOf(delivered.toArray(CompletableFuture[]::new)).join();
	}

}
