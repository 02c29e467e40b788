package org.harmwatch.dissemination;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmwatch.dissemination.internal.AlertIssues;
import org.harmwatch.dissemination.internal.DeliveryCounts;
import org.harmwatch.dissemination.internal.DeliveryRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's view of delivery: the issued alerts with their counts, one alert's
 * delivery log (recipients masked), sending failed deliveries again, and the delivery,
 * acknowledgement and feedback totals the measures count. Subscriptions are
 * {@link DisseminationManagement}'s.
 */
@Service
public class DeliveryLogManagement {

	private final DeliveryRepository deliveries;

	private final DeliveryCounts counts;

	private final AlertIssues issues;

	DeliveryLogManagement(DeliveryRepository deliveries, DeliveryCounts counts, AlertIssues issues) {
		this.deliveries = deliveries;
		this.counts = counts;
		this.issues = issues;
	}

	/** An issued alert with its delivery counts, for the coordinator's list. */
	public record IssuedAlert(UUID alertId, String reference, String headline, String level, boolean exercise,
			int versions, Instant lastIssuedAt, long deliveries, long sent) {
	}

	@Transactional(readOnly = true)
	public List<IssuedAlert> issuedAlerts(int limit) {
		return deliveries.issuedAlerts(Math.max(1, Math.min(limit, 500)));
	}

	/** One alert's delivery log, or empty when it was never issued to dissemination. */
	@Transactional(readOnly = true)
	public Optional<DeliveryLog> deliveryLog(UUID alertId) {
		var latest = deliveries.latestVersion(alertId);
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		var alert = issues.find(alertId, latest.get()).orElseThrow();
		var rows = deliveries.failures(alertId);
		var masked = masks(rows.stream().map(f -> f.recipient()).toList());
		var failures = rows.stream()
			.map(f -> new DeliveryLog.Failure(f.id(), f.version(), f.channel(), masked.get(f.recipient()), f.state(),
					f.attempts(), f.error(), f.nextAttemptAt()))
			.toList();
		return Optional.of(new DeliveryLog(alertId, alert.reference(), alert.headline(), deliveries.counts(alertId),
				failures, measures(alertId)));
	}

	/**
	 * Sends failed and dead deliveries of an alert again, now (not those whose subscriber
	 * left).
	 * @return how many were queued again
	 */
	@Transactional
	public int retry(UUID alertId, Instant now) {
		var queued = deliveries.retry(alertId, now);
		counts.publish(new LinkedHashSet<>(queued));
		return queued.size();
	}

	/** Delivery, acknowledgement and feedback totals of one alert (all its versions). */
	@Transactional(readOnly = true)
	public DeliveryTotals measures(UUID alertId) {
		return deliveries.totals(alertId);
	}

	/**
	 * Delivery, acknowledgement and feedback totals of every delivery queued since
	 * {@code since}.
	 */
	@Transactional(readOnly = true)
	public DeliveryTotals measures(Instant since) {
		return deliveries.totals(since);
	}

	/**
	 * Recipients as the delivery log shows them: enough to recognise (an address's first
	 * letter and domain, a number's last four digits), and where different recipients
	 * would look the same, a number in order of first appearance ("a…@nhs.net (2)"), so
	 * that rows are told apart without anything more of an address being shown.
	 */
	static Map<String, String> masks(List<String> recipients) {
		var masked = new LinkedHashMap<String, String>();
		recipients.forEach(recipient -> masked.putIfAbsent(recipient, mask(recipient)));
		var seen = new HashMap<String, Integer>();
		var shared = masked.values().stream().collect(Collectors.groupingBy(m -> m, Collectors.counting()));
		masked.replaceAll((recipient, mask) -> shared.get(mask) > 1
				? mask + " (" + seen.merge(mask, 1, Integer::sum) + ")" : mask);
		return masked;
	}

	static String mask(String recipient) {
		if (recipient.startsWith("webhook:")) {
			return recipient;
		}
		int at = recipient.indexOf('@');
		if (at > 0) {
			return recipient.charAt(0) + "…" + recipient.substring(at);
		}
		return recipient.length() > 4 ? "…" + recipient.substring(recipient.length() - 4) : "…";
	}

}
