package org.harmwatch.earlywarning.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.harmwatch.earlywarning.RelatedSignal;
import org.harmwatch.earlywarning.SignalView;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Purpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links between signals the coordinator judges to be about the same thing, and the
 * signals worth a look for a link: not dismissed, within two weeks of each other, about
 * the same substance family in another district or the same class anywhere.
 */
@Component
public class SignalLinks {

	/** How far apart in time two signals may be and still be suggested as related. */
	static final Duration NEAR = Duration.ofDays(14);

	private final JdbcClient jdbc;

	private final SignalReadRepository signals;

	private final AuditLog audit;

	SignalLinks(JdbcClient jdbc, SignalReadRepository signals, AuditLog audit) {
		this.jdbc = jdbc;
		this.signals = signals;
		this.audit = audit;
	}

	/**
	 * Links two signals; linking them again changes nothing.
	 * @throws InputRejectedException when the other signal is this one or does not exist
	 */
	public void link(UUID id, UUID other, String reason, String by, Instant at) {
		if (id.equals(other)) {
			throw new InputRejectedException(List.of(FieldProblem.of("related", "earlywarning.link.self")));
		}
		if (signals.find(other).isEmpty()) {
			throw new InputRejectedException(List.of(FieldProblem.of("related", "earlywarning.link.unknown")));
		}
		// PostgreSQL orders uuids by their bytes, as their lower-case text sorts; not as
		// UUID.compareTo does
		var first = id.toString().compareTo(other.toString()) < 0 ? id : other;
		var second = first.equals(id) ? other : id;
		int added = jdbc.sql("""
				INSERT INTO earlywarning.signal_link (signal_id, related_id, linked_by, linked_at, reason)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(first, second, by, Timestamp.from(at), reason)
			.update();
		if (added > 0) {
			audit.record(EarlyWarningAudit.SIGNALS_LINKED, "signal", id.toString(), Purpose.PUBLIC_HEALTH_INTELLIGENCE,
					Outcome.ALLOWED, "linked to " + other);
		}
	}

	/**
	 * The signals linked to this one, most recently linked first; not those merged into
	 * another (their links moved to the survivor).
	 */
	public List<RelatedSignal> related(UUID id) {
		record Link(UUID other, String reason, String by, Instant at) {
		}
		var links = jdbc
			.sql("""
					SELECT l.other, l.reason, l.linked_by, l.linked_at
					FROM (SELECT CASE WHEN signal_id = :id THEN related_id ELSE signal_id END AS other, reason, linked_by, linked_at
					      FROM earlywarning.signal_link WHERE signal_id = :id OR related_id = :id) l
					JOIN earlywarning.signal o ON o.id = l.other
					WHERE o.merged_into IS NULL ORDER BY l.linked_at DESC""")
			.param("id", id)
			.query((rs, n) -> new Link(rs.getObject("other", UUID.class), rs.getString("reason"),
					rs.getString("linked_by"), rs.getTimestamp("linked_at").toInstant()))
			.list();
		var result = new ArrayList<RelatedSignal>();
		for (var link : links) {
			signals.find(link.other())
				.ifPresent(s -> result.add(new RelatedSignal(s, link.reason(), link.by(), link.at())));
		}
		return result;
	}

	/**
	 * Signals worth a look for a link to this one, not linked yet: at most ten, nearest
	 * in time first.
	 */
	public List<SignalView> suggestions(UUID id) {
		var signal = signals.find(id)
			.orElseThrow(() -> new NotFoundException("earlywarning.error.notFound.signal", id));
		var ids = jdbc.sql("""
				SELECT o.id FROM earlywarning.signal s, earlywarning.signal o
				WHERE s.id = :id AND o.id <> s.id AND o.status <> 'DISMISSED' AND o.merged_into IS NULL
				  AND o.first_evidence_at <= s.last_evidence_at + CAST(:near AS interval)
				  AND o.last_evidence_at >= s.first_evidence_at - CAST(:near AS interval)
				  AND ((s.group_key LIKE 'substance:%' AND o.group_key = s.group_key AND o.lad_code <> s.lad_code)
				    OR (s.substance_class IS NOT NULL AND o.substance_class = s.substance_class
				        AND o.group_key <> s.group_key))
				  AND NOT EXISTS (SELECT 1 FROM earlywarning.signal_link l
				    WHERE (l.signal_id = s.id AND l.related_id = o.id) OR (l.signal_id = o.id AND l.related_id = s.id))
				ORDER BY abs(extract(epoch FROM o.first_evidence_at - s.first_evidence_at)), o.id
				LIMIT 10""")
			.param("id", signal.id())
			.param("near", NEAR.toDays() + " days")
			.query((rs, n) -> rs.getObject("id", UUID.class))
			.list();
		return ids.stream().map(signals::find).flatMap(java.util.Optional::stream).toList();
	}

}
