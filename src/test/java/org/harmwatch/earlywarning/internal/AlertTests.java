package org.harmwatch.earlywarning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.earlywarning.AlertState;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.internal.Alert.Refusal;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.harmwatch.earlywarning.SignalStatus.DISMISSED;
import static org.harmwatch.earlywarning.SignalStatus.GRADED;
import static org.harmwatch.earlywarning.SignalStatus.OPEN;
import static org.harmwatch.earlywarning.SignalStatus.VALIDATED;

/**
 * The alert's rules as tables, without Spring or a database: what may be drafted from
 * which signal, who may sign off which message in which state (four eyes), and what may
 * be changed when.
 */
class AlertTests {

	static final Instant T = Instant.parse("2026-12-05T10:15:30.123Z");

	static final UUID SIGNAL = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	static final Grant APPROVE = new Grant(Capability.EARLY_WARNING, Action.APPROVE,
			Purpose.PUBLIC_HEALTH_INTELLIGENCE);

	static final Grant READ = new Grant(Capability.EARLY_WARNING, Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE);

	static final Grant MANAGE = new Grant(Capability.EARLY_WARNING, Action.MANAGE, Purpose.PUBLIC_HEALTH_INTELLIGENCE);

	static HarmwatchUser user(String username, Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), username, null, "Name of " + username, "BHM-PH", "Birmingham PH",
				AgencyType.COUNCIL_PUBLIC_HEALTH, List.of("TEST"), Set.of(grants), true, false);
	}

	/** Drafts every message in these tables. */
	static final HarmwatchUser COORDINATOR = user("coordinator", READ, MANAGE, APPROVE);

	static final HarmwatchUser PANEL = user("panel", READ, APPROVE);

	static final HarmwatchUser PANEL_2 = user("panel2", READ, APPROVE);

	/** Reads early warning but holds no approve grant. */
	static final HarmwatchUser READER = user("reader", READ, MANAGE);

	/** Reads early warning only: neither coordinates nor approves. */
	static final HarmwatchUser OUTSIDER = user("outsider", READ);

	static AlertContent content(Instant expires) {
		return new AlertContent(AlertLevel.WARNING, Set.of(Audience.PROFESSIONALS, Audience.PUBLIC),
				List.of("E08000025"), List.of("fentanyl"), "Fentanyl in heroin", "Grey-brown powder",
				"Do not use alone.", "Consider fentanyl.", null, expires, expires.minus(Duration.ofDays(1)), null,
				"sms");
	}

	static AlertContent content() {
		return content(T.plus(Duration.ofDays(14)));
	}

	static Alert graded() {
		return Alert.draft(SIGNAL, GRADED, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC, false, content(), "coordinator",
				T);
	}

	static Alert urgent() {
		return Alert.draft(SIGNAL, VALIDATED, null, false, content(), "coordinator", T);
	}

	static Alert awaitingSecond() {
		var alert = urgent();
		alert.approve(PANEL, T);
		return alert;
	}

	static Alert expiredDraft() {
		return Alert.draft(SIGNAL, GRADED, PanelOutcome.ALERT_PROFESSIONALS, false, content(T.minusSeconds(1)),
				"coordinator", T.minus(Duration.ofHours(2)));
	}

	static Alert issued() {
		var alert = graded();
		alert.approve(PANEL, T);
		alert.issue("HW-2026-0001", "issued sms", T);
		return alert;
	}

	static Alert updatePending() {
		var alert = issued();
		alert.draftUpdate(GRADED, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC, content(), "coordinator", T);
		return alert;
	}

	static Alert cancellationPending() {
		var alert = issued();
		alert.draftCancellation("Lab found no fentanyl", content(), "coordinator", T);
		return alert;
	}

	static Alert cancelled() {
		var alert = cancellationPending();
		alert.approve(PANEL, T);
		alert.issue("HW-2026-0001", "cancel sms", T);
		return alert;
	}

	/**
	 * The alert as it stands, who signs off, then the refusal ({@code null}: signed off),
	 * whether that sign-off issues the message, and the state afterwards.
	 */
	static Stream<Arguments> signOffs() {
		return Stream.of(
				// A graded signal's alert: one sign-off by anyone with the approve grant
				// but the drafter.
				row("draft, graded", AlertTests::graded, PANEL, null, true, AlertState.DRAFT),
				row("draft, graded", AlertTests::graded, COORDINATOR, Refusal.OWN_DRAFT, false, AlertState.DRAFT),
				row("draft, graded", AlertTests::graded, READER, Refusal.NOT_AN_APPROVER, false, AlertState.DRAFT),
				// The urgent path: two distinct sign-offs, neither the drafter's.
				row("draft, urgent", AlertTests::urgent, PANEL, null, false, AlertState.AWAITING_APPROVAL),
				row("draft, urgent", AlertTests::urgent, COORDINATOR, Refusal.OWN_DRAFT, false, AlertState.DRAFT),
				row("draft, urgent", AlertTests::urgent, READER, Refusal.NOT_AN_APPROVER, false, AlertState.DRAFT),
				row("awaiting second", AlertTests::awaitingSecond, PANEL_2, null, true, AlertState.AWAITING_APPROVAL),
				row("awaiting second", AlertTests::awaitingSecond, PANEL, Refusal.ALREADY_APPROVED, false,
						AlertState.AWAITING_APPROVAL),
				row("awaiting second", AlertTests::awaitingSecond, COORDINATOR, Refusal.OWN_DRAFT, false,
						AlertState.AWAITING_APPROVAL),
				row("awaiting second", AlertTests::awaitingSecond, READER, Refusal.NOT_AN_APPROVER, false,
						AlertState.AWAITING_APPROVAL),
				// A draft that expired waiting is not issued.
				row("expired draft", AlertTests::expiredDraft, PANEL, Refusal.DRAFT_EXPIRED, false, AlertState.DRAFT),
				// Nothing waits on an issued or cancelled alert.
				row("issued", AlertTests::issued, PANEL, Refusal.NOTHING_PENDING, false, AlertState.ISSUED),
				row("issued", AlertTests::issued, READER, Refusal.NOTHING_PENDING, false, AlertState.ISSUED),
				row("cancelled", AlertTests::cancelled, PANEL, Refusal.NOTHING_PENDING, false, AlertState.CANCELLED),
				// An update of a graded signal's alert, and a cancellation, need one
				// sign-off; the state stays issued.
				row("update pending", AlertTests::updatePending, PANEL, null, true, AlertState.ISSUED),
				row("update pending", AlertTests::updatePending, COORDINATOR, Refusal.OWN_DRAFT, false,
						AlertState.ISSUED),
				row("update pending", AlertTests::updatePending, READER, Refusal.NOT_AN_APPROVER, false,
						AlertState.ISSUED),
				row("cancellation pending", AlertTests::cancellationPending, PANEL, null, true, AlertState.ISSUED),
				row("cancellation pending", AlertTests::cancellationPending, COORDINATOR, Refusal.OWN_DRAFT, false,
						AlertState.ISSUED));
	}

	static Arguments row(String state, Supplier<Alert> alert, HarmwatchUser actor, @Nullable Refusal refusal,
			boolean issues, AlertState after) {
		return Arguments.of(state, alert, actor.getUsername(), actor, refusal, issues, after);
	}

	@ParameterizedTest(name = "{0}: {2} signs off -> {4}")
	@MethodSource("signOffs")
	void signOff(String state, Supplier<Alert> given, String name, HarmwatchUser actor, @Nullable Refusal refusal,
			boolean issues, AlertState after) {
		var alert = given.get();
		var approvalsBefore = alert.pending() == null ? 0 : alert.pending().approvals().size();
		var now = T.plusSeconds(1);
		if (refusal == null) {
			assertThat(alert.approve(actor, now)).isEqualTo(issues);
			assertThat(alert.pending().approvals()).hasSize(approvalsBefore + 1)
				.last()
				.satisfies(a -> assertThat(a.approver()).isEqualTo(actor.getUsername()));
		}
		else {
			assertThatThrownBy(() -> alert.approve(actor, now)).isInstanceOfSatisfying(Alert.Refused.class, ex -> {
				assertThat(ex.refusal()).isEqualTo(refusal);
				assertThat(ex.problems()).singleElement()
					.satisfies(p -> assertThat(p.field()).isEqualTo(refusal.field()));
			});
			if (alert.pending() != null) {
				assertThat(alert.pending().approvals()).hasSize(approvalsBefore);
			}
		}
		assertThat(alert.state()).isEqualTo(after);
	}

	/**
	 * The alert as it stands, the change drafted, then the refusal ({@code null}:
	 * drafted).
	 */
	static Stream<Arguments> changes() {
		return Stream.of(Arguments.of("draft", (Supplier<Alert>) AlertTests::graded, "update", Refusal.NOT_ISSUED),
				Arguments.of("draft", (Supplier<Alert>) AlertTests::graded, "cancel", Refusal.NOT_ISSUED),
				Arguments.of("awaiting second", (Supplier<Alert>) AlertTests::awaitingSecond, "update",
						Refusal.NOT_ISSUED),
				Arguments.of("awaiting second", (Supplier<Alert>) AlertTests::awaitingSecond, "cancel",
						Refusal.NOT_ISSUED),
				Arguments.of("issued", (Supplier<Alert>) AlertTests::issued, "update", null),
				Arguments.of("issued", (Supplier<Alert>) AlertTests::issued, "cancel", null),
				Arguments.of("issued", (Supplier<Alert>) AlertTests::issued, "cancel without reason",
						Refusal.NO_REASON),
				Arguments.of("issued", (Supplier<Alert>) AlertTests::issued, "cancel with a long reason",
						Refusal.REASON_TOO_LONG),
				Arguments.of("update pending", (Supplier<Alert>) AlertTests::updatePending, "update",
						Refusal.CHANGE_PENDING),
				Arguments.of("update pending", (Supplier<Alert>) AlertTests::updatePending, "cancel",
						Refusal.CHANGE_PENDING),
				Arguments.of("cancellation pending", (Supplier<Alert>) AlertTests::cancellationPending, "update",
						Refusal.CHANGE_PENDING),
				Arguments.of("cancelled", (Supplier<Alert>) AlertTests::cancelled, "update", Refusal.NOT_ISSUED),
				Arguments.of("cancelled", (Supplier<Alert>) AlertTests::cancelled, "cancel", Refusal.NOT_ISSUED));
	}

	@ParameterizedTest(name = "{0}: {2} -> {3}")
	@MethodSource("changes")
	void change(String state, Supplier<Alert> given, String action, @Nullable Refusal refusal) {
		var alert = given.get();
		var messages = alert.messages().size();
		Runnable change = switch (action) {
			case "update" ->
				() -> alert.draftUpdate(GRADED, PanelOutcome.ALERT_PROFESSIONALS, content(), "coordinator", T);
			case "cancel" -> () -> alert.draftCancellation(" Lab found no fentanyl ", content(), "coordinator", T);
			case "cancel without reason" -> () -> alert.draftCancellation("  ", content(), "coordinator", T);
			case "cancel with a long reason" ->
				() -> alert.draftCancellation("x".repeat(Alert.MAX_REASON + 1), content(), "coordinator", T);
			default -> throw new IllegalArgumentException(action);
		};
		if (refusal == null) {
			change.run();
			assertThat(alert.messages()).hasSize(messages + 1);
			assertThat(alert.pending()).isNotNull();
			assertThat(alert.pending().approvalsNeeded()).isEqualTo(1);
			assertThat(alert.pending().messageType())
				.isEqualTo(action.equals("update") ? AlertMessageType.UPDATE : AlertMessageType.CANCEL);
		}
		else {
			assertThatThrownBy(change::run).isInstanceOfSatisfying(Alert.Refused.class,
					ex -> assertThat(ex.refusal()).isEqualTo(refusal));
			assertThat(alert.messages()).hasSize(messages);
		}
	}

	/**
	 * The signal's status and outcome, who an alert on it may reach (empty: the refusal),
	 * and the sign-offs needed.
	 */
	static Stream<Arguments> drafts() {
		return Stream.of(Arguments.of(OPEN, null, Set.of(), Refusal.SIGNAL_NOT_READY, 0),
				Arguments.of(DISMISSED, null, Set.of(), Refusal.SIGNAL_NOT_READY, 0),
				Arguments.of(VALIDATED, null, Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), null, 2),
				Arguments.of(GRADED, PanelOutcome.MONITOR, Set.of(), Refusal.MONITOR_OUTCOME, 0),
				Arguments.of(GRADED, null, Set.of(), Refusal.MONITOR_OUTCOME, 0),
				Arguments.of(GRADED, PanelOutcome.INFORM_PROFESSIONALS, Set.of(Audience.PROFESSIONALS), null, 1),
				Arguments.of(GRADED, PanelOutcome.ALERT_PROFESSIONALS, Set.of(Audience.PROFESSIONALS), null, 1),
				Arguments.of(GRADED, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC,
						Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), null, 1));
	}

	@ParameterizedTest(name = "{0} {1} -> {2} {3}")
	@MethodSource("drafts")
	void draftFromASignal(SignalStatus status, @Nullable PanelOutcome outcome, Set<Audience> audiences,
			@Nullable Refusal refusal, int approvalsNeeded) {
		assertThat(Alert.audiencesFor(status, outcome)).isEqualTo(audiences);
		if (refusal == null) {
			var alert = Alert.draft(SIGNAL, status, outcome, false, content(), "coordinator", T);
			assertThat(alert.state()).isEqualTo(AlertState.DRAFT);
			assertThat(alert.urgent()).isEqualTo(status == VALIDATED);
			assertThat(alert.issuedVersion()).isZero();
			assertThat(alert.reference()).isNull();
			assertThat(alert.pending().approvalsNeeded()).isEqualTo(approvalsNeeded);
			assertThat(alert.pending().draftedBy()).isEqualTo("coordinator");
		}
		else {
			assertThatThrownBy(() -> Alert.draft(SIGNAL, status, outcome, false, content(), "coordinator", T))
				.isInstanceOfSatisfying(Alert.Refused.class, ex -> assertThat(ex.refusal()).isEqualTo(refusal));
		}
	}

	/**
	 * Whether the alert took the urgent path, the signal now, who an update may reach
	 * (empty: refused), and the sign-offs it needs.
	 */
	static Stream<Arguments> updates() {
		return Stream.of(
				Arguments.of(false, GRADED, PanelOutcome.ALERT_PROFESSIONALS, Set.of(Audience.PROFESSIONALS), 1),
				Arguments.of(false, GRADED, PanelOutcome.MONITOR, Set.of(), 0),
				Arguments.of(true, GRADED, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC,
						Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), 1),
				Arguments.of(true, VALIDATED, null, Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), 2),
				Arguments.of(true, DISMISSED, null, Set.of(), 0));
	}

	@ParameterizedTest(name = "urgent {0}, signal {1} {2} -> {3}")
	@MethodSource("updates")
	void updateFollowsTheSignal(boolean urgent, SignalStatus status, @Nullable PanelOutcome outcome,
			Set<Audience> audiences, int approvalsNeeded) {
		var alert = urgent ? awaitingSecond() : graded();
		if (urgent) {
			alert.approve(PANEL_2, T);
		}
		else {
			alert.approve(PANEL, T);
		}
		alert.issue("HW-2026-0002", "sms", T);
		if (audiences.isEmpty()) {
			assertThatThrownBy(() -> alert.draftUpdate(status, outcome, content(), "coordinator", T))
				.isInstanceOfSatisfying(Alert.Refused.class,
						ex -> assertThat(ex.refusal()).isEqualTo(Refusal.NO_FURTHER_ALERT));
		}
		else {
			assertThat(alert.requireUpdatable(status, outcome)).isEqualTo(audiences);
			alert.draftUpdate(status, outcome, content(), "coordinator", T);
			assertThat(alert.pending().approvalsNeeded()).isEqualTo(approvalsNeeded);
		}
	}

	@Test
	void issuingGivesTheNextVersionKeepsTheReferenceAndACancellationEndsIt() {
		var alert = issued();
		assertThat(alert.state()).isEqualTo(AlertState.ISSUED);
		assertThat(alert.issuedVersion()).isEqualTo(1);
		assertThat(alert.reference()).isEqualTo("HW-2026-0001");
		assertThat(alert.isPublic()).isTrue();
		assertThat(alert.issuedAt()).isEqualTo(Instant.parse("2026-12-05T10:15:30Z"));
		assertThat(alert.current().smsText()).isEqualTo("issued sms");

		alert.draftUpdate(GRADED, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC, content(), "coordinator", T);
		alert.approve(PANEL, T);
		alert.issue("HW-2026-9999", "update sms", T.plusSeconds(60));
		assertThat(alert.issuedVersion()).isEqualTo(2);
		assertThat(alert.reference()).isEqualTo("HW-2026-0001");
		assertThat(alert.current().messageType()).isEqualTo(AlertMessageType.UPDATE);
		assertThat(alert.current().version()).isEqualTo(2);

		alert.draftCancellation("Lab found no fentanyl", content(), "coordinator", T);
		alert.approve(PANEL_2, T);
		var cancellation = alert.issue("HW-2026-0001", "cancel sms", T.plusSeconds(120));
		assertThat(alert.state()).isEqualTo(AlertState.CANCELLED);
		assertThat(alert.issuedVersion()).isEqualTo(3);
		assertThat(cancellation.expiresAt()).isEqualTo(Instant.parse("2026-12-05T10:17:30Z").plus(Duration.ofDays(7)));
		assertThat(alert.expiresAt()).isEqualTo(cancellation.expiresAt());
		assertThat(alert.messages()).extracting(AlertMessage::version).containsExactlyInAnyOrder(1, 2, 3);
	}

	@Test
	void anExerciseIsNeverPublicAndNothingUnapprovedIsIssued() {
		var exercise = Alert.draft(SIGNAL, GRADED, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC, true, content(),
				"coordinator", T);
		assertThatThrownBy(() -> exercise.issue("HW-2026-0003", "sms", T)).isInstanceOf(IllegalStateException.class);
		exercise.approve(PANEL, T);
		exercise.issue("HW-2026-0003", "sms", T);
		assertThat(exercise.isPublic()).isFalse();
		assertThat(exercise.current().forPublic()).isTrue();
	}

	/** A graded signal's alert drafted by a panel member, who does not coordinate. */
	static Alert panelDraft() {
		return Alert.draft(SIGNAL, GRADED, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC, false, content(), "panel", T);
	}

	static Alert returnedUrgent() {
		var alert = awaitingSecond();
		alert.sendBack(PANEL_2, "Say which batch", T);
		return alert;
	}

	static Alert withdrawnDraft() {
		var alert = graded();
		alert.withdraw(COORDINATOR, "Wrong signal", T);
		return alert;
	}

	static AlertContent edited() {
		return new AlertContent(AlertLevel.CRITICAL, Set.of(Audience.PROFESSIONALS), List.of("E08000026"),
				List.of("fentanyl"), "Fentanyl deaths", "Grey powder", null, "Give naloxone.", null,
				T.plus(Duration.ofDays(10)), T.plus(Duration.ofDays(9)), null, "sms");
	}

	/**
	 * The alert as it stands, who decides what (edit, withdraw, return), then the refusal
	 * ({@code null}: done) and the state afterwards.
	 */
	static Stream<Arguments> decisions() {
		return Stream.of(
				// Editing: its drafter or a coordinator, before anyone signed it off.
				decision("draft", AlertTests::graded, COORDINATOR, "edit", null, AlertState.DRAFT),
				decision("draft", AlertTests::graded, READER, "edit", null, AlertState.DRAFT),
				decision("draft", AlertTests::graded, PANEL, "edit", Refusal.NOT_THE_AUTHOR, AlertState.DRAFT),
				decision("draft", AlertTests::graded, OUTSIDER, "edit", Refusal.NOT_THE_AUTHOR, AlertState.DRAFT),
				decision("panel's draft", AlertTests::panelDraft, PANEL, "edit", null, AlertState.DRAFT),
				decision("panel's draft", AlertTests::panelDraft, PANEL_2, "edit", Refusal.NOT_THE_AUTHOR,
						AlertState.DRAFT),
				decision("awaiting second", AlertTests::awaitingSecond, COORDINATOR, "edit", Refusal.SIGNED_OFF_ALREADY,
						AlertState.AWAITING_APPROVAL),
				decision("returned", AlertTests::returnedUrgent, COORDINATOR, "edit", null, AlertState.DRAFT),
				decision("update pending", AlertTests::updatePending, COORDINATOR, "edit", null, AlertState.ISSUED),
				decision("cancellation pending", AlertTests::cancellationPending, COORDINATOR, "edit",
						Refusal.CANCELLATION_NOT_EDITABLE, AlertState.ISSUED),
				decision("issued", AlertTests::issued, COORDINATOR, "edit", Refusal.NOTHING_PENDING, AlertState.ISSUED),
				decision("withdrawn", AlertTests::withdrawnDraft, COORDINATOR, "edit", Refusal.NOTHING_PENDING,
						AlertState.WITHDRAWN),
				// Withdrawing: its drafter or a coordinator, with a reason, at any time
				// before it is issued.
				decision("draft", AlertTests::graded, COORDINATOR, "withdraw", null, AlertState.WITHDRAWN),
				decision("draft", AlertTests::graded, COORDINATOR, "withdraw without reason",
						Refusal.NO_DECISION_REASON, AlertState.DRAFT),
				decision("draft", AlertTests::graded, COORDINATOR, "withdraw with a long reason",
						Refusal.REASON_TOO_LONG, AlertState.DRAFT),
				decision("draft", AlertTests::graded, PANEL, "withdraw", Refusal.NOT_THE_AUTHOR, AlertState.DRAFT),
				decision("panel's draft", AlertTests::panelDraft, PANEL, "withdraw", null, AlertState.WITHDRAWN),
				decision("awaiting second", AlertTests::awaitingSecond, COORDINATOR, "withdraw", null,
						AlertState.WITHDRAWN),
				decision("update pending", AlertTests::updatePending, COORDINATOR, "withdraw", null, AlertState.ISSUED),
				decision("cancellation pending", AlertTests::cancellationPending, READER, "withdraw", null,
						AlertState.ISSUED),
				decision("issued", AlertTests::issued, COORDINATOR, "withdraw", Refusal.NOTHING_PENDING,
						AlertState.ISSUED),
				decision("withdrawn", AlertTests::withdrawnDraft, COORDINATOR, "withdraw", Refusal.NOTHING_PENDING,
						AlertState.WITHDRAWN),
				// Returning: anyone who could sign it off instead, with a reason.
				decision("draft", AlertTests::graded, PANEL, "return", null, AlertState.DRAFT),
				decision("draft", AlertTests::graded, PANEL, "return without reason", Refusal.NO_DECISION_REASON,
						AlertState.DRAFT),
				decision("draft", AlertTests::graded, COORDINATOR, "return", Refusal.OWN_DRAFT, AlertState.DRAFT),
				decision("draft", AlertTests::graded, READER, "return", Refusal.NOT_AN_APPROVER, AlertState.DRAFT),
				decision("awaiting second", AlertTests::awaitingSecond, PANEL_2, "return", null, AlertState.DRAFT),
				decision("awaiting second", AlertTests::awaitingSecond, PANEL, "return", Refusal.ALREADY_APPROVED,
						AlertState.AWAITING_APPROVAL),
				decision("update pending", AlertTests::updatePending, PANEL, "return", null, AlertState.ISSUED),
				decision("issued", AlertTests::issued, PANEL, "return", Refusal.NOTHING_PENDING, AlertState.ISSUED),
				decision("withdrawn", AlertTests::withdrawnDraft, PANEL, "return", Refusal.NOTHING_PENDING,
						AlertState.WITHDRAWN));
	}

	static Arguments decision(String state, Supplier<Alert> alert, HarmwatchUser actor, String action,
			@Nullable Refusal refusal, AlertState after) {
		return Arguments.of(state, alert, actor.getUsername(), action, actor, refusal, after);
	}

	@ParameterizedTest(name = "{0}: {2} {3} -> {5}")
	@MethodSource("decisions")
	void decideOnAWaitingMessage(String state, Supplier<Alert> given, String name, String action, HarmwatchUser actor,
			@Nullable Refusal refusal, AlertState after) {
		var alert = given.get();
		var pending = alert.pending();
		var headline = pending == null ? null : pending.headline();
		var approvals = pending == null ? 0 : pending.approvals().size();
		var messages = alert.messages().size();
		var now = T.plusSeconds(5);
		Runnable decide = switch (action) {
			case "edit" -> () -> alert.edit(actor, edited());
			case "withdraw" -> () -> alert.withdraw(actor, " Wrong batch ", now);
			case "withdraw without reason" -> () -> alert.withdraw(actor, " ", now);
			case "withdraw with a long reason" -> () -> alert.withdraw(actor, "x".repeat(Alert.MAX_REASON + 1), now);
			case "return" -> () -> alert.sendBack(actor, " Name the batch ", now);
			case "return without reason" -> () -> alert.sendBack(actor, null, now);
			default -> throw new IllegalArgumentException(action);
		};
		if (refusal != null) {
			assertThatThrownBy(decide::run).isInstanceOfSatisfying(Alert.Refused.class,
					ex -> assertThat(ex.refusal()).isEqualTo(refusal));
			assertThat(alert.pending()).isSameAs(pending);
			if (pending != null) {
				assertThat(pending.headline()).isEqualTo(headline);
				assertThat(pending.approvals()).hasSize(approvals);
				assertThat(pending.withdrawnAt()).isNull();
			}
		}
		else {
			decide.run();
			switch (action) {
				case "edit" -> {
					assertThat(alert.pending()).isSameAs(pending);
					assertThat(pending.headline()).isEqualTo("Fentanyl deaths");
					assertThat(pending.audiences()).containsExactly(Audience.PROFESSIONALS);
					assertThat(pending.ladCodes()).containsExactly("E08000026");
					assertThat(pending.draftedBy()).isEqualTo(given.get().pending().draftedBy());
					if (alert.issuedVersion() == 0) {
						assertThat(alert.headline()).isEqualTo("Fentanyl deaths");
						assertThat(alert.level()).isEqualTo(AlertLevel.CRITICAL);
					}
					else {
						assertThat(alert.headline()).isEqualTo("Fentanyl in heroin");
					}
				}
				case "withdraw" -> {
					assertThat(alert.pending()).isNull();
					assertThat(pending.withdrawnReason()).isEqualTo("Wrong batch");
					assertThat(pending.withdrawnBy()).isEqualTo(actor.getUsername());
					assertThat(pending.issued()).isFalse();
					assertThat(alert.messages()).hasSize(messages).contains(pending);
				}
				case "return" -> {
					assertThat(alert.pending()).isSameAs(pending);
					assertThat(pending.approvals()).isEmpty();
					assertThat(pending.returnedReason()).isEqualTo("Name the batch");
					assertThat(pending.returnedBy()).isEqualTo(actor.displayName());
				}
				default -> throw new IllegalArgumentException(action);
			}
		}
		assertThat(alert.state()).isEqualTo(after);
	}

	@Test
	void whoEditedADraftCannotSignItOff() {
		var alert = panelDraft();
		alert.edit(COORDINATOR, edited());
		assertThatThrownBy(() -> alert.approve(COORDINATOR, T)).isInstanceOfSatisfying(Alert.Refused.class,
				ex -> assertThat(ex.refusal()).isEqualTo(Refusal.OWN_DRAFT));
		assertThatThrownBy(() -> alert.sendBack(COORDINATOR, "no", T)).isInstanceOfSatisfying(Alert.Refused.class,
				ex -> assertThat(ex.refusal()).isEqualTo(Refusal.OWN_DRAFT));
		assertThat(alert.approve(PANEL_2, T)).isTrue();
	}

	@Test
	void aReturnedUrgentDraftNeedsTwoFreshSignOffsAfterItIsEdited() {
		var alert = returnedUrgent();
		alert.edit(COORDINATOR, edited());
		assertThat(alert.approve(PANEL, T)).isFalse();
		assertThat(alert.state()).isEqualTo(AlertState.AWAITING_APPROVAL);
		assertThat(alert.approve(PANEL_2, T)).isTrue();
		alert.issue("HW-2026-0004", "sms", T);
		assertThat(alert.current().headline()).isEqualTo("Fentanyl deaths");
		assertThat(alert.current().returnedReason()).isEqualTo("Say which batch");
	}

	@Test
	void afterAWithdrawnUpdateAnotherCanBeDraftedAndTheWithdrawnOneStaysInTheHistory() {
		var alert = updatePending();
		var withdrawn = alert.pending();
		alert.withdraw(COORDINATOR, "Premature", T);
		alert.draftUpdate(GRADED, PanelOutcome.ALERT_PROFESSIONALS, content(), "coordinator", T.plusSeconds(1));
		assertThat(alert.pending()).isNotSameAs(withdrawn).isNotNull();
		assertThat(alert.messages()).hasSize(3).contains(withdrawn);
		assertThat(alert.approve(PANEL, T)).isTrue();
		alert.issue("HW-2026-0001", "sms", T.plusSeconds(2));
		assertThat(alert.issuedVersion()).isEqualTo(2);
		assertThat(withdrawn.version()).isNull();
	}

	@Test
	void aWithdrawnAlertCannotBeUpdatedOrCancelled() {
		var alert = withdrawnDraft();
		assertThatThrownBy(
				() -> alert.draftUpdate(GRADED, PanelOutcome.ALERT_PROFESSIONALS, content(), "coordinator", T))
			.isInstanceOfSatisfying(Alert.Refused.class, ex -> assertThat(ex.refusal()).isEqualTo(Refusal.NOT_ISSUED));
		assertThatThrownBy(() -> alert.draftCancellation("why", content(), "coordinator", T))
			.isInstanceOfSatisfying(Alert.Refused.class, ex -> assertThat(ex.refusal()).isEqualTo(Refusal.NOT_ISSUED));
	}

}
