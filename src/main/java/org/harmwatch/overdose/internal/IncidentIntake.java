package org.harmwatch.overdose.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.Observation;
import org.harmwatch.overdose.IncidentDraft;
import org.harmwatch.overdose.IncidentOutcome;
import org.harmwatch.overdose.IncidentSource;
import org.harmwatch.overdose.OverdoseRecorded;
import org.harmwatch.overdose.OverdosesImported;
import org.harmwatch.overdose.RecordedVia;
import org.harmwatch.overdose.Recorded;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.LinkedTransactions;
import org.harmwatch.platform.SafeText;
import org.harmwatch.platform.TimeOrderedIds;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Purpose;
import org.harmwatch.substances.Resolution;
import org.harmwatch.substances.SubstanceManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Takes in one incident, whichever way it came (form, partner API, import): checks it,
 * places it, resolves its substances through the vocabulary, marks a repeat overdose,
 * stores it, hands it to the analytics engine as observations, and publishes
 * {@link OverdoseRecorded}, all in the caller's transaction.
 *
 * <p>
 * Each incident becomes one observation, {@code OVERDOSE} (all overdoses), carrying the
 * substance classes it involves, ancestors included (a nitazene overdose is an opioid
 * overdose too): the engine counts it under {@code OVERDOSE:<class>} for each, so that
 * spikes are found by area and by class. It carries the incident's source as its tag, so
 * that an evaluation can count ambulance call-outs alone.
 */
@Component
public class IncidentIntake {

	/** The analytics source name of incidents. */
	public static final String SOURCE = "overdose";

	/** The analytics category of every overdose. */
	public static final String CATEGORY = "OVERDOSE";

	static final int MAX_TEXT = 100;

	static final int MAX_SUBSTANCES = 20;

	static final int MAX_SUBSTANCE_TEXT = 200;

	static final int MAX_NALOXONE = 10;

	static final int MAX_DOSES = 20;

	/** The earliest incident taken in: older records are history for the deaths view. */
	static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

	/** How far ahead of our clock a device's clock may be. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

	private final IncidentRepository incidents;

	private final IncidentLocator locator;

	private final SubstanceManagement substances;

	private final AnalyticsManagement analytics;

	private final ApplicationEventPublisher events;

	private final LinkedTransactions linkedTransactions;

	private final Clock clock;

	IncidentIntake(IncidentRepository incidents, IncidentLocator locator, SubstanceManagement substances,
			AnalyticsManagement analytics, ApplicationEventPublisher events, LinkedTransactions linkedTransactions,
			Clock clock) {
		this.incidents = incidents;
		this.locator = locator;
		this.substances = substances;
		this.analytics = analytics;
		this.events = events;
		this.linkedTransactions = linkedTransactions;
		this.clock = clock;
	}

	/**
	 * Who records: the agency that will own the incident, its type, and the person.
	 */
	public record Recorder(String agencyCode, AgencyType agencyType, String username) {
	}

	/**
	 * Records the incident for the recorder's agency; an incident whose source reference
	 * the agency sent before is not stored again (and publishes nothing).
	 * @throws InputRejectedException naming each field that is wrong; nothing is stored
	 */
	public Recorded record(IncidentDraft draft, Recorder recorder, RecordedVia via) {
		return record(draft, recorder, via, false);
	}

	/**
	 * Records the incident as {@link #record(IncidentDraft, Recorder, RecordedVia)} does;
	 * with {@code keepPlaces}, a place that is not in the region (a US ZIP code in a
	 * foreign file) is kept as written and a missing one as not known, neither observed.
	 */
	public Recorded record(IncidentDraft draft, Recorder recorder, RecordedVia via, boolean keepPlaces) {
		var checked = check(draft, keepPlaces);
		if (draft.sourceReference() != null) {
			var existing = incidents.idOf(recorder.agencyCode(), draft.sourceReference());
			if (existing.isPresent()) {
				return new Recorded(existing.get(), false);
			}
		}
		boolean repeat = draft.personCode() != null && incidents.overdosedWithinYear(recorder.agencyCode(),
				sourceOf(draft, recorder), draft.personCode(), draft.occurredAt());
		var incident = incident(draft, recorder, via, checked, repeat, substances::resolve);
		var place = checked;
		if (!incidents.insert(incident)) {
			// Sent at the same moment by a second request with the same reference.
			return new Recorded(incidents.idOf(recorder.agencyCode(), draft.sourceReference()).orElseThrow(), false);
		}
		observations(incident, place).forEach(analytics::observe);
		events.publishEvent(recorded(incident));
		return new Recorded(incident.id(), true);
	}

