package org.harmwatch.earlywarning.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.harmwatch.earlywarning.EvidenceKind;
import org.harmwatch.earlywarning.SignalEscalated;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.earlywarning.internal.EvidenceBatches.BatchSignal;
import org.harmwatch.earlywarning.internal.EvidenceBatches.Placed;
import org.harmwatch.earlywarning.internal.EvidenceBatches.Probe;
import org.harmwatch.earlywarning.internal.EvidenceBatches.Span;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Files the reports of a group-commit batch into signals with the {@link SignalEngine}'s
 * rules, in a few statements for the whole batch instead of about eight per report.
 *
 * <p>
 * The outcome is the one {@link SignalEngine#file} gives when the reports are filed one
 * after the other in the batch's order: the batch reads, in one statement each, the
 * signals its reports could join and, per report, what the rules need to know about the
 * evidence stored before the batch; it then files the reports in order in memory, where
 * each report also sees the batch's earlier reports (the signals they opened or widened,
 * the substances they named, the reports they add to a cluster) and none of the later
 * ones; and it writes the new signals, all the evidence and each changed signal once.
 * Events are published once everything is written, report by report in the batch's order.
 */
@Component
class SignalBatch {

	private final EvidenceBatches batches;

	private final SignalEngine engine;

	private final SignalMerges merges;

	private final EarlyWarningProperties properties;

	private final ApplicationEventPublisher events;

	SignalBatch(EvidenceBatches batches, SignalEngine engine, SignalMerges merges, EarlyWarningProperties properties,
			ApplicationEventPublisher events) {
		this.batches = batches;
		this.engine = engine;
		this.merges = merges;
		this.properties = properties;
		this.events = events;
	}

	/**
	 * Stores new reports and files them, in the caller's transaction: one round trip to
	 * read, one to write.
	 * @param stored the reports to store (none when they are stored already)
	 * @param reports the evidence to file, of kind {@code REPORT}, in the order to file
	 * it
	 * @param written called once everything is written
	 * @param then called for each report, in order, after {@code written} (and after the
	 * report's {@link SignalEscalated}, if it escalated a signal)
	 */
	void storeAndFile(List<ReportRepository.NewReport> stored, List<SignalEngine.Input> reports, Runnable written,
			BiConsumer<Integer, SignalEngine.Filed> then) {
		for (var in : reports) {
			if (in.kind() != EvidenceKind.REPORT) {
				throw new IllegalArgumentException("only reports are filed in batches: " + in.kind());
			}
		}
		var spans = new LinkedHashMap<String, Span>();
		for (var in : reports) {
			spans.merge(key(in.ladCode(), in.groupKey()),
					new Span(in.ladCode(), in.groupKey(), in.occurredAt(), in.occurredAt()),
					(a, b) -> new Span(a.ladCode(), a.groupKey(), min(a.from(), b.from()), max(a.to(), b.to())));
		}
		// What the rules need to know about the evidence stored before the batch.
		var dangerous = new ArrayList<List<String>>(reports.size());
		var noveltyProbes = new ArrayList<Probe>();
		var clusterProbes = new ArrayList<Probe>();
		for (var in : reports) {
			var codes = in.substanceCodes().stream().filter(engine::dangerous).toList();
			dangerous.add(codes);
			for (var code : codes) {
				noveltyProbes.add(new Probe(in.ladCode(), code, in.occurredAt().minus(properties.noveltyWindow()),
						in.occurredAt()));
			}
			if (grouped(in)) {
				clusterProbes.add(new Probe(in.ladCode(), in.groupKey(),
						in.occurredAt().minus(properties.clusterWindow()), in.occurredAt()));
			}
		}
		var window = properties.groupingWindow();
		var read = batches.read(List.copyOf(spans.values()), window, noveltyProbes, clusterProbes,
				properties.clusterReports());
		var seenBefore = read.seen();
		var reportsBefore = read.reports();
		var pool = new HashMap<String, List<BatchSignal>>();
		var byId = new HashMap<UUID, BatchSignal>();
		for (var s : read.joinable()) {
			remember(s, pool, byId);
		}

		var filed = new ArrayList<SignalEngine.Filed>(reports.size());
		var escalated = new ArrayList<Boolean>(reports.size());
		var placed = new ArrayList<Placed>(reports.size());
		var opened = new ArrayList<BatchSignal>();
		var joined = new LinkedHashMap<UUID, BatchSignal>();
		int nextNovelty = 0;
		int nextCluster = 0;
		for (int i = 0; i < reports.size(); i++) {
			var in = reports.get(i);
			var found = toJoin(pool.get(key(in.ladCode(), in.groupKey())), in.occurredAt(), window);
			BatchSignal signal;
			boolean open = found == null;
			if (open) {
				signal = new BatchSignal(UUID.randomUUID(), in.ladCode(), in.groupKey(), SignalStatus.OPEN.name(), null,
						Urgency.ROUTINE, List.of(), in.occurredAt(), in.occurredAt(), in);
				remember(signal, pool, byId);
				opened.add(signal);
			}
			else {
				signal = current(found, pool, byId);
				if (signal.opener == null) {
					joined.put(signal.id, signal);
				}
			}

			var urgency = Urgency.ROUTINE;
			var rules = new ArrayList<String>();
			if (in.death()) {
				urgency = urgency.max(properties.deathUrgency());
				rules.add(SignalEngine.DEATH);
			}
			if (in.highStrength()) {
				urgency = urgency.max(properties.highStrengthUrgency());
				rules.add(SignalEngine.HIGH_STRENGTH);
			}
			boolean novel = false;
			for (var code : dangerous.get(i)) {
				boolean seen = seenBefore.get(nextNovelty++) || seenEarlier(reports, i, code);
				novel |= !seen;
			}
			if (novel) {
				urgency = urgency.max(properties.noveltyUrgency());
				rules.add(SignalEngine.NEW_DANGEROUS_SUBSTANCE);
			}
			if (grouped(in)) {
				// The stored ones, the batch's earlier ones and this one.
				long count = reportsBefore.get(nextCluster++) + reportsEarlier(reports, i) + 1;
				if (count >= properties.clusterReports()) {
					urgency = urgency.max(properties.clusterUrgency());
					rules.add(SignalEngine.CLUSTER);
				}
			}

			var was = signal.urgency;
			signal.urgency = was.max(urgency);
			signal.rules.addAll(rules);
			signal.first = min(signal.first, in.occurredAt());
			signal.last = max(signal.last, in.occurredAt());
			signal.added++;
			placed.add(new Placed(signal.id, in));
			escalated.add(!open && signal.urgency != was);
			filed.add(new SignalEngine.Filed(signal.id, open, false, signal.urgency, List.copyOf(signal.rules)));
		}

		batches.write(stored, opened, placed, List.copyOf(joined.values()));
		written.run();
		for (int i = 0; i < reports.size(); i++) {
			var f = filed.get(i);
			if (escalated.get(i)) {
				events.publishEvent(new SignalEscalated(f.signalId(), f.urgency(), reports.get(i).receivedAt()));
			}
			then.accept(i, f);
		}
	}

