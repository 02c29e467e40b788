package org.harmwatch.overdose.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.Observation;
import org.harmwatch.analytics.Observer;
import org.harmwatch.overdose.OverdoseRecorded;
import org.harmwatch.overdose.OverdosesImported;
import org.harmwatch.overdose.RecordedVia;
import org.harmwatch.overdose.internal.IncidentIntake.Checked;
import org.harmwatch.overdose.internal.IncidentIntake.Recorder;
import org.harmwatch.platform.Futures;
import org.harmwatch.platform.LinkedTransactions;
import org.harmwatch.substances.Resolution;
import org.harmwatch.substances.SubstanceManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * An import's incidents, recorded as {@link IncidentIntake#recordAll} records them while
 * they are handed over a few thousand at a time, in file order ({@link #accept}), on the
 * thread that holds the transaction; {@link #finish} stores the rest. While this thread
 * stores a chunk (mostly waiting for the database), another builds the next one: the
 * incidents, their observations and the copy streams.
 *
 * <p>
 * An import of more than one chunk stores its observations in a
 * {@linkplain LinkedTransactions linked transaction}, on a second database process, while
 * the transaction's own process stores the next chunk's incidents: one process was the
 * floor of an import's time (docs/benchmarks.md). The linked transaction commits if and
 * only if the import's does. A server that cannot prepare transactions, and an import of
 * one chunk, store them in the import's transaction.
 */
public final class IncidentRecording implements AutoCloseable {

	private final Recorder recorder;

	private final RecordedVia via;

	private final IntConsumer progress;

	private final IncidentIntake intake;

	private final IncidentRepository incidents;

	private final SubstanceManagement substances;

	private final AnalyticsManagement analytics;

	private final ApplicationEventPublisher events;

	private final Observer observer;

	private final LinkedTransactions linkedTransactions;

	/** Where the observations are stored once there is more than one chunk. */
	private LinkedTransactions.@Nullable Linked linked;

	private final boolean referencesBefore;

	private final boolean personCodesBefore;

	/** Bits for an incident's place in its chunk when a chunk is sorted by time. */
	private static final int INDEX_BITS = 20;

	static {
		if (IncidentIntake.BATCH > 1 << INDEX_BITS) {
			throw new ExceptionInInitializerError("A chunk's index must fit in " + INDEX_BITS + " bits");
		}
	}

	private final ExecutorService preparer = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("import-prepare-", 1).daemon(true).factory());

	/**
	 * When each person code's overdoses happened, by source and code: those stored
	 * before, read when a code first comes, then those earlier in the file (only the
	 * preparing thread touches it).
	 */
	private final Map<String, List<Instant>> before = new HashMap<>();

	private final Set<String> personCodesRead = new HashSet<>();

	/**
	 * Each distinct substance text resolved once, here: the vocabulary may read the
	 * database, which only this thread (the transaction's) may.
	 */
	private final Map<String, Optional<Resolution>> resolved = new ConcurrentHashMap<>();

	private final List<Checked> waiting = new ArrayList<>();

	private @Nullable Future<Prepared> preparing;

	private int stored;

	private int done;

	IncidentRecording(IncidentIntake intake, IncidentRepository incidents, SubstanceManagement substances,
			AnalyticsManagement analytics, ApplicationEventPublisher events, LinkedTransactions linkedTransactions,
			Recorder recorder, RecordedVia via, IntConsumer progress) {
		this.intake = intake;
		this.incidents = incidents;
		this.substances = substances;
		this.analytics = analytics;
		this.events = events;
		this.observer = analytics.observer();
		this.linkedTransactions = linkedTransactions;
		// Read before anything is stored: an agency that never sent a reference (person
		// code) needs none looked up; the rows this import stores are not "sent before"
		// (a reference twice in the file is a bad row, found at its end).
		this.referencesBefore = incidents.hasAny(recorder.agencyCode(), false);
		this.personCodesBefore = incidents.hasAny(recorder.agencyCode(), true);
		this.recorder = recorder;
		this.via = via;
		this.progress = progress;
	}

	/**
	 * Takes the next drafts in file order, each checked and placed already by
	 * {@link IncidentIntake#checked}: reads what they need from the database, and stores
	 * the chunks that are full.
	 */
	public void accept(List<Checked> drafts) {
		for (var checked : drafts) {
			for (var words : checked.draft().substances()) {
				if (!resolved.containsKey(words)) {
					resolved.put(words, substances.resolve(words));
				}
			}
		}
		waiting.addAll(drafts);
		int from = 0;
		while (waiting.size() - from >= IncidentIntake.BATCH) {
			prepareNext(List.copyOf(waiting.subList(from, from + IncidentIntake.BATCH)));
			from += IncidentIntake.BATCH;
		}
		waiting.subList(0, from).clear();
	}

	/**
	 * Stores the drafts still waiting and the chunk being prepared.
	 * @return how many were stored in all
	 */
	public int finish() {
		if (!waiting.isEmpty()) {
			prepareNext(List.copyOf(waiting));
			waiting.clear();
		}
		if (preparing != null) {
			var last = preparing;
			preparing = null;
			store(Futures.awaited(last), false);
		}
		if (linked != null) {
			linked.await();
		}
		return stored;
	}

	/**
	 * Stops the preparing thread; what was stored stays for the caller to keep or roll
	 * back.
	 */
	@Override
	public void close() {
		preparer.shutdownNow();
	}

	/** Has the chunk prepared, then stores the one prepared before it meanwhile. */
	private void prepareNext(List<Checked> chunk) {
		Function<String, Optional<Resolution>> resolver = resolved::get;
		var next = preparer.submit(() -> prepare(chunk, resolver));
		var previous = preparing;
		preparing = next;
		if (previous != null) {
			store(Futures.awaited(previous), true);
		}
	}

	/**
	 * Stores the chunk's incidents, and has its observations stored (on the linked
	 * transaction's process, once there is one, while this thread goes on).
	 * @param more whether another chunk follows
	 */
	private void store(Prepared chunk, boolean more) {
		if (linked == null && more && linkedTransactions.available()) {
			linked = linkedTransactions.open("import");
		}
		var ids = incidents.insertAll(chunk.incidents());
		var recorded = new ArrayList<OverdoseRecorded>();
		if (ids.size() == chunk.batch().size()) {
			observe(() -> observer.observe(chunk.observations()));
			for (var incident : chunk.batch()) {
				if (!incident.naloxone().isEmpty()) {
					recorded.add(IncidentIntake.recorded(incident));
				}
			}
		}
		else {
			// Some were sent at the same moment by another request: observe the
			// rest.
			var observations = new ArrayList<Observation>();
			for (int i = 0; i < chunk.batch().size(); i++) {
				var incident = chunk.batch().get(i);
				if (ids.contains(incident.id())) {
					observations.addAll(IncidentIntake.observations(incident, chunk.places().get(i)));
					if (!incident.naloxone().isEmpty()) {
						recorded.add(IncidentIntake.recorded(incident));
					}
				}
			}
			observe(() -> analytics.observeAll(observations));
		}
		if (!recorded.isEmpty()) {
			events.publishEvent(new OverdosesImported(recorded));
		}
		stored += ids.size();
		done += chunk.rows();
		progress.accept(done);
	}

	/**
	 * Stores observations in the linked transaction, after the chunk before has been (so
	 * that no more than one chunk waits in memory), or here when there is none.
	 */
	private void observe(Runnable observations) {
		if (linked == null) {
			observations.run();
		}
		else {
			linked.await();
			linked.submit(observations);
		}
	}

	/**
	 * One chunk of an import made ready to store.
	 *
	 * @param rows the drafts it came from (those sent before included)
	 * @param batch its incidents in file order
	 * @param places the place of each of them
	 */
	private record Prepared(int rows, List<StoredIncident> batch, List<IncidentLocator.Place> places,
			IncidentRepository.Prepared incidents, Observer.Prepared observations) {
	}

	/**
	 * Builds a chunk's incidents (those not sent before), finds repeats among those
	 * before and earlier in the file, and prepares their rows and observations; reads
	 * from the database only what was committed before (on its own connection, not in the
	 * import's transaction). Chunks are prepared one at a time, in file order.
	 */
	private Prepared prepare(List<Checked> chunk, Function<String, Optional<Resolution>> resolver) {
		// What the agency sent before the import, read on this thread, i.e. on a
		// connection of its own, outside the import's transaction (and on another
		// database process than the one storing): the rows the import stores are not
		// "sent before" (a reference twice in the file is a bad row, found at its end),
		// and one stored meanwhile by another request is caught when the chunk is copied.
		var references = new HashSet<String>();
		var personCodes = new HashSet<String>();
		for (var checked : chunk) {
			var draft = checked.draft();
			if (draft.sourceReference() != null) {
				references.add(draft.sourceReference());
			}
			if (draft.personCode() != null && personCodesRead.add(draft.personCode())) {
				personCodes.add(draft.personCode());
			}
		}
		Set<String> known = referencesBefore && !references.isEmpty()
				? incidents.referencesKnown(recorder.agencyCode(), references) : Set.of();
		if (personCodesBefore && !personCodes.isEmpty()) {
			incidents.overdosesOf(recorder.agencyCode(), personCodes).forEach(before::putIfAbsent);
		}
		var batch = new ArrayList<StoredIncident>(chunk.size());
		var places = new ArrayList<IncidentLocator.Place>(chunk.size());
		for (var checked : chunk) {
			var draft = checked.draft();
			if (draft.sourceReference() != null && known.contains(draft.sourceReference())) {
				continue;
			}
			var place = checked.place();
			boolean repeat = false;
			if (draft.personCode() != null) {
				var at = draft.occurredAt();
				var earlier = before.computeIfAbsent(
						IncidentIntake.sourceOf(draft, recorder).name() + "|" + draft.personCode(),
						k -> new ArrayList<>());
				var yearBefore = at.minus(Duration.ofDays(365));
				repeat = earlier.stream().anyMatch(t -> !t.isBefore(yearBefore) && t.isBefore(at));
				earlier.add(at);
			}
			var incident = intake.incident(draft, recorder, via, place, repeat, resolver);
			batch.add(incident);
			places.add(place);
		}
		// Copied in the order of their times: four indexes are on times, and a chunk's
		// rows inserted in that order touch each index page once, in turn, instead of
		// at random (the events and the outcome keep the file's order). Sorted once, as
		// numbers: each incident's second, then its place in the file (an index below
		// 2^20) in the low bits. A sort of the objects by their times was a tenth of the
		// import's JVM work.
		var order = new long[batch.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = batch.get(i).occurredAt().getEpochSecond() << INDEX_BITS | i;
		}
		Arrays.sort(order);
		var byTime = new ArrayList<StoredIncident>(batch.size());
		var observations = new ArrayList<Observation>(batch.size());
		for (long key : order) {
			int i = (int) (key & (1 << INDEX_BITS) - 1);
			byTime.add(batch.get(i));
			observations.addAll(IncidentIntake.observations(batch.get(i), places.get(i)));
		}
		return new Prepared(chunk.size(), batch, places, incidents.prepare(byTime), observer.prepare(observations));
	}

}
