package org.harmwatch.overdose.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.Observation;
import org.harmwatch.analytics.Observer;
import org.harmwatch.overdose.IncidentDraft;
import org.harmwatch.overdose.IncidentOutcome;
import org.harmwatch.overdose.IncidentSource;
import org.harmwatch.overdose.OverdoseRecorded;
import org.harmwatch.overdose.OverdosesImported;
import org.harmwatch.overdose.RecordedVia;
import org.harmwatch.overdose.Recorded;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
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

	private final Clock clock;

	IncidentIntake(IncidentRepository incidents, IncidentLocator locator, SubstanceManagement substances,
			AnalyticsManagement analytics, ApplicationEventPublisher events, Clock clock) {
		this.incidents = incidents;
		this.locator = locator;
		this.substances = substances;
		this.analytics = analytics;
		this.events = events;
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
	 * file order, a few thousand at a time (an import): those whose source reference the
	 * agency sent before are not stored again; a repeat overdose is found among those
	 * stored before and those earlier in the list; one {@link OverdosesImported} is
	 * published per few thousand stored.
	 * @param progress told how many drafts are done so far
	 * @return how many were stored
	 */
	public int recordAll(List<Checked> drafts, Recorder recorder, RecordedVia via, IntConsumer progress) {
		var references = new HashSet<String>();
		var personCodes = new HashSet<String>();
		for (var checked : drafts) {
			var draft = checked.draft();
			if (draft.sourceReference() != null) {
				references.add(draft.sourceReference());
			}
			if (draft.personCode() != null) {
				personCodes.add(draft.personCode());
			}
		}
		var known = references.isEmpty() ? Set.<String>of()
				: incidents.referencesKnown(recorder.agencyCode(), references);
		var before = personCodes.isEmpty() ? new HashMap<String, List<Instant>>()
				: incidents.overdosesOf(recorder.agencyCode(), personCodes);
		// Each distinct substance text resolved once, here: the vocabulary may read the
		// database, which only this thread (the transaction's) may.
		var resolved = new HashMap<String, Optional<Resolution>>();
		for (var checked : drafts) {
			for (var words : checked.draft().substances()) {
				resolved.computeIfAbsent(words, substances::resolve);
			}
		}
		Function<String, Optional<Resolution>> resolver = resolved::get;
		var observer = analytics.observer();
		// While this thread stores a chunk (mostly waiting for the database), another
		// builds the next one: the incidents, their observations and the copy streams.
		var preparer = Executors
			.newSingleThreadExecutor(Thread.ofPlatform().name("import-prepare-", 1).daemon(true).factory());
		try {
			int stored = 0;
			int done = 0;
			Future<Prepared> next = preparer.submit(() -> prepare(drafts.subList(0, Math.min(drafts.size(), BATCH)),
					known, before, recorder, via, resolver, observer));
			for (int from = 0; from < drafts.size(); from += BATCH) {
				var chunk = awaited(next);
				int after = from + BATCH;
				if (after < drafts.size()) {
					next = preparer.submit(() -> prepare(drafts.subList(after, Math.min(drafts.size(), after + BATCH)),
							known, before, recorder, via, resolver, observer));
				}
				var ids = incidents.insertAll(chunk.incidents());
				var recorded = new ArrayList<OverdoseRecorded>();
				if (ids.size() == chunk.batch().size()) {
					observer.observe(chunk.observations());
					chunk.batch().forEach(incident -> recorded.add(recorded(incident)));
				}
				else {
					// Some were sent at the same moment by another request: observe the
					// rest.
					var observations = new ArrayList<Observation>();
					for (var incident : chunk.batch()) {
						if (ids.contains(incident.id())) {
							observations.addAll(observations(incident, chunk.places().get(incident.id())));
							recorded.add(recorded(incident));
						}
					}
					analytics.observeAll(observations);
				}
				if (!recorded.isEmpty()) {
					events.publishEvent(new OverdosesImported(recorded));
				}
				stored += ids.size();
				done += chunk.rows();
				progress.accept(done);
			}
			return stored;
		}
		finally {
			preparer.shutdownNow();
		}
	}

	/**
	 * One chunk of an import made ready to store.
	 *
	 * @param rows the drafts it came from (those sent before included)
	 */
	private record Prepared(int rows, List<StoredIncident> batch, Map<UUID, IncidentLocator.Place> places,
			IncidentRepository.Prepared incidents, Observer.Prepared observations) {
	}

	/**
	 * Builds a chunk's incidents (those not sent before), finds repeats among those
	 * before and earlier in the file, and prepares their rows and observations; reads
	 * nothing from the database. Chunks are prepared one at a time, in file order.
	 */
	private Prepared prepare(List<Checked> chunk, Set<String> known, Map<String, List<Instant>> before,
			Recorder recorder, RecordedVia via, Function<String, Optional<Resolution>> resolver, Observer observer) {
		var batch = new ArrayList<StoredIncident>(chunk.size());
		var places = new HashMap<UUID, IncidentLocator.Place>();
		var observations = new ArrayList<Observation>(chunk.size());
		for (var checked : chunk) {
			var draft = checked.draft();
			if (draft.sourceReference() != null && known.contains(draft.sourceReference())) {
				continue;
			}
			var place = checked.place();
			boolean repeat = false;
			if (draft.personCode() != null) {
				var at = draft.occurredAt();
				var earlier = before.computeIfAbsent(sourceOf(draft, recorder).name() + "|" + draft.personCode(),
						k -> new ArrayList<>());
				var yearBefore = at.minus(Duration.ofDays(365));
				repeat = earlier.stream().anyMatch(t -> !t.isBefore(yearBefore) && t.isBefore(at));
				earlier.add(at);
			}
			var incident = incident(draft, recorder, via, place, repeat, resolver);
			batch.add(incident);
			places.put(incident.id(), place);
			observations.addAll(observations(incident, place));
		}
		return new Prepared(chunk.size(), batch, places, incidents.prepare(batch), observer.prepare(observations));
	}

	/** The chunk another thread prepared; what went wrong there is thrown here. */
	private static Prepared awaited(Future<Prepared> chunk) {
		try {
			return chunk.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("The import was interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Incidents stored, observed and published together by {@link #recordAll}. */
	static final int BATCH = 5_000;

	private static IncidentSource sourceOf(IncidentDraft draft, Recorder recorder) {
		return draft.source() != null ? draft.source() : IncidentSource.of(recorder.agencyType());
	}

	private StoredIncident incident(IncidentDraft draft, Recorder recorder, RecordedVia via,
			IncidentLocator.Place place, boolean repeat, Function<String, Optional<Resolution>> resolver) {
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
	private static List<Observation> observations(StoredIncident incident, IncidentLocator.Place place) {
		var at = place.observedAt();
		if (at == null) {
			return List.of();
		}
		return List.of(new Observation(SOURCE, incident.id().toString(), CATEGORY, incident.occurredAt(), at.lat(),
				at.lon(), 1, incident.source().name(), incident.substanceClasses()));
	}

	private static OverdoseRecorded recorded(StoredIncident incident) {
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
