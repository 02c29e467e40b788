package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.harmwatch.earlywarning.internal.federation.ExternalAlertRepository;
import org.harmwatch.earlywarning.internal.federation.FederationProperties;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Neighbouring regions' alerts, polled from their CAP or Atom feeds, for the coordinator
 * and the panel to read as external evidence and to review. They are kept apart from
 * Harmwatch's own alerts and never re-broadcast.
 */
@Service
public class FederationManagement {

	/** Alerts per page. */
	public static final int PAGE_SIZE = 25;

	private final ExternalAlertRepository alerts;

	private final FederationProperties properties;

	FederationManagement(ExternalAlertRepository alerts, FederationProperties properties) {
		this.alerts = alerts;
		this.properties = properties;
	}

	/**
	 * A page of external alerts, newest first; only those not yet reviewed if
	 * {@code unreviewedOnly}.
	 */
	public ExternalAlert.Page alerts(boolean unreviewedOnly, int page) {
		long total = alerts.count(unreviewedOnly);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), pages);
		var list = alerts.page(unreviewedOnly, PAGE_SIZE, (current - 1) * PAGE_SIZE);
		return new ExternalAlert.Page(list, current, pages, total);
	}

	/** One external alert. */
	public ExternalAlert alert(UUID id) {
		return alerts.find(id)
			.orElseThrow(() -> new NotFoundException("earlywarning.error.notFound.externalAlert", id));
	}

	/** An external alert's CAP message exactly as it was received. */
	public String capXml(UUID id) {
		return alerts.capXml(id)
			.orElseThrow(() -> new NotFoundException("earlywarning.error.notFound.externalAlert", id));
	}

	/** The configured feeds and how each is doing, in configuration order. */
	public List<ExternalAlert.FeedStatus> feeds() {
		return properties.feeds().stream().map(feed -> alerts.status(feed.name(), feed.url().toString())).toList();
	}

	/**
	 * Records that the coordinator has read an external alert and what they made of it
	 * (e.g. "same batch as our signal …", "not relevant here"). Reviewing never issues
	 * anything.
	 * @throws InputRejectedException on a missing or too long note, or a second review
	 */
	@Transactional
	public ExternalAlert review(UUID id, @Nullable String note, String reviewedBy, Instant at) {
		var current = alert(id);
		var text = note == null ? "" : note.strip();
		if (text.isEmpty()) {
			throw new InputRejectedException(FieldProblem.of("note", "earlywarning.error.review.note"));
		}
		if (text.length() > 2000) {
			throw new InputRejectedException(FieldProblem.of("note", "earlywarning.error.review.noteTooLong"));
		}
		if (current.reviewedAt() != null) {
			throw new InputRejectedException(FieldProblem.of("note", "earlywarning.error.review.reviewed"));
		}
		alerts.review(id, text, reviewedBy, at);
		return alert(id);
	}

}
