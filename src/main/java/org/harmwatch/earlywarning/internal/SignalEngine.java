package org.harmwatch.earlywarning.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.harmwatch.earlywarning.EvidenceKind;
import org.harmwatch.earlywarning.SignalEscalated;
import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a piece of evidence into the signal it belongs to, opening one when none fits, and applies the rules.
 *
 * <p>Evidence with the same group key (lead substance, else class, else spike category) in the same district joins a
 * signal that is not dismissed when it happened within the grouping window of that signal's evidence. Work on one
 * district and key is serialised with a transaction-scoped advisory lock, so concurrent reports (or one event delivered
 * twice at once) never open two signals; {@code UNIQUE (kind, ref)} makes a repeated delivery change nothing.
 */
@Component
public class SignalEngine {

	/** The rules, as they are named on signals. */
	public static final String DEATH = "DEATH", NEW_DANGEROUS_SUBSTANCE = "NEW_DANGEROUS_SUBSTANCE",
			CLUSTER = "CLUSTER", SPIKE = "SPIKE";

	/** Evidence to file. */
	public record Input(EvidenceKind kind, String ref, Instant occurredAt, Instant receivedAt, String ladCode,
			String ladName, String groupKey, @Nullable String substanceCode, @Nullable String substanceClass,
			List<String> substanceCodes, boolean death, String summary) {
	}

	/** Where it went. */
	public record Filed(UUID signalId, boolean opened, boolean duplicate, Urgency urgency, List<String> rules) {
	}

	private final JdbcClient jdbc;

	private final SubstanceManagement substances;

	private final EarlyWarningProperties properties;

	private final ApplicationEventPublisher events;

	SignalEngine(JdbcClient jdbc, SubstanceManagement substances, EarlyWarningProperties properties,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.substances = substances;
		this.properties = properties;
	}

