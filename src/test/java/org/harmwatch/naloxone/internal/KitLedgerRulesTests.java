package org.harmwatch.naloxone.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.harmwatch.naloxone.KitReason;
import org.harmwatch.naloxone.MovementDraft;
import org.harmwatch.naloxone.MovementKind;
import org.harmwatch.naloxone.ReleasePoint;
import org.harmwatch.naloxone.SupplyType;
import org.harmwatch.platform.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The kit ledger's rules as tables: the fields each kind of movement needs, stock that
 * may not go below zero, expired kits that may only be returned or disposed of, and the
 * expiry warning's boundary.
 */
class KitLedgerRulesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	static final UUID A = UUID.randomUUID();

	static final UUID B = UUID.randomUUID();

	static MovementDraft draft(MovementKind kind, @Nullable UUID from, @Nullable UUID to, int kits, LocalDate on,
			@Nullable String client, @Nullable SupplyType type, @Nullable KitReason reason,
			@Nullable ReleasePoint point) {
		return new MovementDraft(kind, "NYXOID", "B1", null, from, to, kits, on, client, type, reason, point);
	}

	static Stream<Arguments> shape() {
		return Stream.of(arguments(draft(MovementKind.RECEIVED, null, A, 10, TODAY, null, null, null, null), List.of()),
				arguments(draft(MovementKind.RECEIVED, null, null, 10, TODAY, null, null, null, null),
						List.of("toHolder:naloxone.movement.toHolder.required")),
				arguments(draft(MovementKind.TRANSFERRED, A, B, 1, TODAY, null, null, null, null), List.of()),
				arguments(draft(MovementKind.TRANSFERRED, A, A, 1, TODAY, null, null, null, null),
						List.of("toHolder:naloxone.movement.toHolder.same")),
				arguments(draft(MovementKind.TRANSFERRED, null, null, 1, TODAY, null, null, null, null),
						List.of("fromHolder:naloxone.movement.fromHolder.required",
								"toHolder:naloxone.movement.toHolder.required")),
				arguments(draft(MovementKind.SUPPLIED, A, null, 1, TODAY, "C1", SupplyType.FIRST, null,
						ReleasePoint.PRISON_RELEASE), List.of()),
				arguments(draft(MovementKind.SUPPLIED, A, null, 1, TODAY, null, null, null, null),
						List.of("supplyType:naloxone.movement.supplyType.required")),
				arguments(draft(MovementKind.SUPPLIED, A, null, 1, TODAY, null, SupplyType.RESUPPLY, null, null),
						List.of("reason:naloxone.movement.reason.resupply")),
				arguments(draft(MovementKind.SUPPLIED, A, null, 1, TODAY, null, SupplyType.RESUPPLY,
						KitReason.CONFISCATED, null), List.of()),
				arguments(draft(MovementKind.RETURNED, null, A, 1, TODAY, "C1", null, KitReason.EXPIRED, null),
						List.of()),
				arguments(draft(MovementKind.RETURNED, null, A, 1, TODAY, null, SupplyType.FIRST, null, null),
						List.of("kind:naloxone.movement.supplyOnly")),
				arguments(draft(MovementKind.TRANSFERRED, A, B, 1, TODAY, null, null, null, ReleasePoint.BAIL_HOSTEL),
						List.of("kind:naloxone.movement.supplyOnly")),
				arguments(draft(MovementKind.DISPOSED, A, null, 1, TODAY, null, null, null, null),
						List.of("reason:naloxone.movement.reason.disposal")),
				arguments(draft(MovementKind.DISPOSED, A, null, 1, TODAY, null, null, KitReason.USED, null),
						List.of("reason:naloxone.movement.reason.usedNotDisposal")),
				arguments(draft(MovementKind.DISPOSED, A, null, 1, TODAY, null, null, KitReason.EXPIRED, null),
						List.of()),
				arguments(draft(MovementKind.DISPOSED, A, null, 1, TODAY, "C1", null, KitReason.EXPIRED, null),
						List.of("clientCode:naloxone.movement.clientCode.notForKind")),
				arguments(draft(MovementKind.RECEIVED, null, A, 0, TODAY, null, null, null, null),
						List.of("kits:naloxone.movement.kits.range")),
				arguments(draft(MovementKind.RECEIVED, null, A, KitLedgerRules.MAX_KITS, TODAY, null, null, null, null),
						List.of()),
				arguments(draft(MovementKind.RECEIVED, null, A, KitLedgerRules.MAX_KITS + 1, TODAY, null, null, null,
						null), List.of("kits:naloxone.movement.kits.range")),
				arguments(draft(MovementKind.RECEIVED, null, A, 1, TODAY.plusDays(1), null, null, null, null),
						List.of("happenedOn:naloxone.movement.happenedOn.future")));
	}

	@ParameterizedTest
	@MethodSource
	void shape(MovementDraft draft, List<String> expected) {
		assertThat(KitLedgerRules.shape(draft, TODAY).stream().map(p -> p.field() + ":" + p.code()).toList())
			.isEqualTo(expected);
	}

	static Stream<Arguments> refusal() {
		var expires = LocalDate.of(2027, 6, 30);
		return Stream.of(
				// stock: exactly the stock may leave, one more may not
				arguments(MovementKind.SUPPLIED, 3, 3L, expires, TODAY, null),
				arguments(MovementKind.SUPPLIED, 4, 3L, expires, TODAY, "kits:naloxone.movement.kits.moreThanStock"),
				arguments(MovementKind.TRANSFERRED, 1, 0L, expires, TODAY, "kits:naloxone.movement.kits.moreThanStock"),
				arguments(MovementKind.DISPOSED, 2, 1L, expires, TODAY, "kits:naloxone.movement.kits.moreThanStock"),
				// kits entering need no stock
				arguments(MovementKind.RECEIVED, 50, 0L, expires, TODAY, null),
				arguments(MovementKind.RETURNED, 1, 0L, expires, TODAY, null),
				// expiry: the last day is still good, the day after is not
				arguments(MovementKind.SUPPLIED, 1, 1L, TODAY, TODAY, null),
				arguments(MovementKind.SUPPLIED, 1, 1L, TODAY.minusDays(1), TODAY,
						"batchNumber:naloxone.movement.batch.expired"),
				arguments(MovementKind.TRANSFERRED, 1, 1L, TODAY.minusDays(1), TODAY,
						"batchNumber:naloxone.movement.batch.expired"),
				arguments(MovementKind.RECEIVED, 1, 0L, TODAY.minusDays(1), TODAY,
						"batchNumber:naloxone.movement.batch.expired"),
				arguments(MovementKind.DISPOSED, 1, 1L, TODAY.minusDays(1), TODAY, null),
				arguments(MovementKind.RETURNED, 1, 0L, TODAY.minusDays(1), TODAY, null),
				// an expired batch is refused before the stock is counted
				arguments(MovementKind.SUPPLIED, 5, 1L, TODAY.minusDays(1), TODAY,
						"batchNumber:naloxone.movement.batch.expired"));
	}

	@ParameterizedTest
	@MethodSource
	void refusal(MovementKind kind, int kits, long stock, LocalDate expiresOn, LocalDate on,
			@Nullable String expected) {
		FieldProblem problem = KitLedgerRules.refusal(kind, kits, stock, expiresOn, on);
		assertThat(problem == null ? null : problem.field() + ":" + problem.code()).isEqualTo(expected);
	}

	@Test
	void expiryIsWarnedOfWithinThePeriodAndAfter() {
		assertThat(KitLedgerRules.expiresSoon(TODAY.plusDays(90), TODAY, 90)).isTrue();
		assertThat(KitLedgerRules.expiresSoon(TODAY.plusDays(91), TODAY, 90)).isFalse();
		assertThat(KitLedgerRules.expiresSoon(TODAY, TODAY, 90)).isTrue();
		assertThat(KitLedgerRules.expiresSoon(TODAY.minusDays(10), TODAY, 90)).isTrue();
		assertThat(KitLedgerRules.expiresSoon(TODAY.plusDays(1), TODAY, 0)).isFalse();
	}

	@Test
	void movementKindsSayWhichHoldersTheyNeed() {
		assertThat(Stream.of(MovementKind.values()).filter(MovementKind::takesFrom).toList())
			.containsExactly(MovementKind.TRANSFERRED, MovementKind.SUPPLIED, MovementKind.DISPOSED);
		assertThat(Stream.of(MovementKind.values()).filter(MovementKind::addsTo).toList())
			.containsExactly(MovementKind.RECEIVED, MovementKind.TRANSFERRED, MovementKind.RETURNED);
	}

}
