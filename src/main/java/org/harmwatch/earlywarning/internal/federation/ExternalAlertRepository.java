package org.harmwatch.earlywarning.internal.federation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.earlywarning.ExternalAlert;
import org.harmwatch.earlywarning.internal.federation.FederationProperties.Feed;
import org.harmwatch.platform.SqlArrays;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Neighbouring regions' alerts as received, and how each feed is doing, for the
 * coordinator's pages; the {@link FederationPoller} writes them.
 */
@Repository
public class ExternalAlertRepository {

	private final JdbcClient jdbc;

	ExternalAlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How many external alerts there are; only those not yet reviewed if
	 * {@code unreviewedOnly}.
	 */
	public long count(boolean unreviewedOnly) {
		return jdbc.sql("SELECT count(*) FROM earlywarning.external_alert" + where(unreviewedOnly))
			.query(Long.class)
			.single();
	}

	/**
	 * External alerts newest first; only those not yet reviewed if
	 * {@code unreviewedOnly}.
	 */
	public List<ExternalAlert> page(boolean unreviewedOnly, int limit, int offset) {
		return jdbc
			.sql("SELECT * FROM earlywarning.external_alert" + where(unreviewedOnly)
					+ " ORDER BY sent DESC, id LIMIT ? OFFSET ?")
			.param(limit)
			.param(offset)
			.query((rs, n) -> alert(rs))
			.list();
	}

	private static String where(boolean unreviewedOnly) {
		return unreviewedOnly ? " WHERE reviewed_at IS NULL" : "";
	}

	/** One external alert. */
	public Optional<ExternalAlert> find(UUID id) {
		return jdbc.sql("SELECT * FROM earlywarning.external_alert WHERE id = ?")
			.param(id)
			.query((rs, n) -> alert(rs))
			.optional();
	}

	/** An external alert's CAP message exactly as it was received. */
	public Optional<String> capXml(UUID id) {
		return jdbc.sql("SELECT cap_xml FROM earlywarning.external_alert WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	/**
	 * Records the coordinator's review of an alert not yet reviewed; {@code false} when
	 * it was reviewed already.
	 */
	public boolean review(UUID id, String note, String reviewedBy, Instant at) {
		return jdbc
			.sql("UPDATE earlywarning.external_alert SET reviewed_at = ?, reviewed_by = ?, review_note = ? "
					+ "WHERE id = ? AND reviewed_at IS NULL")
			.param(Timestamp.from(at))
			.param(reviewedBy)
			.param(note)
			.param(id)
			.update() == 1;
	}

	/**
	 * How a feed is doing: its last poll, last success and error, and how many alerts
	 * came from it.
	 */
	public ExternalAlert.FeedStatus status(String feed, String url) {
		return jdbc
			.sql("SELECT f.last_polled_at, f.last_success_at, f.last_error, "
					+ "(SELECT count(*) FROM earlywarning.external_alert a WHERE a.feed = ?) AS alerts "
					+ "FROM (SELECT 1) one LEFT JOIN earlywarning.federation_feed f ON f.name = ?")
			.param(feed)
			.param(feed)
			.query((rs, n) -> new ExternalAlert.FeedStatus(feed, url, instant(rs, "last_polled_at"),
					instant(rs, "last_success_at"), rs.getString("last_error"), rs.getLong("alerts")))
			.single();
	}

	/** Whether an alert was fetched from this address before. */
	boolean alreadyFetched(URI link) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM earlywarning.external_alert WHERE source_url = ?)")
			.param(link.toString())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Stores an alert received from a feed; {@code false} when its sender and identifier
	 * were stored before.
	 */
	boolean insert(Feed feed, URI source, CapMessage cap, Instant now) {
		return jdbc.sql("""
				INSERT INTO earlywarning.external_alert (id, feed, source_url, sender, identifier, sent, status,
				  msg_type, refs, event, headline, description, instruction, severity, urgency, certainty, expires, web,
				  areas, gss_codes, cap_xml, received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?)
				ON CONFLICT (sender, identifier) DO NOTHING""")
			.param(UUID.randomUUID())
			.param(feed.name())
			.param(source.toString())
			.param(cap.sender())
			.param(cap.identifier())
			.param(Timestamp.from(cap.sent()))
			.param(cap.status())
			.param(cap.messageType())
			.param(cap.references())
			.param(cap.event())
			.param(cap.headline())
			.param(cap.description())
			.param(cap.instruction())
			.param(cap.severity())
			.param(cap.urgency())
			.param(cap.certainty())
			.param(cap.expires() == null ? null : Timestamp.from(cap.expires()))
			.param(cap.web())
			.param(SqlArrays.textArray(cap.areas()))
			.param(SqlArrays.textArray(cap.gssCodes()))
			.param(cap.xml())
			.param(Timestamp.from(now))
			.update() == 1;
	}

	/** Records a poll of a feed: when, whether it was read, and what went wrong. */
	void recordPoll(Feed feed, Instant now, boolean read, @Nullable String problem) {
		jdbc.sql("""
				INSERT INTO earlywarning.federation_feed (name, url, last_polled_at, last_success_at, last_error)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (name) DO UPDATE SET url = excluded.url, last_polled_at = excluded.last_polled_at,
				  last_success_at = COALESCE(excluded.last_success_at, federation_feed.last_success_at),
				  last_error = excluded.last_error""")
			.param(feed.name())
			.param(feed.url().toString())
			.param(Timestamp.from(now))
			.param(read ? Timestamp.from(now) : null)
			.param(problem)
			.update();
	}

	private static ExternalAlert alert(ResultSet rs) throws SQLException {
		return new ExternalAlert(rs.getObject("id", UUID.class), rs.getString("feed"), rs.getString("sender"),
				rs.getString("identifier"), rs.getTimestamp("sent").toInstant(), rs.getString("status"),
				rs.getString("msg_type"), rs.getString("refs"), rs.getString("event"), rs.getString("headline"),
				rs.getString("description"), rs.getString("instruction"), rs.getString("severity"),
				rs.getString("urgency"), rs.getString("certainty"), instant(rs, "expires"), rs.getString("web"),
				SqlArrays.strings(rs.getArray("areas")), SqlArrays.strings(rs.getArray("gss_codes")),
				rs.getTimestamp("received_at").toInstant(), instant(rs, "reviewed_at"), rs.getString("reviewed_by"),
				rs.getString("review_note"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