	/**
	 * Records many incidents, each checked and placed already by {@link #checked}, for
	 * the recorder's agency as
	 * {@link #record(IncidentDraft, Recorder, RecordedVia, boolean)} records each, in
	 * file order, up to {@value #BATCH} at a time (an import): those whose source
	 * reference the agency sent before are not stored again; a repeat overdose is found
	 * among those stored before and those earlier in the list; one
	 * {@link OverdosesImported} is published per chunk stored, carrying those of them at
	 * which naloxone was given (none when there are none: what it says of the others, no
	 * listener needs, and its JSON, written into the event publication table in the
	 * import's transaction, was the largest part of an import's database work after the
	 * rows themselves).
	 * @param progress told how many drafts are done so far
	 * @return how many were stored
	 */
	public int recordAll(List<Checked> drafts, Recorder recorder, RecordedVia via, IntConsumer progress) {
		try (var recording = recording(recorder, via, progress)) {
			recording.accept(drafts);
			return recording.finish();
		}
	}

	/**
	 * Starts recording an import's incidents as they come (while the rest of its file is
	 * still being checked), in the caller's transaction and on its thread: given all at
	 * once, what {@link #recordAll} records. From the second chunk on, the observations
	 * are stored in a transaction linked to the caller's (committed if and only if the
	 * caller's is; {@link IncidentRecording}).
	 * @param progress told how many drafts are done so far
	 */
	public IncidentRecording recording(Recorder recorder, RecordedVia via, IntConsumer progress) {
		return new IncidentRecording(this, incidents, substances, analytics, events, linkedTransactions, recorder, via,
				progress);
	}

	/**
	 * Incidents stored, observed and published together by {@link #recordAll}: large,
	 * because each chunk is copied in the order of its times (four indexes are on times;
	 * round 23 in docs/benchmarks.md: the import's database process spent a quarter less
	 * with chunks of 40,000-100,000 so ordered than with 5,000 in file order).
	 */
	static final int BATCH = 50_000;

	static IncidentSource sourceOf(IncidentDraft draft, Recorder recorder) {
		return draft.source() != null ? draft.source() : IncidentSource.of(recorder.agencyType());
	}

	StoredIncident incident(IncidentDraft draft, Recorder recorder, RecordedVia via, IncidentLocator.Place place,
			boolean repeat, Function<String, Optional<Resolution>> resolver) {
		var names = new ArrayList<String>();
		var classes = new LinkedHashSet<String>();
		for (var words : draft.substances()) {
			var resolved = resolver.apply(words);
			if (resolved.isPresent()) {
				var substance = resolved.get().substance();
				if (!names.contains(substance.name())) {
					names.add(substance.name());
				}
				substance.substanceClass().lineage().forEach(c -> classes.add(c.name()));
			}
			else if (!names.contains(words)) {
				names.add(words);
			}
		}
		var purpose = recorder.agencyType().lawEnforcement() ? Purpose.POLICING : Purpose.HEALTH;
		var outcome = draft.outcome() == null && draft.fatal() ? IncidentOutcome.DIED : draft.outcome();
		return new StoredIncident(TimeOrderedIds.next(clock.millis()), recorder.agencyCode(), purpose,
				sourceOf(draft, recorder), draft.sourceReference(), draft.occurredAt(), place.lat(), place.lon(),
				place.areaCode(), place.areaLevel(), place.ladCode(), place.postcodeDistrict(), draft.fatal(),
				draft.ageBand(), draft.sex(), names, List.copyOf(classes), draft.substanceBasis(), outcome,
				draft.personCode(), repeat, via, recorder.username(), clock.instant(), draft.naloxone());
	}

	/**
	 * The incident's observation: {@code OVERDOSE}, carrying its substance classes (so it
	 * counts under {@code OVERDOSE:<class>} for each too), tagged with the incident's
	 * source ({@code AMBULANCE} for a call-out); none when its place is not counted.
	 */
	static List<Observation> observations(StoredIncident incident, IncidentLocator.Place place) {
		var at = place.observedAt();
		if (at == null) {
			return List.of();
		}
		return List.of(new Observation(SOURCE, incident.id().toString(), CATEGORY, incident.occurredAt(), at.lat(),
				at.lon(), 1, incident.source().name(), incident.substanceClasses()));
	}

	static OverdoseRecorded recorded(StoredIncident incident) {
		return new OverdoseRecorded(incident.id(), incident.occurredAt(), incident.ladCode(), incident.fatal(),
				incident.ownerAgency(), incident.naloxone());
	}

	/**
	 * A draft that passed {@link #check(IncidentDraft, boolean)}, with the place the
	 * check found for it, so that an import places each row once.
	 */
	public record Checked(IncidentDraft draft, IncidentLocator.Place place) {
	}

