package org.harmwatch.earlywarning;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measures of how well early warning works, for the coordinator: the backlog of signals by age and urgency, how fast
 * signals become alerts, alerts by level, and (from the delivery module) delivery, acknowledgement and recipients'
 * feedback. All aggregate; nothing about a person.
 */
@Service
public class MeasuresManagement {

	/** Age bands of open signals, youngest first, with their upper bounds. */
	static final List<Band> BANDS = List.of(new Band("UNDER_1_DAY", Duration.ofDays(1)),
			new Band("DAYS_1_TO_3", Duration.ofDays(3)), new Band("DAYS_3_TO_7", Duration.ofDays(7)),
			new Band("OVER_7_DAYS", null));

	record Band(String name, @Nullable Duration under) {
	}

	private final JdbcClient jdbc;

	private final ObjectProvider<DeliveryMeasures> delivery;

	MeasuresManagement(JdbcClient jdbc, ObjectProvider<DeliveryMeasures> delivery) {
		this.jdbc = jdbc;
		this.delivery = delivery;
	}

	/** The measures for the {@code days} before {@code now} (the backlog as it is at {@code now}). */
	@Transactional(readOnly = true)
	public EarlyWarningMeasures measures(int days, Instant now) {
		if (days < 1 || days > 3660) {
			throw new IllegalArgumentException("The period is 1 to 3660 days.");
		}
		var since = now.minus(Duration.ofDays(days));
		var bands = new ArrayList<EarlyWarningMeasures.AgeBand>();
		Duration lower = Duration.ZERO;
		for (var band : BANDS) {
			var counts = new EnumMap<Urgency, Long>(Urgency.class);
			for (var urgency : Urgency.values()) {
				counts.put(urgency, 0L);
			}
			var upper = band.under();
			jdbc.sql("SELECT urgency, count(*) FROM earlywarning.signal WHERE status IN ('OPEN', 'VALIDATED') "
					+ "AND opened_at <= ? AND opened_at > ? GROUP BY urgency")
				.param(Timestamp.from(now.minus(lower)))
				.param(Timestamp.from(upper == null ? Instant.EPOCH : now.minus(upper)))
				.query((rs, n) -> counts.put(Urgency.valueOf(rs.getString(1)), rs.getLong(2)))
				.list();
			bands.add(new EarlyWarningMeasures.AgeBand(band.name(), counts));
			lower = upper == null ? lower : upper;
		}
		long opened = jdbc.sql("SELECT count(*) FROM earlywarning.signal WHERE opened_at > ? AND opened_at <= ?")
			.param(Timestamp.from(since))
			.param(Timestamp.from(now))
			.query(Long.class)
			.single();
		var byLevel = new EnumMap<AlertLevel, Long>(AlertLevel.class);
		for (var level : AlertLevel.values()) {
			byLevel.put(level, 0L);
		}
		// First issues (version 1) of real alerts in the period, with the time from the signal's first evidence.
		var firstIssues = """
				FROM earlywarning.alert_message m
				JOIN earlywarning.alert a ON a.id = m.alert_id
				JOIN earlywarning.signal s ON s.id = a.signal_id
				WHERE m.issued AND m.version = 1 AND NOT a.exercise AND m.issued_at > ? AND m.issued_at <= ?""";
		jdbc.sql("SELECT m.level, count(*) " + firstIssues + " GROUP BY m.level")
			.param(Timestamp.from(since))
			.param(Timestamp.from(now))
			.query((rs, n) -> byLevel.put(AlertLevel.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		long issued = byLevel.values().stream().mapToLong(Long::longValue).sum();
		var times = jdbc.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours), max(hours) FROM ("
				+ "SELECT extract(epoch FROM m.issued_at - s.first_evidence_at) / 3600.0 AS hours " + firstIssues + ") t")
			.param(Timestamp.from(since))
			.param(Timestamp.from(now))
			.query((rs, n) -> new Double[] { (Double) rs.getObject(1), rs.getObject(2) == null ? null
					: ((Number) rs.getObject(2)).doubleValue() })
			.single();
		var deliveries = delivery.getIfAvailable();
		return new EarlyWarningMeasures(days, bands, opened, issued, byLevel, times[0], times[1],
				deliveries == null ? null : deliveries.since(since));
	}

}
