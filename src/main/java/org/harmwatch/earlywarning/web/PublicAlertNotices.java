package org.harmwatch.earlywarning.web;

import java.time.Instant;
import java.util.List;

import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.platform.PublicNotice;
import org.harmwatch.platform.PublicNotices;
import org.springframework.stereotype.Component;

/**
 * The current public drug alerts, on the landing page: the same alerts as the public
 * alerts page (issued, for the public, no exercise, in force), each linking to its page.
 */
@Component
class PublicAlertNotices implements PublicNotices {

	private final AlertManagement alerts;

	PublicAlertNotices(AlertManagement alerts) {
		this.alerts = alerts;
	}

	@Override
	public List<PublicNotice> current(Instant now) {
		return alerts.currentPublic(now)
			.stream()
			.filter(a -> a.reference() != null)
			// An exercise (shown in the demo only) is tagged as one instead of by its
			// level.
			.map(a -> new PublicNotice(a.headline(), "/alerts/" + a.reference(),
					a.exercise() ? "alerts.exercise.tag" : "alerts.level." + a.level().name(),
					a.issuedAt() == null ? a.createdAt() : a.issuedAt()))
			.toList();
	}

}