	/**
	 * Checks the draft as {@link #check(IncidentDraft, boolean)} does, keeping its place.
	 * @throws InputRejectedException naming each field that is wrong
	 */
	public Checked checked(IncidentDraft draft, boolean keepPlaces) {
		return new Checked(draft, check(draft, keepPlaces));
	}

	/**
	 * Checks what the draft says on its own and places it.
	 * @throws InputRejectedException naming each field that is wrong
	 */
	IncidentLocator.Place check(IncidentDraft draft) {
		return check(draft, false);
	}

	/**
	 * Checks the draft; with {@code keepPlaces}, a place not in the region is kept as
	 * written and none given is not known.
	 * @throws InputRejectedException naming each field that is wrong
	 */
	IncidentLocator.Place check(IncidentDraft draft, boolean keepPlaces) {
		var problems = new ArrayList<FieldProblem>();
		var now = clock.instant();
		if (draft.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
			problems.add(FieldProblem.of("occurredAt", "overdose.occurredAt.future"));
		}
		else if (draft.occurredAt().isBefore(EARLIEST)) {
			problems.add(FieldProblem.of("occurredAt", "overdose.occurredAt.tooOld",
					EARLIEST.atOffset(ZoneOffset.UTC).getYear()));
		}
		IncidentLocator.Place place = null;
		try {
			place = place(draft);
		}
		catch (IncidentLocator.Unplaced ex) {
			var words = draft.location() == null ? "" : draft.location().strip();
			if (keepPlaces && draft.lat() == null && draft.lon() == null && words.length() <= MAX_TEXT
					&& SafeText.isSafe(words)) {
				place = new IncidentLocator.Place(null, null, null, null, null, words.isEmpty() ? null : words, null);
			}
			else {
				problems.add(FieldProblem.of("location", ex.code()));
			}
		}
		if (draft.naloxone().size() > MAX_NALOXONE) {
			problems.add(FieldProblem.of("naloxoneDoses", "overdose.naloxone.tooMany", MAX_NALOXONE));
		}
		else if (draft.naloxone().stream().mapToInt(n -> n.doses()).sum() > MAX_DOSES) {
			problems.add(FieldProblem.of("naloxoneDoses", "overdose.naloxone.doses.range", MAX_DOSES));
		}
		text(problems, "sourceReference", draft.sourceReference(), MAX_TEXT);
		text(problems, "personCode", draft.personCode(), MAX_TEXT);
		if (draft.substances().size() > MAX_SUBSTANCES) {
			problems.add(FieldProblem.of("substances", "overdose.substances.tooMany", MAX_SUBSTANCES));
		}
		else {
			for (var words : draft.substances()) {
				if (words.isBlank() || words.length() > MAX_SUBSTANCE_TEXT || !SafeText.isSafe(words)) {
					problems.add(FieldProblem.of("substances", "overdose.substances.invalid", MAX_SUBSTANCE_TEXT));
					break;
				}
			}
		}
		if (draft.outcome() != null && draft.fatal() != (draft.outcome() == IncidentOutcome.DIED)) {
			problems.add(FieldProblem.of("outcome", "overdose.outcome.contradicts"));
		}
		for (var given : draft.naloxone()) {
			if (given.holderAgencyCode() != null
					&& (given.holderAgencyCode().length() > MAX_TEXT || !SafeText.isSafe(given.holderAgencyCode()))) {
				problems.add(FieldProblem.of("naloxoneHolder", "overdose.naloxone.holder.invalid", MAX_TEXT));
				break;
			}
		}
		if (!problems.isEmpty() || place == null) {
			throw new InputRejectedException(problems);
		}
		return place;
	}

	private IncidentLocator.Place place(IncidentDraft draft) throws IncidentLocator.Unplaced {
		if (draft.lat() != null && draft.lon() != null) {
			if (!Double.isFinite(draft.lat()) || !Double.isFinite(draft.lon())) {
				throw new IncidentLocator.Unplaced("overdose.location.outsideRegion");
			}
			return locator.point(draft.lat(), draft.lon());
		}
		if (draft.lat() != null || draft.lon() != null) {
			throw new IncidentLocator.Unplaced("overdose.location.pointIncomplete");
		}
		var words = draft.location();
		if (words == null || words.isBlank()) {
			throw new IncidentLocator.Unplaced("overdose.location.required");
		}
		if (words.length() > MAX_TEXT || !SafeText.isSafe(words)) {
			throw new IncidentLocator.Unplaced("overdose.location.unknown");
		}
		return locator.area(words);
	}

	private static void text(List<FieldProblem> problems, String field, @Nullable String value, int max) {
		if (value != null && (value.isBlank() || value.length() > max || !SafeText.isSafe(value))) {
			problems.add(FieldProblem.of(field, "overdose." + field + ".invalid", max));
		}
	}

}
