package org.harmwatch.dissemination.internal;

import java.time.Duration;
import java.util.Set;

import org.harmwatch.earlywarning.AlertLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How alerts are delivered.
 *
 * @param from the sender address of emails
 * @param batchSize how many deliveries a sender claims at once
 * @param senders how many senders each instance runs at once (each holds one SMTP
 * connection and one database connection while it sends; sending waits on the network, so
 * several keep both cores busy)
 * @param lease how long a claim holds; a claim older than this (its sender died) is taken
 * over by another sender
 * @param maxAttempts attempts before a delivery is dead
 * @param backoff the wait after the first failure, doubled after each further one...
 * @param maxBackoff ...up to this
 * @param confirmValidFor how long a public subscriber's confirmation link works
 * @param sms GOV.UK Notify
 * @param escalation unacknowledged alerts to key roles
 * @param publicForm the public subscription form's rate limit
 */
@ConfigurationProperties("harmwatch.dissemination")
public record DisseminationProperties(@Nullable String from, @Nullable Integer batchSize, @Nullable Integer senders,
		@Nullable Duration lease, @Nullable Integer maxAttempts, @Nullable Duration backoff,
		@Nullable Duration maxBackoff, @Nullable Duration confirmValidFor, @Nullable Sms sms,
		@Nullable Escalation escalation, @Nullable RateLimit publicForm) {

	/**
	 * GOV.UK Notify: an API key, its base URL, and a template whose whole body is the
	 * placeholder {@code ((body))}.
	 */
	public record Sms(@Nullable String baseUrl, @Nullable String apiKey, @Nullable String templateId) {

		public Sms {
			baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.notifications.service.gov.uk" : baseUrl;
			apiKey = apiKey == null ? "" : apiKey;
			templateId = templateId == null ? "" : templateId;
		}

		public boolean configured() {
			return !apiKey.isBlank() && !templateId.isBlank();
		}

	}

	/**
	 * Deliveries to holders of {@code roles} of alerts at {@code levels}, unacknowledged
	 * {@code after} they were sent, are escalated once by email to {@code to} (the
	 * out-of-hours lead).
	 */
	public record Escalation(@Nullable Set<String> roles, @Nullable Set<AlertLevel> levels, @Nullable Duration after,
			@Nullable String to) {

		public Escalation {
			roles = roles == null ? Set.of("EARLY_WARNING_COORDINATOR") : Set.copyOf(roles);
			levels = levels == null ? Set.of(AlertLevel.WARNING, AlertLevel.CRITICAL) : Set.copyOf(levels);
			after = after == null ? Duration.ofHours(2) : after;
			to = to == null ? "" : to;
		}

	}

	/**
	 * A token bucket per client: {@code capacity} submissions at once, one more every
	 * {@code refillEvery}.
	 */
	public record RateLimit(@Nullable Integer capacity, @Nullable Duration refillEvery) {

		public RateLimit {
			capacity = capacity == null ? 5 : capacity;
			refillEvery = refillEvery == null ? Duration.ofMinutes(10) : refillEvery;
		}

	}

	public DisseminationProperties {
		from = from == null || from.isBlank() ? "alerts@harmwatch.invalid" : from;
		batchSize = batchSize == null ? 100 : batchSize;
		senders = senders == null || senders < 1 ? 4 : senders;
		lease = lease == null ? Duration.ofMinutes(5) : lease;
		maxAttempts = maxAttempts == null ? 6 : maxAttempts;
		backoff = backoff == null ? Duration.ofMinutes(1) : backoff;
		maxBackoff = maxBackoff == null ? Duration.ofHours(2) : maxBackoff;
		confirmValidFor = confirmValidFor == null ? Duration.ofHours(48) : confirmValidFor;
		sms = sms == null ? new Sms(null, null, null) : sms;
		escalation = escalation == null ? new Escalation(null, null, null, null) : escalation;
		publicForm = publicForm == null ? new RateLimit(null, null) : publicForm;
	}

}
