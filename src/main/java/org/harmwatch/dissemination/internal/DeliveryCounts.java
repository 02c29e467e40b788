package org.harmwatch.dissemination.internal;

import java.util.Collection;
import java.util.UUID;

import org.harmwatch.dissemination.AlertDeliveriesCounted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the deliveries of issues that changed and publishes
 * {@link AlertDeliveriesCounted} for each, in a transaction (the caller's, or its own),
 * so that the event publication registry keeps them.
 */
@Component
public class DeliveryCounts {

	/** One issue of an alert. */
	public record Issue(UUID alertId, int version) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	DeliveryCounts(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Counts and publishes, for each issue that has deliveries. */
	public void publish(Collection<Issue> issues) {
		if (issues.isEmpty()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			for (var issue : issues) {
				jdbc.sql("""
						SELECT min(created_at) AS queued, count(*) AS deliveries,
						  count(*) FILTER (WHERE state = 'SENT') AS sent,
						  count(*) FILTER (WHERE state = 'DEAD') AS dead,
						  count(*) FILTER (WHERE state = 'SENT' AND audience = 'PROFESSIONALS') AS professional_sent,
						  clock_timestamp() AS counted
						FROM dissemination.delivery WHERE alert_id = ? AND version = ? HAVING count(*) > 0""")
					.param(issue.alertId())
					.param(issue.version())
					.query((rs, n) -> new AlertDeliveriesCounted(issue.alertId(), issue.version(),
							rs.getTimestamp("queued").toInstant(), rs.getLong("deliveries"), rs.getLong("sent"),
							rs.getLong("dead"), rs.getLong("professional_sent"),
							rs.getTimestamp("counted").toInstant()))
					.optional()
					.ifPresent(events::publishEvent);
			}
		});
	}

}
