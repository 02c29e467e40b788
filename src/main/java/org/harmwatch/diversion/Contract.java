package org.harmwatch.diversion;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A diversion contract with its conditions, the navigator's sessions and any breaches.
 */
public record Contract(UUID id, UUID referralId, String navigator, LocalDate startsOn, LocalDate endsOn,
		ContractStatus status, @Nullable LocalDate completedOn, List<Condition> conditions, List<Session> sessions,
		List<Breach> breaches) {

	/** A condition, how it is verified and whether it is met. */
	public record Condition(UUID id, int position, ConditionKind kind, Verification verification,
			ConditionStatus status, @Nullable LocalDate statusOn, @Nullable TreatmentLink link) {
	}

	/**
	 * The pseudonymised link to a treatment provider: its reference, the legal basis, and
	 * what the provider reported (attended or not, and when; nothing said in it).
	 */
	public record TreatmentLink(String reference, LegalBasis legalBasis, List<Attendance> attendances) {
	}

	/** An appointment attended or missed, as the provider reported it. */
	public record Attendance(LocalDate on, boolean attended) {
	}

	/** A one-to-one session with the navigator. */
	public record Session(UUID id, LocalDate heldOn, boolean attended) {
	}

	/** A breach of a condition and the prosecution decision it led to. */
	public record Breach(UUID id, UUID conditionId, ConditionKind kind, LocalDate on, String what,
			@Nullable ProsecutionDecision decision, @Nullable String reason, @Nullable String decidedBy) {
	}

	/** Whether a breach waits for its prosecution decision. */
	public boolean awaitsDecision() {
		return breaches.stream().anyMatch(b -> b.decision() == null);
	}

}