	/**
	 * The latest signal, not dismissed, whose evidence lies within the window of the
	 * time, as {@link EvidenceRepository#signalToJoin} finds it.
	 */
	private static @Nullable BatchSignal toJoin(@Nullable List<BatchSignal> candidates, Instant at,
			java.time.Duration window) {
		if (candidates == null) {
			return null;
		}
		var slack = java.time.Duration.ofSeconds(window.toSeconds());
		BatchSignal best = null;
		for (var s : candidates) {
			if (SignalStatus.DISMISSED.name().equals(s.status) || at.isBefore(s.first.minus(slack))
					|| at.isAfter(s.last.plus(slack))) {
				continue;
			}
			if (best == null || s.last.isAfter(best.last)) {
				best = s;
			}
		}
		return best;
	}

	/**
	 * The signal that stands for one found: itself, or the survivor it was merged into.
	 */
	private BatchSignal current(BatchSignal found, Map<String, List<BatchSignal>> pool, Map<UUID, BatchSignal> byId) {
		if (found.mergedInto == null) {
			return found;
		}
		var id = merges.current(found.id);
		var known = byId.get(id);
		if (known != null) {
			return known;
		}
		var survivor = batches.signal(id).orElseThrow(() -> new IllegalStateException("signal " + id + " is gone"));
		remember(survivor, pool, byId);
		return survivor;
	}

	private static void remember(BatchSignal s, Map<String, List<BatchSignal>> pool, Map<UUID, BatchSignal> byId) {
		if (byId.putIfAbsent(s.id, s) == null) {
			pool.computeIfAbsent(key(s.ladCode, s.groupKey), k -> new ArrayList<>()).add(s);
		}
	}

	/**
	 * Whether an earlier report of the batch in the same district named the substance
	 * within the novelty window before this one.
	 */
	private boolean seenEarlier(List<SignalEngine.Input> reports, int i, String code) {
		var in = reports.get(i);
		var since = in.occurredAt().minus(properties.noveltyWindow());
		for (int j = 0; j < i; j++) {
			var other = reports.get(j);
			if (other.ladCode().equals(in.ladCode()) && other.substanceCodes().contains(code)
					&& !other.occurredAt().isBefore(since) && other.occurredAt().isBefore(in.occurredAt())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * How many earlier reports of the batch in the same district and group happened
	 * within the cluster window up to this one.
	 */
	private long reportsEarlier(List<SignalEngine.Input> reports, int i) {
		var in = reports.get(i);
		var since = in.occurredAt().minus(properties.clusterWindow());
		long count = 0;
		for (int j = 0; j < i; j++) {
			var other = reports.get(j);
			if (other.ladCode().equals(in.ladCode()) && other.groupKey().equals(in.groupKey())
					&& other.occurredAt().isAfter(since) && !other.occurredAt().isAfter(in.occurredAt())) {
				count++;
			}
		}
		return count;
	}

	private static boolean grouped(SignalEngine.Input in) {
		return in.groupKey().startsWith("substance:") || in.groupKey().startsWith("class:");
	}

	private static String key(String ladCode, String groupKey) {
		return ladCode + "|" + groupKey;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
