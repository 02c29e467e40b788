package org.harmwatch.earlywarning.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.ReportDraft;
import org.harmwatch.earlywarning.ReportReceived;
import org.harmwatch.earlywarning.ReportView;
import org.harmwatch.earlywarning.Reporter;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.SubstanceMention;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.GroupCommit;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.substances.SubstanceManagement;
import org.harmwatch.substances.SubstanceSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Takes a report in: checks it field by field, places it (a pin kept to about 100 m, or a
 * chosen district), resolves the substances it names, stores it, files it into a signal
 * and publishes {@link ReportReceived}.
 */
@Component
public class ReportIntake implements DisposableBean {

	static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

	static final Duration OLDEST = Duration.ofDays(366);

	/**
	 * How many batches of reports (of different districts and groups) are stored at once
	 * by default ({@code harmwatch.early-warning.intake-lanes}): each lane holds a
	 * database connection while its batch runs.
	 */
	static final int LANES = 2;

	/** At most this many reports in one transaction. */
	static final int MAX_BATCH = 128;

	private final SignalFiling filing;

	private final SubstanceManagement substances;

	private final GeographyManagement geography;

	private final ApplicationEventPublisher events;

	private final GroupCommit writes;

	private final SignalBatch batch;

	/**
	 * The reports of a group-commit batch are stored together (one instance, see run).
	 */
	private final GroupCommit.Batched<Pending, UUID> store = this::storeAll;

	ReportIntake(SignalFiling filing, SignalBatch batch, SubstanceManagement substances, GeographyManagement geography,
			ApplicationEventPublisher events, PlatformTransactionManager transactions,
			@Value("${harmwatch.early-warning.intake-lanes:" + LANES + "}") int lanes) {
		this.filing = filing;
		this.batch = batch;
		this.substances = substances;
		this.geography = geography;
		this.events = events;
		this.writes = new GroupCommit("reports", transactions, lanes, MAX_BATCH);
	}

	@Override
	public void destroy() {
		this.writes.close();
	}

	/**
	 * Checks, stores and files a report, and returns once it is committed.
	 *
	 * <p>
	 * Called outside a transaction, the report is stored and filed in a transaction
	 * shared with other reports arriving at the same time, one commit for all of them;
	 * inside one, in the caller's transaction.
	 * @param alsoStore stores what belongs with the report (its files), given its id, in
	 * the same transaction; it may run twice (see {@link GroupCommit})
	 * @throws InputRejectedException naming every wrong field; nothing is stored then
	 */
	public UUID submit(ReportDraft draft, @Nullable Reporter reporter, Instant receivedAt, Consumer<UUID> alsoStore) {
		var problems = new ArrayList<FieldProblem>();
		var place = check(draft, receivedAt, problems);
		var occurredAt = draft.occurredAt() == null ? null : micros(draft.occurredAt());
		var sourceType = draft.sourceType();
		var people = draft.people();
		if (!problems.isEmpty() || place == null || occurredAt == null || sourceType == null || people == null) {
			throw new InputRejectedException(problems);
		}
		var mentions = draft.substances().stream().filter(m -> !m.text().isBlank()).toList();
		var description = draft.description() == null || draft.description().isBlank() ? null
				: draft.description().strip();
		var id = UUID.randomUUID();
		var resolved = new ArrayList<ReportView.ReportedSubstance>();
		var named = new ArrayList<SubstanceSummary>();
		for (var mention : mentions) {
			var text = mention.text().strip();
			var s = substances.resolve(text).map(r -> r.substance()).orElse(null);
			if (s != null) {
				named.add(s);
			}
			resolved.add(new ReportView.ReportedSubstance(text, s == null ? null : s.id().code(),
					s == null ? null : s.name(), s == null ? null : s.substanceClass().name(), mention.howKnown()));
		}
		var outcomes = draft.outcomes().stream().sorted().toList();
		var lead = filing.lead(named);
		var chosenClass = lead != null ? lead.substanceClass() : draft.substanceClass();
		var codes = named.stream().map(s -> s.id().code()).distinct().toList();
		var summary = label(sourceType) + ": "
				+ outcomes.stream().map(o -> o.name().toLowerCase().replace('_', ' ')).collect(Collectors.joining(", "))
				+ (resolved.isEmpty() ? ""
						: " — " + resolved.stream()
							.map(r -> r.name() != null ? r.name() : "\"" + r.text() + "\"")
							.collect(Collectors.joining(", ")))
				+ " (" + people + (people == 1 ? " person)" : " people)");
		var report = new ReportRepository.NewReport(id, draft.channel(), sourceType, occurredAt, receivedAt, place,
				draft.substanceClass() == null ? null : draft.substanceClass().name(), outcomes, people, description,
				reporter == null ? null : reporter.id(), reporter == null ? null : reporter.name(),
				reporter == null ? null : reporter.agencyCode(), reporter == null ? null : reporter.agencyName(),
				resolved);
		var evidence = filing.reportInput(id, occurredAt, receivedAt, place.ladCode(), place.ladName(), named,
				draft.substanceClass(), draft.outcomes().contains(Outcome.DEATH), summary);
		// Everything above needs no database; what follows runs in a transaction shared
		// with other reports of the same district and group (see GroupCommit), in a few
		// statements for all of them (see SignalBatch).
		return writes.run(evidence.ladCode() + "|" + evidence.groupKey(), this.store,
				new Pending(report, alsoStore, evidence, codes, lead == null ? null : lead.id().code(),
						chosenClass == null ? null : chosenClass.name()));
	}

