package org.harmwatch.earlywarning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.harmwatch.earlywarning.internal.EarlyWarningPolicy;
import org.harmwatch.earlywarning.internal.SignalEngine;
import org.harmwatch.earlywarning.internal.alerts.AlertTexts;
import org.harmwatch.earlywarning.internal.alerts.AreaPolygons;
import org.harmwatch.earlywarning.internal.alerts.CapMessage;
import org.harmwatch.earlywarning.internal.alerts.CapValidator;
import org.harmwatch.earlywarning.internal.alerts.CapWriter;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Purpose;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.harmwatch.substances.SubstanceSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts: the coordinator drafts one from a graded signal (or, on the urgent path, from a validated one), named
 * approvers sign it off, and the last sign-off issues it with a reference and a version and publishes
 * {@link AlertIssued}. Updates and cancellations go the same way. Also renders an issued alert as CAP 1.2, validated
 * against the OASIS schema and CAP's own rules before anything is returned.
 *
 * <p>Nothing circulates before grading, except on the urgent path, where every message but a cancellation needs two
 * named approvers other than its drafter. A graded signal's alerts need one approver other than the drafter (four
 * eyes: the drafter never signs off their own message). A cancellation needs one approver. The panel's outcome limits
 * who an alert may reach ({@link PanelOutcome#audiences()}); "monitor" allows none.
 */
@Service
public class AlertManagement {

	/** Alerts per page. */
	public static final int PAGE_SIZE = 25;

	/** The longest validity period of one message. */
	public static final Duration LONGEST = Duration.ofDays(90);

	static final Pattern REFERENCE = Pattern.compile("HW-\\d{4}-\\d{4,}");

	private final JdbcClient jdbc;

	private final EarlyWarningManagement earlyWarning;

	private final SubstanceManagement substances;

	private final GeographyManagement geography;

	private final ApplicationEventPublisher events;

	private final String sender;

	private final String publicUrl;

	private final ZoneId zone;

	private final AuditLog audit;

	AlertManagement(JdbcClient jdbc, EarlyWarningManagement earlyWarning, SubstanceManagement substances,
			GeographyManagement geography, ApplicationEventPublisher events,
			@Value("${harmwatch.alerts.sender:early-warning@harmwatch.example}") String sender,
			@Value("${harmwatch.alerts.public-url:http://localhost:8080}") String publicUrl,
			@Value("${harmwatch.region.time-zone}") String zone, AuditLog audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.earlyWarning = earlyWarning;
		this.substances = substances;
		this.geography = geography;
		this.events = events;
		this.sender = sender;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.zone = ZoneId.of(zone);
	}

	/** Whether the text is shaped like an alert reference ({@code HW-2026-0007}). */
	public static boolean isReference(@Nullable String text) {
		return text != null && REFERENCE.matcher(text).matches();
	}

	/** The site's public address, for links in feeds, CAP and texts. */
	public String publicUrl() {
		return publicUrl;
	}

	/** Who an alert drafted from this signal may reach; empty when no alert may be drafted from it. */
	public Set<Audience> allowedAudiences(SignalView signal) {
		return switch (signal.status()) {
			case GRADED -> signal.outcome() == null ? Set.of() : signal.outcome().audiences();
			case VALIDATED -> EnumSet.allOf(Audience.class);
			default -> Set.of();
		};
	}

	/** Whether an alert drafted from this signal would take the urgent path (validated, not yet graded). */
	public static boolean urgentPath(SignalView signal) {
		return signal.status() == SignalStatus.VALIDATED;
	}

	/**
	 * The coordinator drafts an alert from a signal. Nothing is saved unless everything is right.
	 * @throws AlertRejectedException naming every problem, also when the signal allows no alert
	 * @throws EarlyWarningManagement.NotFound when there is no such signal
	 */
	@Transactional
	public UUID draft(UUID signalId, AlertDraft draft, String drafter, Instant now) {
		var signal = earlyWarning.signal(signalId);
		var allowed = allowedAudiences(signal);
		if (allowed.isEmpty()) {
			throw new AlertRejectedException("signal", signal.status() == SignalStatus.GRADED
					? "The panel's outcome (monitor) allows no alert."
					: "Only a graded signal, or on the urgent path a validated one, can have an alert.");
		}
		var problems = check(draft, allowed, now, false);
		if (!problems.isEmpty()) {
			throw new AlertRejectedException(problems);
		}
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO earlywarning.alert (id, signal_id, urgent, exercise, state, level, headline, expires_at,
				  created_by, created_at) VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?)""")
			.param(id)
			.param(signalId)
			.param(urgentPath(signal))
			.param(draft.exercise())
			.param(draft.level().name())
			.param(draft.headline().strip())
			.param(Timestamp.from(draft.expiresAt()))
			.param(drafter)
			.param(Timestamp.from(now))
			.update();
		insertMessage(id, AlertMessageType.ALERT, draft, draft.exercise(), drafter, now, urgentPath(signal) ? 2 : 1);
		audit.recordFor(drafter, null, "ALERT_DRAFTED", "early-warning-alert", id.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, "from signal " + signalId);
		return id;
	}

	/**
	 * The coordinator drafts an update of an issued alert: the same approvals as a new alert.
	 * @throws AlertRejectedException naming every problem
	 */
	@Transactional
	public UUID update(UUID alertId, AlertDraft draft, String drafter, Instant now) {
		var alert = alert(alertId);
		changeable(alert);
		var signal = earlyWarning.signal(alert.signalId());
		var allowed = signal.status() == SignalStatus.GRADED ? allowedAudiences(signal)
				: alert.urgent() && signal.status() == SignalStatus.VALIDATED ? EnumSet.allOf(Audience.class)
						: Set.<Audience>of();
		if (allowed.isEmpty()) {
			throw new AlertRejectedException("signal", "The signal's outcome allows no further alert: cancel it instead.");
		}
		var problems = check(draft, allowed, now, true);
		if (!problems.isEmpty()) {
			throw new AlertRejectedException(problems);
		}
		boolean urgent = signal.status() != SignalStatus.GRADED;
		audit.recordFor(drafter, null, "ALERT_UPDATE_DRAFTED", "early-warning-alert", alertId.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, null);
		return insertMessage(alertId, AlertMessageType.UPDATE, draft, alert.exercise(), drafter, now, urgent ? 2 : 1);
	}

	/**
	 * The coordinator drafts the cancellation of an issued alert, saying why; one approver issues it.
	 * @throws AlertRejectedException when there is no reason or the alert cannot be cancelled
	 */
	@Transactional
	public UUID cancel(UUID alertId, @Nullable String reason, String drafter, Instant now) {
		var alert = alert(alertId);
		changeable(alert);
		var why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new AlertRejectedException("note", "Say why the alert is cancelled.");
		}
		if (why.length() > 1000) {
			throw new AlertRejectedException("note", "The reason is at most 1000 characters.");
		}
		var current = alert.current();
		var draft = new AlertDraft(current.level(), current.audiences(),
				current.areas().stream().map(AlertView.Area::code).toList(),
				current.substances().stream().map(AlertView.Substance::code).toList(), current.headline(),
				current.lookOutFor(), current.publicAdvice(), current.professionalAdvice(), now.plus(Duration.ofDays(7)),
				now.plus(Duration.ofDays(7)), alert.exercise(), why);
		audit.recordFor(drafter, null, "ALERT_CANCELLATION_DRAFTED", "early-warning-alert", alertId.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, reason);
		return insertMessage(alertId, AlertMessageType.CANCEL, draft, alert.exercise(), drafter, now, 1);
	}

	private void changeable(AlertView alert) {
		if (alert.version() == 0 || alert.state() == AlertState.CANCELLED) {
			throw new AlertRejectedException("alert", "Only an issued alert that is not cancelled can be changed.");
		}
		if (alert.pending() != null) {
			throw new AlertRejectedException("alert",
					"A change of this alert is already waiting for approval: approve it first.");
		}
	}

	/**
	 * A named approver signs off the message waiting on an alert; the sign-off that completes the approvals issues it
	 * (reference, version, {@link AlertIssued}).
	 * Who may approve is {@link EarlyWarningPolicy#mayApprove}'s to say. Each approval is audited.
	 * @throws AlertRejectedException when nothing waits, the approver drafted it, signed it already, or may not approve
	 */
	@Transactional
	public AlertView approve(UUID alertId, HarmwatchUser user, Instant now) {
		var approver = user.getUsername();
		var approverName = user.displayName();
		var alert = alert(alertId);
		var pending = alert.pending();
		if (pending == null) {
			throw new AlertRejectedException("alert", "Nothing on this alert is waiting for approval.");
		}
		if (!EarlyWarningPolicy.mayApprove(user)) {
			throw new AlertRejectedException("alert", "Only a panel member or coordinator may approve an alert.");
		}
		if (pending.draftedBy().equals(approver)) {
			throw new AlertRejectedException("alert", "The drafter cannot approve their own alert: another person must.");
		}
		if (pending.approvals().stream().anyMatch(a -> a.approver().equals(approver))) {
			throw new AlertRejectedException("alert",
					"You have already approved this: a second, different approver is needed.");
		}
		if (pending.messageType() != AlertMessageType.CANCEL && !pending.expiresAt().isAfter(now)) {
			throw new AlertRejectedException("expiresAt",
					"This draft expired before it was approved: draft it again with a later expiry.");
		}
		jdbc.sql("INSERT INTO earlywarning.alert_approval (message_id, approver, approver_name, approved_at) "
				+ "VALUES (?, ?, ?, ?)")
			.param(pending.id())
			.param(approver)
			.param(approverName)
			.param(Timestamp.from(now))
			.update();
		boolean issues = pending.approvals().size() + 1 >= pending.approvalsNeeded();
		audit.recordFor(approver, user.agencyCode(), issues ? "ALERT_APPROVED_AND_ISSUED" : "ALERT_APPROVED",
				"early-warning-alert", alertId.toString(), Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED,
				pending.messageType().name());
		if (issues) {
			issue(alert, pending, now);
		}
		else if (alert.version() == 0) {
			jdbc.sql("UPDATE earlywarning.alert SET state = 'AWAITING_APPROVAL' WHERE id = ?").param(alertId).update();
		}
		return alert(alertId);
	}

	private void issue(AlertView alert, AlertView.Message message, Instant now) {
		var reference = alert.reference() != null ? alert.reference() : nextReference(now);
		int version = alert.version() + 1;
		var issuedAt = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		var expires = message.expiresAt();
		boolean cancel = message.messageType() == AlertMessageType.CANCEL;
		if (cancel) {
			expires = issuedAt.plus(Duration.ofDays(7));
		}
		var webPath = "/alerts/" + reference;
		var sms = AlertTexts.sms(alert.exercise(), cancel, message.level(),
				cancel ? message.headline() + " - " + message.note() : message.headline(),
				cancel ? "" : message.forPublic() && message.publicAdvice() != null ? message.publicAdvice()
						: String.valueOf(message.professionalAdvice()),
				publicUrl + (message.forPublic() && !alert.exercise() ? webPath : "/early-warning/alerts/" + reference));
		jdbc.sql("""
				UPDATE earlywarning.alert_message SET issued = true, version = ?, issued_at = ?, sms_text = ?,
				  expires_at = ? WHERE id = ? AND NOT issued""")
			.param(version)
			.param(Timestamp.from(issuedAt))
			.param(sms)
			.param(Timestamp.from(expires))
			.param(message.id())
			.update();
		boolean isPublic = message.forPublic() && !alert.exercise();
		jdbc.sql("""
				UPDATE earlywarning.alert SET reference = ?, version = ?, state = ?, level = ?, headline = ?,
				  public = ?, expires_at = ?, issued_at = ? WHERE id = ?""")
			.param(reference)
			.param(version)
			.param(cancel ? AlertState.CANCELLED.name() : AlertState.ISSUED.name())
			.param(message.level().name())
			.param(message.headline())
			.param(isPublic)
			.param(Timestamp.from(expires))
			.param(Timestamp.from(issuedAt))
			.param(alert.id())
			.update();
		// Fails loudly, rolling the issue back, if the alert cannot be written as valid CAP.
		cap(alert.id(), version);
		var found = message.substances()
			.stream()
			.map(s -> substances.find(new SubstanceId(s.code())))
			.flatMap(Optional::stream)
			.toList();
		events.publishEvent(new AlertIssued(alert.id(), version, reference, message.messageType(), message.level(),
				alert.exercise() ? EnumSet.of(Audience.PROFESSIONALS) : message.audiences(), alert.exercise(),
				(alert.exercise() ? "EXERCISE: " : "") + message.headline(), message.lookOutFor(),
				message.publicAdvice() == null ? "" : message.publicAdvice(),
				message.professionalAdvice() == null ? "" : message.professionalAdvice(), sms,
				message.areas().stream().map(AlertView.Area::code).toList(),
				found.stream().map(s -> s.substanceClass().name()).distinct().toList(),
				found.stream().map(SubstanceSummary::name).toList(), webPath, issuedAt, expires, alert.signalId(),
				earlyWarning.signal(alert.signalId()).firstEvidenceAt()));
	}

	private String nextReference(Instant now) {
		int year = now.atZone(zone).getYear();
		int number = jdbc.sql("""
				INSERT INTO earlywarning.alert_reference (year, last) VALUES (?, 1)
				ON CONFLICT (year) DO UPDATE SET last = earlywarning.alert_reference.last + 1 RETURNING last""")
			.param(year)
			.query(Integer.class)
			.single();
		return "HW-%d-%04d".formatted(year, number);
	}

	private UUID insertMessage(UUID alertId, AlertMessageType type, AlertDraft draft, boolean exercise, String drafter,
			Instant now, int approvalsNeeded) {
		var found = draft.substanceCodes()
			.stream()
			.map(c -> substances.find(new SubstanceId(c)))
			.flatMap(Optional::stream)
			.toList();
		var forPublic = draft.audiences().contains(Audience.PUBLIC);
		var forProfessionals = draft.audiences().contains(Audience.PROFESSIONALS);
		var publicAdvice = forPublic && draft.publicAdvice() != null
				? AlertTexts.publicAdvice(draft.publicAdvice(), found) : null;
		var professionalAdvice = forProfessionals && draft.professionalAdvice() != null
				? AlertTexts.professionalAdvice(draft.professionalAdvice(), found) : null;
		var id = UUID.randomUUID();
		var sms = AlertTexts.sms(exercise, type == AlertMessageType.CANCEL, draft.level(), draft.headline().strip(),
				publicAdvice != null ? publicAdvice : String.valueOf(professionalAdvice), publicUrl + "/alerts");
		jdbc.sql("""
				INSERT INTO earlywarning.alert_message (id, alert_id, message_type, level, audiences, lad_codes,
				  substance_codes, headline, look_out_for, public_advice, professional_advice, note, expires_at,
				  review_at, sms_text, approvals_needed, drafted_by, drafted_at)
				VALUES (?, ?, ?, ?, ?::text[], ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.param(id)
			.param(alertId)
			.param(type.name())
			.param(draft.level().name())
			.param(array(draft.audiences().stream().sorted().map(Enum::name).toList()))
			.param(array(new ArrayList<>(new LinkedHashSet<>(draft.ladCodes()))))
			.param(array(new ArrayList<>(new LinkedHashSet<>(draft.substanceCodes()))))
			.param(draft.headline().strip())
			.param(draft.lookOutFor().strip())
			.param(publicAdvice)
			.param(professionalAdvice)
			.param(draft.note() == null || draft.note().isBlank() ? null : draft.note().strip())
			.param(Timestamp.from(draft.expiresAt()))
			.param(Timestamp.from(draft.reviewAt()))
			.param(sms)
			.param(approvalsNeeded)
			.param(drafter)
			.param(Timestamp.from(now))
			.update();
		return id;
	}

	private static String array(List<String> values) {
		return "{" + String.join(",", values) + "}";
	}

	/** What is wrong with a draft, field by field; empty when it can be saved. Saves nothing. */
	public List<ReportProblem> check(AlertDraft draft, Set<Audience> allowed, Instant now, boolean update) {
		var problems = new ArrayList<ReportProblem>();
		if (draft.level() == null) {
			problems.add(new ReportProblem("level", "Choose the alert level."));
		}
		if (draft.audiences().isEmpty()) {
			problems.add(new ReportProblem("audiences", "Choose who the alert is for."));
		}
		else if (!allowed.containsAll(draft.audiences())) {
			problems.add(new ReportProblem("audiences", allowed.contains(Audience.PROFESSIONALS)
					&& !allowed.contains(Audience.PUBLIC)
							? "The panel's outcome allows an alert to professionals only, not to the public."
							: "The panel's outcome does not allow an alert to that audience."));
		}
		if (draft.ladCodes().isEmpty()) {
			problems.add(new ReportProblem("areas", "Choose at least one affected area."));
		}
		for (var code : draft.ladCodes()) {
			var area = geography.area(code);
			if (area.isEmpty() || area.get().level() != AreaLevel.LAD) {
				problems.add(new ReportProblem("areas", "Not a council area of the region: " + shortly(code) + "."));
				break;
			}
		}
		if (draft.substanceCodes().size() > 10) {
			problems.add(new ReportProblem("substances", "Name at most 10 substances."));
		}
		for (var code : draft.substanceCodes()) {
			if (!SubstanceId.isValid(code) || substances.find(new SubstanceId(code)).isEmpty()) {
				problems.add(new ReportProblem("substances", "Not a substance in the vocabulary: " + shortly(code) + "."));
				break;
			}
		}
		text(problems, "headline", draft.headline(), true, 160, "Enter a headline.");
		text(problems, "lookOutFor", draft.lookOutFor(), true, 2000, "Say what to look out for.");
		text(problems, "publicAdvice", draft.publicAdvice(), draft.audiences().contains(Audience.PUBLIC), 2000,
				"Enter the advice for the public.");
		text(problems, "professionalAdvice", draft.professionalAdvice(),
				draft.audiences().contains(Audience.PROFESSIONALS), 4000, "Enter the advice for professionals.");
		var expires = draft.expiresAt();
		if (expires == null) {
			problems.add(new ReportProblem("expiresAt", "Enter when the alert expires."));
		}
		else if (!expires.isAfter(now)) {
			problems.add(new ReportProblem("expiresAt", "When the alert expires must be in the future."));
		}
		else if (expires.isAfter(now.plus(LONGEST))) {
			problems.add(new ReportProblem("expiresAt", "An alert expires within 90 days: update it to extend it."));
		}
		var review = draft.reviewAt();
		if (review == null) {
			problems.add(new ReportProblem("reviewAt", "Enter when the alert is to be reviewed."));
		}
		else if (!review.isAfter(now)) {
			problems.add(new ReportProblem("reviewAt", "The review date must be in the future."));
		}
		else if (expires != null && review.isAfter(expires)) {
			problems.add(new ReportProblem("reviewAt", "Review the alert on or before it expires."));
		}
		if (update) {
			text(problems, "note", draft.note(), true, 1000, "Say what changed and why.");
		}
		return problems;
	}

	private static void text(List<ReportProblem> problems, String field, @Nullable String value, boolean required,
			int max, String missing) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new ReportProblem(field, missing));
			}
		}
		else if (value.strip().length() > max) {
			problems.add(new ReportProblem(field, "At most " + max + " characters."));
		}
	}

	private static String shortly(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "..." : text;
	}

	/** One alert with its messages. */
	public AlertView alert(UUID id) {
		return jdbc.sql("SELECT * FROM earlywarning.alert WHERE id = ?")
			.param(id)
			.query((rs, n) -> alert(rs, true, null))
			.optional()
			.orElseThrow(() -> new EarlyWarningManagement.NotFound("alert", id.toString()));
	}

	/** An issued alert by its reference. */
	public Optional<AlertView> byReference(String reference) {
		if (!isReference(reference)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM earlywarning.alert WHERE reference = ?")
			.param(reference)
			.query((rs, n) -> alert(rs, true, null))
			.optional();
	}

	/** An alert the public may see: issued, for the public, no exercise (cancelled ones stay readable). */
	public Optional<AlertView> publicAlert(String reference) {
		return byReference(reference).filter(a -> a.isPublic() && !a.exercise() && a.version() > 0);
	}

	/** The alerts drafted from a signal, newest first. */
	public List<AlertView> ofSignal(UUID signalId) {
		return jdbc.sql("SELECT * FROM earlywarning.alert WHERE signal_id = ? ORDER BY created_at DESC")
			.param(signalId)
			.query((rs, n) -> alert(rs, false, null))
			.list();
	}

	/** One page of alerts, optionally in one state, newest first. */
	public AlertView.Page alerts(@Nullable AlertState state, int page, Instant now) {
		var where = switch (state) {
			case null -> "TRUE";
			case ISSUED -> "state = 'ISSUED' AND expires_at > ?";
			case EXPIRED -> "state = 'ISSUED' AND expires_at <= ?";
			default -> "state = '" + state.name() + "'";
		};
		boolean timed = state == AlertState.ISSUED || state == AlertState.EXPIRED;
		var count = jdbc.sql("SELECT count(*) FROM earlywarning.alert WHERE " + where);
		if (timed) {
			count = count.param(Timestamp.from(now));
		}
		long total = count.query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.clamp(page, 1, pages);
		var query = jdbc.sql("SELECT * FROM earlywarning.alert WHERE " + where
				+ " ORDER BY coalesce(issued_at, created_at) DESC, id LIMIT ? OFFSET ?");
		if (timed) {
			query = query.param(Timestamp.from(now));
		}
		var list = query.param(PAGE_SIZE).param((p - 1) * PAGE_SIZE).query((rs, n) -> alert(rs, false, now)).list();
		return new AlertView.Page(list, p, pages, total);
	}

	/** The public's current alerts: issued, for the public, no exercise, not expired or cancelled; newest first. */
	public List<AlertView> currentPublic(Instant now) {
		return jdbc.sql("""
				SELECT * FROM earlywarning.alert WHERE state = 'ISSUED' AND public AND NOT exercise AND expires_at > ?
				ORDER BY issued_at DESC, id LIMIT 100""")
			.param(Timestamp.from(now))
			.query((rs, n) -> alert(rs, true, now))
			.list();
	}

	/** Issued public alerts for feeds, cancelled and expired ones included (a feed tells readers of those too). */
	public List<AlertView> publicFeed(int limit) {
		return jdbc.sql("""
				SELECT * FROM earlywarning.alert WHERE version > 0 AND public AND NOT exercise
				ORDER BY issued_at DESC, id LIMIT ?""")
			.param(limit)
			.query((rs, n) -> alert(rs, true, null))
			.list();
	}

	private AlertView alert(ResultSet rs, boolean withMessages, @Nullable Instant now) throws SQLException {
		var id = rs.getObject("id", UUID.class);
		var state = AlertState.valueOf(rs.getString("state"));
		var expires = rs.getTimestamp("expires_at").toInstant();
		if (state == AlertState.ISSUED && now != null && !expires.isAfter(now)) {
			state = AlertState.EXPIRED;
		}
		var issued = rs.getTimestamp("issued_at");
		return new AlertView(id, rs.getString("reference"), rs.getObject("signal_id", UUID.class),
				rs.getBoolean("urgent"), rs.getBoolean("exercise"), state, AlertLevel.valueOf(rs.getString("level")),
				rs.getString("headline"), rs.getInt("version"), rs.getBoolean("public"), expires,
				issued == null ? null : issued.toInstant(), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), withMessages ? messages(id) : List.of());
	}

	private List<AlertView.Message> messages(UUID alertId) {
		return jdbc.sql("""
				SELECT * FROM earlywarning.alert_message WHERE alert_id = ?
				ORDER BY issued, version DESC NULLS FIRST, drafted_at DESC""")
			.param(alertId)
			.query((rs, n) -> message(rs))
			.list();
	}

	private AlertView.Message message(ResultSet rs) throws SQLException {
		var id = rs.getObject("id", UUID.class);
		var approvals = jdbc.sql("SELECT * FROM earlywarning.alert_approval WHERE message_id = ? ORDER BY approved_at")
			.param(id)
			.query((r, n) -> new AlertView.Approval(r.getString("approver"), r.getString("approver_name"),
					r.getTimestamp("approved_at").toInstant()))
			.list();
		var areas = SignalEngine.strings(rs.getArray("lad_codes"))
			.stream()
			.map(code -> new AlertView.Area(code, geography.area(code).map(Area::name).orElse(code)))
			.toList();
		var named = SignalEngine.strings(rs.getArray("substance_codes"))
			.stream()
			.map(code -> substances.find(new SubstanceId(code))
				.map(s -> new AlertView.Substance(code, s.name(), s.substanceClass().name()))
				.orElse(new AlertView.Substance(code, code, "")))
			.toList();
		var audiences = EnumSet.noneOf(Audience.class);
		SignalEngine.strings(rs.getArray("audiences")).forEach(a -> audiences.add(Audience.valueOf(a)));
		var issuedAt = rs.getTimestamp("issued_at");
		var version = rs.getObject("version", Integer.class);
		return new AlertView.Message(id, AlertMessageType.valueOf(rs.getString("message_type")), version,
				rs.getBoolean("issued"), AlertLevel.valueOf(rs.getString("level")), audiences, areas, named,
				rs.getString("headline"), rs.getString("look_out_for"), rs.getString("public_advice"),
				rs.getString("professional_advice"), rs.getString("note"), rs.getTimestamp("expires_at").toInstant(),
				rs.getTimestamp("review_at").toInstant(), rs.getString("sms_text"), rs.getString("drafted_by"),
				rs.getTimestamp("drafted_at").toInstant(), issuedAt == null ? null : issuedAt.toInstant(), approvals,
				rs.getInt("approvals_needed"));
	}

	/** The CAP identifier of one issued version. */
	public static String capIdentifier(String reference, int version) {
		return reference + "-" + version;
	}

	/**
	 * An issued version of an alert as CAP 1.2 XML, validated against the schema and CAP's rules.
	 * @throws CapValidator.InvalidCapException if it is not valid: invalid CAP is never returned
	 */
	public String cap(UUID alertId, int version) {
		var alert = alert(alertId);
		var issued = alert.issuedMessages();
		var message = issued.stream()
			.filter(m -> m.version() != null && m.version() == version)
			.findFirst()
			.orElseThrow(() -> new EarlyWarningManagement.NotFound("alert version", alertId + "/" + version));
		var signal = earlyWarning.signal(alert.signalId());
		var reference = java.util.Objects.requireNonNull(alert.reference());
		var references = issued.stream()
			.filter(m -> m.version() != null && m.version() < version)
			.sorted(java.util.Comparator.comparing(AlertView.Message::version))
			.map(m -> sender + "," + capIdentifier(reference, m.version()) + ","
					+ CapMessage.time(java.util.Objects.requireNonNull(m.issuedAt()), zone))
			.toList();
		boolean cancel = message.messageType() == AlertMessageType.CANCEL;
		var severity = switch (message.level()) {
			case ADVISORY -> "Moderate";
			case WARNING -> "Severe";
			case CRITICAL -> "Extreme";
		};
		var urgency = switch (message.level()) {
			case ADVISORY -> "Future";
			case WARNING -> "Expected";
			case CRITICAL -> "Immediate";
		};
		var responseType = cancel ? "AllClear" : message.level() == AlertLevel.ADVISORY ? "Monitor" : "Avoid";
		var certainty = signal.status() == SignalStatus.GRADED ? "Observed" : "Likely";
		var areas = message.areas()
			.stream()
			.map(a -> new CapMessage.Area(a.name(), a.code(),
					geography.boundary(a.code()).map(g -> AreaPolygons.polygon(g, AreaPolygons.MAX_POINTS)).orElse(null)))
			.toList();
		var prefix = alert.exercise() ? "EXERCISE: " : cancel ? "CANCELLED: " : "";
		var substanceNames = message.substances().stream().map(AlertView.Substance::name).toList();
		var description = (cancel && message.note() != null ? "Cancelled: " + message.note() + "\n\n" : "")
				+ (message.messageType() == AlertMessageType.UPDATE && message.note() != null
						? "Update: " + message.note() + "\n\n" : "")
				+ (substanceNames.isEmpty() ? "" : "Substances: " + String.join(", ", substanceNames) + ".\n\n")
				+ "What to look out for: " + message.lookOutFor();
		var infos = new ArrayList<CapMessage.Info>();
		var web = publicUrl + (alert.isPublic() ? "/alerts/" + reference : "/early-warning/alerts/" + reference);
		var expires = CapMessage.time(message.expiresAt(), zone);
		if (message.forPublic() && message.publicAdvice() != null) {
			infos.add(new CapMessage.Info("Drug alert", responseType, urgency, severity, certainty, "Public", expires,
					"Harmwatch drugs early warning", prefix + message.headline(), description,
					message.publicAdvice(), web, areas));
		}
		if (message.forProfessionals() && message.professionalAdvice() != null) {
			infos.add(new CapMessage.Info("Drug alert", responseType, urgency, severity, certainty,
					"Professionals: health, drug services, ambulance, police, prisons", expires,
					"Harmwatch drugs early warning", prefix + message.headline(), description,
					message.professionalAdvice(), web, areas));
		}
		var scope = message.forPublic() ? "Public" : "Restricted";
		var cap = new CapMessage(capIdentifier(reference, version), sender,
				CapMessage.time(java.util.Objects.requireNonNull(message.issuedAt()), zone),
				alert.exercise() ? "Exercise" : "Actual",
				switch (message.messageType()) {
					case ALERT -> "Alert";
					case UPDATE -> "Update";
					case CANCEL -> "Cancel";
				}, scope,
				scope.equals("Restricted") ? "Professionals of partner agencies only: do not pass on to the public."
						: null,
				alert.exercise() ? "Exercise: this is not a real alert." : null, references, infos);
		return CapValidator.requireValid(CapWriter.write(cap));
	}

	/** The latest issued version as CAP 1.2. */
	public String cap(AlertView alert) {
		return cap(alert.id(), alert.version());
	}

}
