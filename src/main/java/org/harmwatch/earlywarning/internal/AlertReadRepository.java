package org.harmwatch.earlywarning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.earlywarning.AlertState;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.SqlArrays;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Alerts as pages and the API show them ({@link AlertView}), read with SQL; districts and
 * substances are named through geography's and substances' APIs. Writes go through
 * {@link AlertRepository}.
 */
@Repository
public class AlertReadRepository {

	/** Alerts per page. */
	public static final int PAGE_SIZE = 25;

	private final JdbcClient jdbc;

	private final GeographyManagement geography;

	private final SubstanceManagement substances;

	AlertReadRepository(JdbcClient jdbc, GeographyManagement geography, SubstanceManagement substances) {
		this.jdbc = jdbc;
		this.geography = geography;
		this.substances = substances;
	}

	/** One alert with its messages. */
	public Optional<AlertView> find(UUID id) {
		return jdbc.sql("SELECT * FROM earlywarning.alert WHERE id = ?")
			.param(id)
			.query((rs, n) -> alert(rs, null))
			.optional()
			.map(this::withMessages);
	}

	/** An alert by its reference, with its messages. */
	public Optional<AlertView> findByReference(String reference) {
		return jdbc.sql("SELECT * FROM earlywarning.alert WHERE reference = ?")
			.param(reference)
			.query((rs, n) -> alert(rs, null))
			.optional()
			.map(this::withMessages);
	}

	/** The alerts drafted from a signal, newest first, without messages. */
	public List<AlertView> ofSignal(UUID signalId) {
		return jdbc.sql("SELECT * FROM earlywarning.alert WHERE signal_id = ? ORDER BY created_at DESC")
			.param(signalId)
			.query((rs, n) -> alert(rs, null))
			.list();
	}

	/**
	 * One page of alerts, optionally in one state (an issued alert past its expiry is
	 * expired), newest first.
	 */
	public AlertView.Page page(@Nullable AlertState state, int page, Instant now) {
		var where = switch (state) {
			case null -> "TRUE";
			case ISSUED -> "state = 'ISSUED' AND expires_at > ?";
			case EXPIRED -> "state = 'ISSUED' AND expires_at <= ?";
			default -> "state = ?";
		};
		var stateParam = switch (state) {
			case null -> null;
			case ISSUED, EXPIRED -> Timestamp.from(now);
			default -> state.name();
		};
		var count = jdbc.sql("SELECT count(*) FROM earlywarning.alert WHERE " + where);
		if (stateParam != null) {
			count = count.param(stateParam);
		}
		long total = count.query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.clamp(page, 1, pages);
		var query = jdbc.sql("SELECT * FROM earlywarning.alert WHERE " + where
				+ " ORDER BY coalesce(issued_at, created_at) DESC, id LIMIT ? OFFSET ?");
		if (stateParam != null) {
			query = query.param(stateParam);
		}
		var list = query.param(PAGE_SIZE).param((p - 1) * PAGE_SIZE).query((rs, n) -> alert(rs, now)).list();
		return new AlertView.Page(list, p, pages, total);
	}

	/**
	 * Issued public alerts that are current (not expired, not cancelled, no exercise),
	 * newest first.
	 */
	public List<AlertView> currentPublic(Instant now, boolean withExercises) {
		return jdbc.sql("""
				SELECT * FROM earlywarning.alert a WHERE state = 'ISSUED' AND expires_at > ?
				  AND (public AND NOT exercise
				       OR ? AND exercise AND EXISTS (SELECT 1 FROM earlywarning.alert_message m
				                                     WHERE m.alert_id = a.id AND m.version = a.version
				                                       AND 'PUBLIC' = ANY (m.audiences)))
				ORDER BY issued_at DESC, id LIMIT 100""")
			.param(Timestamp.from(now))
			.param(withExercises)
			.query((rs, n) -> alert(rs, now))
			.list()
			.stream()
			.map(this::withMessages)
			.toList();
	}

	/**
	 * One page of the public archive: public alerts that were cancelled or have expired
	 * (exercises written for the public too when asked, in the demo), newest first.
	 */
	public AlertView.Page publicArchive(int page, Instant now, boolean withExercises) {
		var where = """
				version > 0 AND (state = 'CANCELLED' OR state = 'ISSUED' AND expires_at <= :now)
				  AND (public AND NOT exercise
				       OR :exercises AND exercise AND EXISTS (SELECT 1 FROM earlywarning.alert_message m
				                                              WHERE m.alert_id = a.id AND m.version = a.version
				                                                AND 'PUBLIC' = ANY (m.audiences)))""";
		long total = jdbc.sql("SELECT count(*) FROM earlywarning.alert a WHERE " + where)
			.param("now", Timestamp.from(now))
			.param("exercises", withExercises)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.clamp(page, 1, pages);
		var list = jdbc
			.sql("SELECT * FROM earlywarning.alert a WHERE " + where
					+ " ORDER BY issued_at DESC, id LIMIT :limit OFFSET :offset")
			.param("now", Timestamp.from(now))
			.param("exercises", withExercises)
			.param("limit", PAGE_SIZE)
			.param("offset", (p - 1) * PAGE_SIZE)
			.query((rs, n) -> alert(rs, now))
			.list()
			.stream()
			.map(this::withMessages)
			.toList();
		return new AlertView.Page(list, p, pages, total);
	}

