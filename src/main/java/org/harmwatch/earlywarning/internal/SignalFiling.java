package org.harmwatch.earlywarning.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.analytics.SpikeDetected;
import org.harmwatch.drugchecking.DangerousSampleFound;
import org.harmwatch.drugchecking.ResultFlag;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceKind;
import org.harmwatch.earlywarning.SignalOpened;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.harmwatch.substances.SubstanceSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files evidence (a report, a spike, a dangerous drug-checking result) into signals
 * through the {@link SignalEngine}, grouped by its lead substance, else class, else
 * category, and publishes {@link SignalOpened} when it opened one.
 */
@Component
public class SignalFiling {

	private final SignalEngine engine;

	private final SubstanceManagement substances;

	private final GeographyManagement geography;

	private final ApplicationEventPublisher events;

	private final SignalCases cases;

	SignalFiling(SignalEngine engine, SubstanceManagement substances, GeographyManagement geography,
			ApplicationEventPublisher events, SignalCases cases) {
		this.cases = cases;
		this.engine = engine;
		this.substances = substances;
		this.geography = geography;
		this.events = events;
	}

	/**
	 * A report as evidence to file (see {@link SignalBatch}).
	 * @param named the substances it named that resolved, in the reporter's order
	 * @param chosenClass the class the reporter chose when no substance could be named
	 * @param summary one line about it
	 */
	public SignalEngine.Input reportInput(UUID reportId, Instant occurredAt, Instant receivedAt, String ladCode,
			String ladName, List<SubstanceSummary> named, @Nullable SubstanceClass chosenClass, boolean death,
			String summary) {
		var lead = lead(named);
		var substanceClass = lead != null ? lead.substanceClass() : chosenClass;
		var groupKey = groupKey(lead, chosenClass);
		var codes = named.stream().map(s -> s.id().code()).distinct().toList();
		return new SignalEngine.Input(EvidenceKind.REPORT, reportId.toString(), occurredAt, receivedAt, ladCode,
				ladName, groupKey, lead == null ? null : lead.id().code(),
				substanceClass == null ? null : substanceClass.name(), codes, death, summary, false);
	}

	/**
	 * What a report is grouped by: the family of its lead substance (the top of its line
	 * in the vocabulary, so that "nitazenes (unspecified)" and protonitazene in one
	 * district are one signal; crack joins cocaine), else the class the reporter chose,
	 * else nothing known.
	 */
	public String groupKey(@Nullable SubstanceSummary lead, @Nullable SubstanceClass chosenClass) {
		return lead != null ? "substance:" + substances.lineage(lead.id()).getLast().code()
				: chosenClass != null ? "class:" + chosenClass.name() : "unknown";
	}

	/** Publishes {@link SignalOpened} when filing opened a signal. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void opened(SignalEngine.Filed filed, @Nullable String code, @Nullable String substanceClass, String ladCode,
			Instant at) {
		if (filed.opened()) {
			events.publishEvent(new SignalOpened(filed.signalId(), code, substanceClass, ladCode, filed.urgency(),
					filed.rules(), at));
		}
	}

	/**
	 * Files a spike from the analytics detector; a spike already filed changes nothing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID spike(SpikeDetected spike, Instant receivedAt) {
		var area = geography.area(spike.areaCode());
		var ladCode = area.map(Area::ladCode).orElse(spike.areaCode());
		var ladName = area.map(Area::ladName).orElse(spike.areaName());
		var summary = "Spike (" + spike.method().toLowerCase() + "): " + spike.observed() + " "
				+ spike.category().toLowerCase().replace('_', ' ') + " events in " + spike.areaName() + " ("
				+ spike.areaLevel() + "), " + String.format(Locale.UK, "%.1f", spike.expected()) + " expected";
		var filed = engine.file(new SignalEngine.Input(EvidenceKind.SPIKE, spike.id(), spike.windowEnd(), receivedAt,
				ladCode, ladName, "category:" + spike.category(), null, null, List.of(), false, summary, false));
		opened(filed, null, null, ladCode, receivedAt);
		return filed.signalId();
	}

	/** Files a dangerous drug-checking result; a sample already filed changes nothing. */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID dangerousSample(DangerousSampleFound sample, Instant receivedAt) {
		var lad = sample.ladCode() == null ? Optional.<Area>empty() : geography.area(sample.ladCode());
		var ladCode = lad.map(Area::ladCode).orElse(EarlyWarningManagement.UNKNOWN_AREA);
		var ladName = lad.map(Area::ladName).orElse("Area not known");
		var found = sample.substanceCodes()
			.stream()
			.filter(SubstanceId::isValid)
			.map(c -> substances.find(new SubstanceId(c)))
			.flatMap(Optional::stream)
			.toList();
		var lead = lead(found);
		var groupKey = lead != null ? groupKey(lead, null) : "unknown";
		var summary = "Drug checking at " + sample.sessionSite() + " (" + sample.analysis() + "): sold as "
				+ sample.soldAs() + ", found " + String.join(", ", sample.substanceCodes())
				+ (sample.reasons().isEmpty() ? "" : " — " + String.join("; ", sample.reasons()));
		var filed = engine.file(new SignalEngine.Input(EvidenceKind.DRUG_CHECK, sample.sampleId(), sample.foundAt(),
				receivedAt, ladCode, ladName, groupKey, lead == null ? null : lead.id().code(),
				lead == null ? null : lead.substanceClass().name(), sample.substanceCodes(), false, summary,
				sample.flags().contains(ResultFlag.HIGH_STRENGTH)));
		opened(filed, lead == null ? null : lead.id().code(), lead == null ? null : lead.substanceClass().name(),
				ladCode, receivedAt);
		cases.resultFiled(filed.signalId(), sample.sampleId(), sample.analysis(), receivedAt);
		return filed.signalId();
	}

	/** The substance a signal is about: the most dangerous one named, else the first. */
	public @Nullable SubstanceSummary lead(List<SubstanceSummary> named) {
		return named.stream()
			.min(Comparator.comparingInt(
					(SubstanceSummary s) -> engine.dangerous(s.id().code()) ? 0 : s.has(RiskFlag.HIGH_POTENCY) ? 1 : 2))
			.orElse(null);
	}

}
