package org.harmwatch.earlywarning.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.earlywarning.EvidenceKind;
import org.harmwatch.earlywarning.SignalEscalated;
import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a piece of evidence into the signal it belongs to, opening one when none fits, and
 * applies the rules.
 *
 * <p>
 * Evidence with the same group key (the family of the lead substance, else class, else
 * spike category) in the same district joins a signal that is not dismissed when it
 * happened within the grouping window of that signal's evidence. Work on one district and
 * key is serialised with a transaction-scoped advisory lock, so concurrent reports (or
 * one event delivered twice at once) never open two signals; {@code UNIQUE (kind, ref)}
 * makes a repeated delivery change nothing.
 */
@Component
public class SignalEngine {

	/** The rules, as they are named on signals. */
	public static final String DEATH = "DEATH", NEW_DANGEROUS_SUBSTANCE = "NEW_DANGEROUS_SUBSTANCE",
			CLUSTER = "CLUSTER", SPIKE = "SPIKE", HIGH_STRENGTH = "HIGH_STRENGTH";

	/** Evidence to file. */
	public record Input(EvidenceKind kind, String ref, Instant occurredAt, Instant receivedAt, String ladCode,
			String ladName, String groupKey, @Nullable String substanceCode, @Nullable String substanceClass,
			List<String> substanceCodes, boolean death, String summary, boolean highStrength) {
	}

	/** Where it went. */
	public record Filed(UUID signalId, boolean opened, boolean duplicate, Urgency urgency, List<String> rules) {
	}

	private final EvidenceRepository evidence;

	private final SubstanceManagement substances;

	private final EarlyWarningProperties properties;

	private final ApplicationEventPublisher events;

	private final SignalMerges merges;

	SignalEngine(EvidenceRepository evidence, SubstanceManagement substances, EarlyWarningProperties properties,
			ApplicationEventPublisher events, SignalMerges merges) {
		this.merges = merges;
		this.evidence = evidence;
		this.events = events;
		this.substances = substances;
		this.properties = properties;
	}

	/**
	 * Whether a substance is dangerous enough that its first appearance in a district is
	 * urgent.
	 */
	public boolean dangerous(String code) {
		if (!SubstanceId.isValid(code)) {
			return false;
		}
		return substances.find(new SubstanceId(code))
			.map(s -> properties.noveltyClasses().stream().anyMatch(s.substanceClass()::isA)
					|| s.flags().stream().anyMatch(properties.noveltyFlags()::contains))
			.orElse(false);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Filed file(Input in) {
		evidence.lock(in.ladCode(), in.groupKey());
		// A report is filed once, in the transaction that stored it under a new id;
		// events
		// (spikes, samples) may be delivered again.
		var existing = in.kind() == EvidenceKind.REPORT ? Optional.<UUID>empty()
				: evidence.signalOf(in.kind().name(), in.ref());
		if (existing.isPresent()) {
			return new Filed(existing.get(), false, true, Urgency.ROUTINE, List.of());
		}
		// Evidence that belongs with a signal merged into another joins the survivor.
		var signalId = evidence.signalToJoin(in.ladCode(), in.groupKey(), in.occurredAt(), properties.groupingWindow())
			.map(merges::current);
		boolean opened = signalId.isEmpty();
		var id = signalId.orElseGet(UUID::randomUUID);
		if (opened) {
			evidence.open(id, in);
		}
		evidence.add(id, in);

		var urgency = Urgency.ROUTINE;
		var rules = new ArrayList<String>();
		if (in.death()) {
			urgency = urgency.max(properties.deathUrgency());
			rules.add(DEATH);
		}
		if (in.highStrength()) {
			urgency = urgency.max(properties.highStrengthUrgency());
			rules.add(HIGH_STRENGTH);
		}
		if (in.kind() == EvidenceKind.SPIKE) {
			urgency = urgency.max(properties.spikeUrgency());
			rules.add(SPIKE);
		}
		if (in.substanceCodes()
			.stream()
			.filter(this::dangerous)
			.anyMatch(code -> !evidence.seenBefore(in, code, in.occurredAt().minus(properties.noveltyWindow())))) {
			urgency = urgency.max(properties.noveltyUrgency());
			rules.add(NEW_DANGEROUS_SUBSTANCE);
		}
		boolean grouped = in.groupKey().startsWith("substance:") || in.groupKey().startsWith("class:");
		if (in.kind() == EvidenceKind.REPORT && grouped
				&& evidence.reportsSince(in, in.occurredAt().minus(properties.clusterWindow()),
						properties.clusterReports()) >= properties.clusterReports()) {
			urgency = urgency.max(properties.clusterUrgency());
			rules.add(CLUSTER);
		}

		var current = evidence.ratingForUpdate(id);
		var merged = new LinkedHashSet<String>(current.rules());
		merged.addAll(rules);
		var rating = new EvidenceRepository.Rating(current.urgency().max(urgency), List.copyOf(merged));
		evidence.rate(id, rating, in.occurredAt());
		if (!opened && rating.urgency() != current.urgency()) {
			events.publishEvent(new SignalEscalated(id, rating.urgency(), in.receivedAt()));
		}
		return new Filed(id, opened, false, rating.urgency(), rating.rules());
	}

}