	/** Whether a substance is dangerous enough that its first appearance in a district is urgent. */
	public boolean dangerous(String code) {
		if (!SubstanceId.isValid(code)) {
			return false;
		}
		return substances.find(new SubstanceId(code))
			.map(s -> properties.noveltyClasses().contains(s.substanceClass())
					|| s.flags().stream().anyMatch(properties.noveltyFlags()::contains))
			.orElse(false);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Filed file(Input in) {
		jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?))) l")
			.param(in.ladCode() + "|" + in.groupKey())
			.query(Integer.class)
			.single();
		var existing = jdbc.sql("SELECT signal_id FROM earlywarning.evidence WHERE kind = ? AND ref = ?")
			.param(in.kind().name())
			.param(in.ref())
			.query(UUID.class)
			.optional();
		if (existing.isPresent()) {
			return new Filed(existing.get(), false, true, Urgency.ROUTINE, List.of());
		}
		var window = properties.groupingWindow().toSeconds();
		var signalId = jdbc.sql("""
				SELECT id FROM earlywarning.signal
				WHERE lad_code = ? AND group_key = ? AND status <> 'DISMISSED'
				  AND ? BETWEEN first_evidence_at - make_interval(secs => ?) AND last_evidence_at + make_interval(secs => ?)
				ORDER BY last_evidence_at DESC LIMIT 1""")
			.param(in.ladCode())
			.param(in.groupKey())
			.param(ts(in.occurredAt()))
			.param(window)
			.param(window)
			.query(UUID.class)
			.optional();
		boolean opened = signalId.isEmpty();
		var id = signalId.orElseGet(UUID::randomUUID);
		if (opened) {
			jdbc.sql("""
					INSERT INTO earlywarning.signal (id, group_key, substance_code, substance_class, lad_code, lad_name,
					  status, urgency, rules, opened_at, first_evidence_at, last_evidence_at, evidence_count)
					VALUES (?, ?, ?, ?, ?, ?, 'OPEN', 'ROUTINE', '{}', ?, ?, ?, 0)""")
				.param(id)
				.param(in.groupKey())
				.param(in.substanceCode())
				.param(in.substanceClass())
				.param(in.ladCode())
				.param(in.ladName())
				.param(ts(in.receivedAt()))
				.param(ts(in.occurredAt()))
				.param(ts(in.occurredAt()))
				.update();
		}
		jdbc.sql("""
				INSERT INTO earlywarning.evidence (signal_id, kind, ref, occurred_at, received_at, lad_code, group_key,
				  substance_codes, death, summary)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?)""")
			.param(id)
			.param(in.kind().name())
			.param(in.ref())
			.param(ts(in.occurredAt()))
			.param(ts(in.receivedAt()))
			.param(in.ladCode())
			.param(in.groupKey())
			.param(textArray(in.substanceCodes()))
			.param(in.death())
			.param(in.summary())
			.update();

		var urgency = Urgency.ROUTINE;
		var rules = new ArrayList<String>();
		if (in.death()) {
			urgency = urgency.max(properties.deathUrgency());
			rules.add(DEATH);
		}
		if (in.kind() == EvidenceKind.SPIKE) {
			urgency = urgency.max(properties.spikeUrgency());
			rules.add(SPIKE);
		}
		if (in.substanceCodes().stream().filter(this::dangerous).anyMatch(code -> !seenBefore(in, code))) {
			urgency = urgency.max(properties.noveltyUrgency());
			rules.add(NEW_DANGEROUS_SUBSTANCE);
		}
		if (in.kind() == EvidenceKind.REPORT && (in.groupKey().startsWith("substance:") || in.groupKey().startsWith("class:"))
				&& reportsInClusterWindow(in) >= properties.clusterReports()) {
			urgency = urgency.max(properties.clusterUrgency());
			rules.add(CLUSTER);
		}

		var current = jdbc.sql("SELECT urgency, rules FROM earlywarning.signal WHERE id = ? FOR UPDATE")
			.param(id)
			.query((rs, n) -> new Object[] { Urgency.valueOf(rs.getString(1)), strings(rs.getArray(2)) })
			.single();
		var merged = new LinkedHashSet<String>((List<String>) current[1]);
		merged.addAll(rules);
		var newUrgency = ((Urgency) current[0]).max(urgency);
		jdbc.sql("""
				UPDATE earlywarning.signal SET urgency = ?, rules = ?::text[], evidence_count = evidence_count + 1,
				  first_evidence_at = LEAST(first_evidence_at, ?), last_evidence_at = GREATEST(last_evidence_at, ?)
				WHERE id = ?""")
			.param(newUrgency.name())
			.param(textArray(List.copyOf(merged)))
			.param(ts(in.occurredAt()))
			.param(ts(in.occurredAt()))
			.param(id)
			.update();
		if (!opened && newUrgency != current[0]) {
			events.publishEvent(new SignalEscalated(id, newUrgency, in.receivedAt()));
		}
		return new Filed(id, opened, false, newUrgency, List.copyOf(merged));
	}

	private boolean seenBefore(Input in, String code) {
		return jdbc.sql("""
				SELECT count(*) FROM earlywarning.evidence
				WHERE lad_code = ? AND ? = ANY (substance_codes) AND occurred_at >= ? AND occurred_at < ?
				  AND NOT (kind = ? AND ref = ?)""")
			.param(in.ladCode())
			.param(code)
			.param(ts(in.occurredAt().minus(properties.noveltyWindow())))
			.param(ts(in.occurredAt()))
			.param(in.kind().name())
			.param(in.ref())
			.query(Long.class)
			.single() > 0;
	}

	private long reportsInClusterWindow(Input in) {
		Duration window = properties.clusterWindow();
		return jdbc.sql("""
				SELECT count(*) FROM earlywarning.evidence
				WHERE kind = 'REPORT' AND lad_code = ? AND group_key = ? AND occurred_at > ? AND occurred_at <= ?""")
			.param(in.ladCode())
			.param(in.groupKey())
			.param(ts(in.occurredAt().minus(window)))
			.param(ts(in.occurredAt()))
			.query(Long.class)
			.single();
	}

	static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	/** A PostgreSQL text array literal; elements are quoted and escaped. */
	static String textArray(List<String> values) {
		var out = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return out.append('}').toString();
	}

	public static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.asList((String[]) array.getArray());
	}

}
