package org.harmwatch.earlywarning;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.harmwatch.earlywarning.internal.federation.FederationProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Neighbouring regions' alerts, polled from their CAP or Atom feeds, for the coordinator and the panel to read as
 * external evidence and to review. They are kept apart from Harmwatch's own alerts and never re-broadcast.
 */
@Service
public class FederationManagement {

	/** Alerts per page. */
	public static final int PAGE_SIZE = 25;

	private final JdbcClient jdbc;

	private final FederationProperties properties;

	FederationManagement(JdbcClient jdbc, FederationProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** A page of external alerts, newest first; only those not yet reviewed if {@code unreviewedOnly}. */
	public ExternalAlert.Page alerts(boolean unreviewedOnly, int page) {
		var where = unreviewedOnly ? " WHERE reviewed_at IS NULL" : "";
		long total = jdbc.sql("SELECT count(*) FROM earlywarning.external_alert" + where).query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), pages);
		var list = jdbc.sql("SELECT * FROM earlywarning.external_alert" + where
				+ " ORDER BY sent DESC, id LIMIT ? OFFSET ?")
			.param(PAGE_SIZE)
			.param((current - 1) * PAGE_SIZE)
			.query((rs, n) -> alert(rs))
			.list();
		return new ExternalAlert.Page(list, current, pages, total);
	}

	/** One external alert. */
	public ExternalAlert alert(UUID id) {
		return jdbc.sql("SELECT * FROM earlywarning.external_alert WHERE id = ?")
			.param(id)
			.query((rs, n) -> alert(rs))
			.optional()
			.orElseThrow(() -> new EarlyWarningManagement.NotFound("external alert", id.toString()));
	}

	/** An external alert's CAP message exactly as it was received. */
	public String capXml(UUID id) {
		return jdbc.sql("SELECT cap_xml FROM earlywarning.external_alert WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new EarlyWarningManagement.NotFound("external alert", id.toString()));
	}

	/** The configured feeds and how each is doing, in configuration order. */
	public List<ExternalAlert.FeedStatus> feeds() {
		return properties.feeds().stream().map(feed -> status(feed.name(), feed.url())).toList();
	}

	/**
	 * Records that the coordinator has read an external alert and what they made of it (e.g. "same batch as our
	 * signal …", "not relevant here"). Reviewing never issues anything.
	 *
	 * @throws EarlyWarningManagement.SignalDecisionException on a missing or too long note, or a second review
	 */
	@Transactional
	public ExternalAlert review(UUID id, @Nullable String note, String reviewedBy, Instant at) {
		var current = alert(id);
		var text = note == null ? "" : note.strip();
		if (text.isEmpty()) {
			throw new EarlyWarningManagement.SignalDecisionException("note", "Say what you concluded from this alert.");
		}
		if (text.length() > 2000) {
			throw new EarlyWarningManagement.SignalDecisionException("note", "The note is at most 2000 characters.");
		}
		if (current.reviewedAt() != null) {
			throw new EarlyWarningManagement.SignalDecisionException("note", "This alert was already reviewed.");
		}
		jdbc.sql("UPDATE earlywarning.external_alert SET reviewed_at = ?, reviewed_by = ?, review_note = ? "
				+ "WHERE id = ? AND reviewed_at IS NULL")
			.param(Timestamp.from(at))
			.param(reviewedBy)
			.param(text)
			.param(id)
			.update();
		return alert(id);
	}

	private ExternalAlert.FeedStatus status(String feed, URI url) {
		return jdbc.sql("SELECT f.last_polled_at, f.last_success_at, f.last_error, "
				+ "(SELECT count(*) FROM earlywarning.external_alert a WHERE a.feed = ?) AS alerts "
				+ "FROM (SELECT 1) one LEFT JOIN earlywarning.federation_feed f ON f.name = ?")
			.param(feed)
			.param(feed)
			.query((rs, n) -> new ExternalAlert.FeedStatus(feed, url.toString(), instant(rs, "last_polled_at"),
					instant(rs, "last_success_at"), rs.getString("last_error"), rs.getLong("alerts")))
			.single();
	}

	static ExternalAlert alert(ResultSet rs) throws SQLException {
		return new ExternalAlert(rs.getObject("id", UUID.class), rs.getString("feed"), rs.getString("sender"),
				rs.getString("identifier"), rs.getTimestamp("sent").toInstant(), rs.getString("status"),
				rs.getString("msg_type"), rs.getString("refs"), rs.getString("event"), rs.getString("headline"),
				rs.getString("description"), rs.getString("instruction"), rs.getString("severity"),
				rs.getString("urgency"), rs.getString("certainty"), instant(rs, "expires"), rs.getString("web"),
				strings(rs, "areas"), strings(rs, "gss_codes"), rs.getTimestamp("received_at").toInstant(),
				instant(rs, "reviewed_at"), rs.getString("reviewed_by"), rs.getString("review_note"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		var array = rs.getArray(column);
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

}