	/**
	 * Issued public alerts for feeds, cancelled and expired ones included, newest first.
	 */
	public List<AlertView> publicFeed(int limit) {
		return jdbc.sql("""
				SELECT * FROM earlywarning.alert WHERE version > 0 AND public AND NOT exercise
				ORDER BY issued_at DESC, id LIMIT ?""")
			.param(limit)
			.query((rs, n) -> alert(rs, null))
			.list()
			.stream()
			.map(this::withMessages)
			.toList();
	}

	/**
	 * The alert row; an issued alert past its expiry at {@code now} (when given) reads as
	 * expired.
	 */
	private static AlertView alert(ResultSet rs, @Nullable Instant now) throws SQLException {
		var state = AlertState.valueOf(rs.getString("state"));
		var expires = rs.getTimestamp("expires_at").toInstant();
		if (state == AlertState.ISSUED && now != null && !expires.isAfter(now)) {
			state = AlertState.EXPIRED;
		}
		return new AlertView(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getObject("signal_id", UUID.class), rs.getBoolean("urgent"), rs.getBoolean("exercise"), state,
				AlertLevel.valueOf(rs.getString("level")), rs.getString("headline"), rs.getInt("version"),
				rs.getBoolean("public"), expires, instant(rs, "issued_at"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), List.of());
	}

	private AlertView withMessages(AlertView alert) {
		var approvals = new HashMap<UUID, List<AlertView.Approval>>();
		jdbc.sql("""
				SELECT a.* FROM earlywarning.alert_approval a JOIN earlywarning.alert_message m ON m.id = a.message_id
				WHERE m.alert_id = ? ORDER BY a.approved_at""")
			.param(alert.id())
			.query((rs, n) -> new ApprovalRow(rs.getObject("message_id", UUID.class),
					new AlertView.Approval(rs.getString("approver"), rs.getString("approver_name"),
							rs.getTimestamp("approved_at").toInstant())))
			.list()
			.forEach(row -> approvals.computeIfAbsent(row.messageId(), k -> new ArrayList<>()).add(row.approval()));
		var messages = jdbc.sql("""
				SELECT * FROM earlywarning.alert_message WHERE alert_id = ?
				ORDER BY issued, version DESC NULLS FIRST, drafted_at DESC""")
			.param(alert.id())
			.query((rs, n) -> message(rs, approvals))
			.list();
		return new AlertView(alert.id(), alert.reference(), alert.signalId(), alert.urgent(), alert.exercise(),
				alert.state(), alert.level(), alert.headline(), alert.version(), alert.isPublic(), alert.expiresAt(),
				alert.issuedAt(), alert.createdBy(), alert.createdAt(), messages);
	}

	private record ApprovalRow(UUID messageId, AlertView.Approval approval) {
	}

	private AlertView.Message message(ResultSet rs, HashMap<UUID, List<AlertView.Approval>> approvals)
			throws SQLException {
		var id = rs.getObject("id", UUID.class);
		var areas = SqlArrays.strings(rs.getArray("lad_codes"))
			.stream()
			.map(code -> new AlertView.Area(code, geography.area(code).map(Area::name).orElse(code)))
			.toList();
		var named = SqlArrays.strings(rs.getArray("substance_codes"))
			.stream()
			.map(code -> substances.find(new SubstanceId(code))
				.map(s -> new AlertView.Substance(code, s.name(), s.substanceClass().name()))
				.orElse(new AlertView.Substance(code, code, "")))
			.toList();
		var audiences = EnumSet.noneOf(Audience.class);
		SqlArrays.strings(rs.getArray("audiences")).forEach(a -> audiences.add(Audience.valueOf(a)));
		return new AlertView.Message(id, AlertMessageType.valueOf(rs.getString("message_type")),
				rs.getObject("version", Integer.class), rs.getBoolean("issued"),
				AlertLevel.valueOf(rs.getString("level")), audiences, areas, named, rs.getString("headline"),
				rs.getString("look_out_for"), rs.getString("public_advice"), rs.getString("professional_advice"),
				rs.getString("note"), rs.getTimestamp("expires_at").toInstant(),
				rs.getTimestamp("review_at").toInstant(), rs.getString("short_text"), rs.getString("sms_text"),
				rs.getString("drafted_by"), rs.getTimestamp("drafted_at").toInstant(), instant(rs, "issued_at"),
				approvals.getOrDefault(id, List.of()), rs.getInt("approvals_needed"), rs.getString("withdrawn_by"),
				instant(rs, "withdrawn_at"), rs.getString("withdrawn_reason"), rs.getString("returned_by"),
				instant(rs, "returned_at"), rs.getString("returned_reason"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
