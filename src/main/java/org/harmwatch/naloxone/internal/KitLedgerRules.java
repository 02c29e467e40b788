package org.harmwatch.naloxone.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.naloxone.KitReason;
import org.harmwatch.naloxone.MovementDraft;
import org.harmwatch.naloxone.MovementKind;
import org.harmwatch.naloxone.SupplyType;
import org.harmwatch.platform.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the kit ledger, without a database: which fields a movement needs, and
 * whether the stock and the batch's expiry allow it.
 *
 * <p>
 * Kits leave a holder only from its stock (no holder goes below zero); an expired kit is
 * never received, transferred or supplied (it may only be returned or disposed of); a
 * movement is not recorded for a day still to come; a resupply and a disposal say why.
 */
public final class KitLedgerRules {

	/** The most kits one movement may carry. */
	public static final int MAX_KITS = 100_000;

	private KitLedgerRules() {
	}

	/**
	 * What is wrong with the movement as entered, before the ledger is consulted: fields
	 * its kind needs or may not have.
	 */
	public static List<FieldProblem> shape(MovementDraft draft, LocalDate today) {
		var problems = new ArrayList<FieldProblem>();
		var kind = draft.kind();
		if (kind.takesFrom() && draft.fromHolder() == null) {
			problems.add(FieldProblem.of("fromHolder", "naloxone.movement.fromHolder.required"));
		}
		if (kind.addsTo() && draft.toHolder() == null) {
			problems.add(FieldProblem.of("toHolder", "naloxone.movement.toHolder.required"));
		}
		if (kind == MovementKind.TRANSFERRED && draft.fromHolder() != null
				&& draft.fromHolder().equals(draft.toHolder())) {
			problems.add(FieldProblem.of("toHolder", "naloxone.movement.toHolder.same"));
		}
		if (draft.kits() < 1 || draft.kits() > MAX_KITS) {
			problems.add(FieldProblem.of("kits", "naloxone.movement.kits.range", MAX_KITS));
		}
		if (draft.happenedOn().isAfter(today)) {
			problems.add(FieldProblem.of("happenedOn", "naloxone.movement.happenedOn.future"));
		}
		if (kind == MovementKind.SUPPLIED) {
			if (draft.supplyType() == null) {
				problems.add(FieldProblem.of("supplyType", "naloxone.movement.supplyType.required"));
			}
			else if (draft.supplyType() == SupplyType.RESUPPLY && draft.reason() == null) {
				problems.add(FieldProblem.of("reason", "naloxone.movement.reason.resupply"));
			}
		}
		else {
			if (draft.supplyType() != null || draft.releasePoint() != null) {
				problems.add(FieldProblem.of("kind", "naloxone.movement.supplyOnly"));
			}
		}
		if (kind == MovementKind.DISPOSED && draft.reason() == null) {
			problems.add(FieldProblem.of("reason", "naloxone.movement.reason.disposal"));
		}
		if (kind == MovementKind.DISPOSED && draft.reason() == KitReason.USED) {
			problems.add(FieldProblem.of("reason", "naloxone.movement.reason.usedNotDisposal"));
		}
		if (draft.clientCode() != null && kind != MovementKind.SUPPLIED && kind != MovementKind.RETURNED) {
			problems.add(FieldProblem.of("clientCode", "naloxone.movement.clientCode.notForKind"));
		}
		return problems;
	}

	/**
	 * Why the ledger refuses the movement, as a field problem; {@code null} when it may
	 * be recorded.
	 * @param kind how the kits move
	 * @param kits how many
	 * @param stockAtSource kits of the batch in the stock of the holder they leave (0
	 * when they leave none)
	 * @param expiresOn the batch's expiry date
	 * @param happenedOn the day of the movement
	 */
	public static @Nullable FieldProblem refusal(MovementKind kind, int kits, long stockAtSource, LocalDate expiresOn,
			LocalDate happenedOn) {
		boolean expired = expiresOn.isBefore(happenedOn);
		if (expired && (kind == MovementKind.RECEIVED || kind == MovementKind.TRANSFERRED
				|| kind == MovementKind.SUPPLIED)) {
			return FieldProblem.of("batchNumber", "naloxone.movement.batch.expired", expiresOn);
		}
		if (kind.takesFrom() && kits > stockAtSource) {
			return FieldProblem.of("kits", "naloxone.movement.kits.moreThanStock", stockAtSource);
		}
		return null;
	}

	/**
	 * Whether kits of a batch in stock are to be warned of: they expire within the
	 * warning period after today (or have expired and are still held).
	 */
	public static boolean expiresSoon(LocalDate expiresOn, LocalDate today, int warningDays) {
		return !expiresOn.isAfter(today.plusDays(warningDays));
	}

}
