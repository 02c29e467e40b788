package org.harmwatch.earlywarning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.substances.SubstanceManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filing the reports of a group-commit batch together ({@link SignalBatch}) gives exactly
 * what filing them one by one with {@link SignalEngine#file} gives: the same signals
 * opened and joined, the same urgency and rules after each report, the same signals in
 * the end.
 *
 * <p>
 * The same reports go to two districts of their own (codes made up for this run, so no
 * other test's evidence is in either): in one they are filed one after the other, each in
 * a transaction of its own; in the other, after the same first two, the rest in one
 * transaction through the batch. The reports are out of time order, name a dangerous
 * substance (novelty) and a common one in two groups, make clusters, include a death,
 * widen an existing signal backwards and open a second signal of a group after a gap
 * longer than the grouping window.
 */
@HarmwatchIntegrationTest
class SignalBatchIntegrationTests {

	@Autowired
	SignalEngine engine;

	@Autowired
	SignalBatch batch;

	@Autowired
	SignalFiling filing;

	@Autowired
	SubstanceManagement substances;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	record Planned(long hours, String substance, boolean death) {
	}

	/** Hours from the start; the first two are filed alone before the batch in both. */
	static final List<Planned> PLAN = List.of(new Planned(100, "heroin", false), new Planned(4000, "fentanyl", false),
			// the batch:
			new Planned(120, "heroin", false), new Planned(90, "heroin", false), new Planned(95, "fentanyl", false),
			new Planned(140, "heroin", true), new Planned(101, "fentanyl", false),
			// seen before only in the batch (at 95 and 101): not new
			new Planned(2000, "fentanyl", false), new Planned(1990, "heroin", false),
			new Planned(2005, "heroin", false), new Planned(1999, "heroin", false), new Planned(2001, "heroin", false),
			// seen before only in the database (at 4000): not new
			new Planned(4400, "fentanyl", false), new Planned(4399, "fentanyl", false),
			new Planned(4402, "fentanyl", false), new Planned(4401, "heroin", false), new Planned(60, "heroin", false),
			new Planned(100, "heroin", false));

	static final int ALONE_FIRST = 2;

	@Test
	void aBatchFilesReportsExactlyAsFilingThemOneByOne() {
		var start = Instant.parse("2027-03-01T08:00:00.123456Z");
		var oneByOne = district("E0A");
		var batched = district("E0B");

		var alone = new ArrayList<SignalEngine.Filed>();
		for (var planned : PLAN) {
			alone.add(transactions.execute(status -> engine.file(input(planned, start, oneByOne))));
		}

		var together = new ArrayList<SignalEngine.Filed>();
		for (var planned : PLAN.subList(0, ALONE_FIRST)) {
			together.add(transactions.execute(status -> engine.file(input(planned, start, batched))));
		}
		var inputs = PLAN.subList(ALONE_FIRST, PLAN.size()).stream().map(p -> input(p, start, batched)).toList();
		var order = new ArrayList<Integer>();
		transactions.executeWithoutResult(status -> batch.storeAndFile(List.of(), inputs, () -> {
		}, (i, filed) -> {
			order.add(i);
			together.add(filed);
		}));
		assertThat(order).as("told about each report in order")
			.isEqualTo(java.util.stream.IntStream.range(0, inputs.size()).boxed().toList());

		assertThat(shape(together)).isEqualTo(shape(alone));
		assertThat(signals(batched, together)).isEqualTo(signals(oneByOne, alone));

		// The plan exercises every rule it should, on both sides.
		var rules = alone.stream().flatMap(f -> f.rules().stream()).distinct().toList();
		assertThat(rules).contains(SignalEngine.DEATH, SignalEngine.CLUSTER, SignalEngine.NEW_DANGEROUS_SUBSTANCE);
		assertThat(alone.stream().filter(SignalEngine.Filed::opened).count()).as("signals opened").isGreaterThan(3);
		assertThat(alone.stream().map(SignalEngine.Filed::urgency).distinct()).contains(Urgency.ROUTINE, Urgency.HIGH,
				Urgency.URGENT);
	}

	/**
	 * The batch's read has its statements planned once (a generic plan, see
	 * {@code EvidenceBatches.READ}) and sets the planner back after them: what the
	 * caller's transaction runs after a batch is planned as before it.
	 */
	@Test
	void theCallersTransactionIsPlannedAsBeforeAfterABatch() {
		var start = Instant.parse("2027-04-01T08:00:00Z");
		var lad = district("E0C");
		var modes = transactions.execute(status -> {
			var before = jdbc.sql("SHOW plan_cache_mode").query(String.class).single();
			batch.storeAndFile(List.of(), List.of(input(PLAN.get(0), start, lad), input(PLAN.get(1), start, lad)),
					() -> {
					}, (i, filed) -> {
					});
			var after = jdbc.sql("SHOW plan_cache_mode").query(String.class).single();
			return List.of(before, after);
		});
		assertThat(modes).containsExactly("auto", "auto");
	}

	@Autowired
	org.harmwatch.earlywarning.EarlyWarningManagement earlyWarning;

	/**
	 * A batch writes its rows from array literals: text with quotes, backslashes, braces,
	 * commas, the word NULL, line breaks and characters outside the BMP is stored as it
	 * was sent, and so are a pin, a reporter and an unresolved substance.
	 */
	@Test
	void awkwardTextIsStoredAsItWasSent() {
		var awkward = "a \"quoted\" {brace}, back\\slash, NULL,\nnew line and 🧪 ∅ é";
		var at = Instant.parse("2027-06-01T10:00:00Z").plusNanos(123_456_789);
		var draft = new org.harmwatch.earlywarning.ReportDraft(org.harmwatch.earlywarning.Channel.API,
				org.harmwatch.earlywarning.SourceType.AMBULANCE, at, 52.4862, -1.8904, null,
				List.of(new org.harmwatch.earlywarning.SubstanceMention(awkward,
						org.harmwatch.earlywarning.HowKnown.SUSPECTED)),
				null, java.util.Set.of(org.harmwatch.earlywarning.Outcome.OVERDOSE), 2, awkward);
		var reporter = new org.harmwatch.earlywarning.Reporter(UUID.randomUUID(), "O'Brien \"NULL\" {x}", "WMAS",
				"West Midlands Ambulance Service");
		var id = earlyWarning.submit(draft, reporter, at.plus(Duration.ofMinutes(1)));
		var row = jdbc.sql("""
				SELECT r.description, r.reporter_name, r.reporter_id, r.lat, r.lon, r.ward_code, r.outcomes, r.people,
				  r.occurred_at, s.text, s.substance_code
				FROM earlywarning.report r JOIN earlywarning.report_substance s ON s.report_id = r.id WHERE r.id = ?""")
			.param(id)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getObject(3).toString(),
					String.valueOf(rs.getDouble(4)), String.valueOf(rs.getDouble(5)),
					String.valueOf(rs.getString(6) != null), List.of((String[]) rs.getArray(7).getArray()).toString(),
					String.valueOf(rs.getInt(8)), rs.getTimestamp(9).toInstant().toString(), rs.getString(10),
					String.valueOf(rs.getString(11))))
			.single();
		assertThat(row).containsExactly(awkward, reporter.name(), reporter.id().toString(), "52.486", "-1.89", "true",
				"[OVERDOSE]", "2", "2027-06-01T10:00:00.123457Z", awkward, "null");
	}

	/** A district code no other test uses. */
	static String district(String prefix) {
		return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
	}

	SignalEngine.Input input(Planned planned, Instant start, String ladCode) {
		var named = List.of(substances.resolve(planned.substance()).orElseThrow().substance());
		var at = start.plus(Duration.ofHours(planned.hours()));
		return filing.reportInput(UUID.randomUUID(), at, at.plus(Duration.ofMinutes(5)), ladCode, "District " + ladCode,
				named, null, planned.death(), "a report (" + planned.substance() + ")");
	}

	/**
	 * What filing gave, report by report, with each signal named by the order in which
	 * the reports first went into it.
	 */
	static List<String> shape(List<SignalEngine.Filed> filed) {
		var names = new HashMap<UUID, Integer>();
		return filed.stream()
			.map(f -> "signal " + names.computeIfAbsent(f.signalId(), id -> names.size())
					+ (f.opened() ? " opened" : "") + (f.duplicate() ? " duplicate" : "") + " " + f.urgency() + " "
					+ f.rules())
			.toList();
	}

	/** The district's signals as stored, named as in {@link #shape}. */
	List<String> signals(String ladCode, List<SignalEngine.Filed> filed) {
		var names = new HashMap<UUID, Integer>();
		filed.forEach(f -> names.computeIfAbsent(f.signalId(), id -> names.size()));
		Map<Integer, String> rows = new java.util.TreeMap<>();
		jdbc.sql("""
				SELECT id, group_key, substance_code, substance_class, status, urgency, rules, evidence_count,
				  first_evidence_at, last_evidence_at, opened_at,
				  (SELECT count(*) FROM earlywarning.evidence e WHERE e.signal_id = s.id) AS stored
				FROM earlywarning.signal s WHERE lad_code = ?""").param(ladCode).query((rs, n) -> {
			var id = rs.getObject("id", UUID.class);
			rows.put(names.getOrDefault(id, -1),
					String.join(" ", rs.getString("group_key"), String.valueOf(rs.getString("substance_code")),
							String.valueOf(rs.getString("substance_class")), rs.getString("status"),
							rs.getString("urgency"),
							String.valueOf(List.of((String[]) rs.getArray("rules").getArray())),
							"count " + rs.getInt("evidence_count"), "stored " + rs.getLong("stored"),
							rs.getTimestamp("first_evidence_at").toInstant().toString(),
							rs.getTimestamp("last_evidence_at").toInstant().toString(),
							rs.getTimestamp("opened_at").toInstant().toString()));
			return id;
		}).list();
		assertThat(rows).doesNotContainKey(-1);
		return List.copyOf(rows.values());
	}

}
