package org.harmwatch.platform.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The single sign-on providers, known once they answer: Harmwatch starts, and offers
 * password sign-in, while a provider is unreachable.
 *
 * <p>
 * Spring Boot's own repository reads each provider's discovery document while the
 * application starts and stops the start when it cannot. This one tries at start (waiting
 * a few seconds at most), then again in the background every
 * {@code harmwatch.sso.retry-interval} until the provider answers; until then it knows no
 * registration, so the sign-in page shows no SSO button and
 * {@code /oauth2/authorization/…} sends people back to the sign-in page. Requests never
 * wait for the provider.
 */
class SingleSignOnProviders implements ClientRegistrationRepository, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SingleSignOnProviders.class);

	/** How long the start waits for a first answer before it goes on without one. */
	private static final Duration FIRST_ANSWER = Duration.ofSeconds(5);

	private final Supplier<Map<String, ClientRegistration>> discovery;

	private final String issuers;

	private final List<String> origins;

	private final Duration retryInterval;

	private volatile @Nullable Map<String, ClientRegistration> registrations;

	private @Nullable ScheduledExecutorService retries;

	/** Failed attempts so far; only the discovery thread touches it. */
	private int failures;

	/**
	 * @param discovery builds the registrations, reading the providers' discovery
	 * documents; throws while they do not answer
	 * @param issuers the providers' addresses, for the log
	 * @param origins the providers' origins ({@code https://host:port}), where sign-out
	 * may send the browser
	 */
	SingleSignOnProviders(Supplier<Map<String, ClientRegistration>> discovery, String issuers, List<String> origins,
			Duration retryInterval) {
		this.discovery = discovery;
		this.issuers = issuers;
		this.origins = List.copyOf(origins);
		this.retryInterval = retryInterval;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		var known = registrations;
		return known == null ? null : known.get(registrationId);
	}

	/** The providers' origins, known from the settings before any provider answers. */
	List<String> origins() {
		return origins;
	}

	/** Whether the providers have answered, so single sign-on can be offered. */
	boolean answered() {
		return registrations != null;
	}

	@Override
	public synchronized void start() {
		if (retries != null) {
			return;
		}
		var executor = Executors.newSingleThreadScheduledExecutor(task -> {
			var thread = new Thread(task, "sso-discovery");
			thread.setDaemon(true);
			return thread;
		});
		retries = executor;
		var first = executor.submit(this::attempt);
		try {
			if (Boolean.FALSE.equals(first.get(FIRST_ANSWER.toMillis(), TimeUnit.MILLISECONDS))) {
				scheduleRetry(executor);
			}
		}
		catch (TimeoutException slow) {
			log.warn("Single sign-on provider {} is not reachable yet; offering password sign-in until it answers"
					+ " (no answer within {})", issuers, FIRST_ANSWER);
			executor.execute(() -> scheduleRetry(executor));
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException unexpected) {
			scheduleRetry(executor);
		}
	}

	/**
	 * Reads the discovery documents once; false when a provider did not answer (said once
	 * as a warning, then at debug level, so a long outage does not fill the log).
	 */
	private boolean attempt() {
		try {
			registrations = Map.copyOf(discovery.get());
			log.info("Single sign-on provider {} answered; offering single sign-on", issuers);
			return true;
		}
		catch (RuntimeException unreachable) {
			var message = "Single sign-on provider {} is not reachable yet; offering password sign-in until it answers"
					+ " (asking again every {}: {})";
			if (failures++ == 0) {
				log.warn(message, issuers, retryInterval, rootMessage(unreachable));
			}
			else {
				log.debug(message, issuers, retryInterval, rootMessage(unreachable));
			}
			return false;
		}
	}

	private void scheduleRetry(ScheduledExecutorService executor) {
		if (registrations != null || executor.isShutdown()) {
			return;
		}
		executor.schedule(() -> {
			if (!attempt()) {
				scheduleRetry(executor);
			}
		}, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static String rootMessage(Throwable failure) {
		var cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	@Override
	public synchronized void stop() {
		if (retries != null) {
			retries.shutdownNow();
			retries = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return retries != null;
	}

}