	/** A checked report on its way to the database. */
	record Pending(ReportRepository.NewReport report, Consumer<UUID> alsoStore, SignalEngine.Input evidence,
			List<String> codes, @Nullable String leadCode, @Nullable String chosenClass) {
	}

	/**
	 * Stores, files and announces reports in the caller's transaction, in the order
	 * given; returns their ids.
	 */
	List<UUID> storeAll(List<Pending> pending) {
		batch.storeAndFile(pending.stream().map(Pending::report).toList(),
				pending.stream().map(Pending::evidence).toList(), () -> {
					for (var p : pending) {
						p.alsoStore().accept(p.report().id());
					}
				}, (i, filed) -> {
					var p = pending.get(i);
					var r = p.report();
					events.publishEvent(new ReportReceived(r.id(), filed.signalId(), r.channel(), r.sourceType(),
							r.place().ladCode(), p.codes(), r.outcomes(), r.occurredAt(), r.receivedAt()));
					filing.opened(filed, p.leadCode(), p.chosenClass(), r.place().ladCode(), r.receivedAt());
				});
		return pending.stream().map(p -> p.report().id()).toList();
	}

	/**
	 * A time as PostgreSQL keeps it, to the microsecond (rounded half up, as the JDBC
	 * driver sends it), so that the batch's own comparisons of times agree with the
	 * database's.
	 */
	static Instant micros(Instant at) {
		return at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * What is wrong with a report, field by field; empty when it can be stored. Stores
	 * nothing.
	 */
	public List<FieldProblem> check(ReportDraft draft, Instant receivedAt) {
		var problems = new ArrayList<FieldProblem>();
		check(draft, receivedAt, problems);
		return problems;
	}

	/** Adds what is wrong to {@code problems}; returns where it happened when it can. */
	private @Nullable ReportPlace check(ReportDraft draft, Instant receivedAt, List<FieldProblem> problems) {
		if (draft.sourceType() == null) {
			problems.add(FieldProblem.of("sourceType", "earlywarning.error.sourceType"));
		}
		else if (draft.channel() == Channel.PUBLIC_FORM && draft.sourceType() != SourceType.MEMBER_OF_PUBLIC) {
			problems.add(FieldProblem.of("sourceType", "earlywarning.error.sourceType.public"));
		}
		var occurredAt = draft.occurredAt();
		if (occurredAt == null) {
			problems.add(FieldProblem.of("occurredAt", "earlywarning.error.occurredAt.required"));
		}
		else if (occurredAt.isAfter(receivedAt.plus(FUTURE_TOLERANCE))) {
			problems.add(FieldProblem.of("occurredAt", "earlywarning.error.occurredAt.future"));
		}
		else if (occurredAt.isBefore(receivedAt.minus(OLDEST))) {
			problems.add(FieldProblem.of("occurredAt", "earlywarning.error.occurredAt.old"));
		}
		var place = place(draft, problems);
		List<SubstanceMention> mentions = draft.substances().stream().filter(m -> !m.text().isBlank()).toList();
		if (mentions.size() > 10) {
			problems.add(FieldProblem.of("substances", "earlywarning.error.substances.tooMany", "10"));
		}
		for (int i = 0; i < mentions.size(); i++) {
			if (mentions.get(i).text().strip().length() > 200) {
				problems.add(FieldProblem.of("substances[" + i + "]", "earlywarning.error.substance.tooLong"));
			}
		}
		if (draft.outcomes().isEmpty()) {
			problems.add(FieldProblem.of("outcomes", "earlywarning.error.outcomes.required"));
		}
		if (draft.people() == null) {
			problems.add(FieldProblem.of("people", "earlywarning.error.people.required"));
		}
		else if (draft.people() < 1 || draft.people() > 1000) {
			problems.add(FieldProblem.of("people", "earlywarning.error.people.range"));
		}
		var description = draft.description() == null || draft.description().isBlank() ? null
				: draft.description().strip();
		if (description != null && description.length() > 4000) {
			problems.add(FieldProblem.of("description", "earlywarning.error.description.tooLong"));
		}
		return place;
	}

	private @Nullable ReportPlace place(ReportDraft draft, List<FieldProblem> problems) {
		var lat = draft.lat();
		var lon = draft.lon();
		if (lat != null || lon != null) {
			if (lat == null || lon == null || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
				problems.add(FieldProblem.of("lat", "earlywarning.error.pin.incomplete"));
				return null;
			}
			var found = geography.lookup(lat, lon);
			if (found.isEmpty()) {
				problems.add(FieldProblem.of("lat", "earlywarning.error.pin.outside"));
				return null;
			}
			var at = found.get();
			// Kept to about 100 m (three decimal places): enough to group reports, not
			// enough to point at a home.
			return new ReportPlace(Math.round(lat * 1000) / 1000.0, Math.round(lon * 1000) / 1000.0, at.lad().code(),
					at.lad().name(), at.ward() == null ? null : at.ward().code(),
					at.ward() == null ? null : at.ward().name(), at.lsoa() == null ? null : at.lsoa().code());
		}
		var code = draft.ladCode();
		if (code == null || code.isBlank()) {
			problems.add(FieldProblem.of("ladCode", "earlywarning.error.ladCode.required"));
			return null;
		}
		var lad = geography.area(code.strip()).filter(a -> a.level() == AreaLevel.LAD);
		if (lad.isEmpty()) {
			problems.add(FieldProblem.of("ladCode", "earlywarning.error.ladCode.unknown"));
			return null;
		}
		return new ReportPlace(null, null, lad.get().code(), lad.get().name(), null, null, null);
	}

	static String label(SourceType type) {
		var words = type.name().toLowerCase().replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
