package org.harmwatch.substances.internal;

import java.time.Instant;
import java.util.List;

import org.harmwatch.substances.SubstanceDetails;
import org.harmwatch.substances.internal.VocabularyRules.Change;
import org.harmwatch.substances.internal.VocabularyRules.Drafted;
import org.harmwatch.substances.internal.VocabularyRules.Mode;

/**
 * The seed vocabulary as the migration would store it, for unit tests and benchmarks that
 * need no database.
 */
public final class SeedVocabulary {

	private SeedVocabulary() {
	}

	public static List<SubstanceDetails> substances() {
		var parsed = V202611230301__substances_seed.read();
		if (!parsed.problems().isEmpty()) {
			throw new IllegalStateException("seed problems: " + parsed.problems());
		}
		var plan = VocabularyRules.plan(List.of(),
				parsed.rows().stream().map(r -> new Drafted(r.row(), r.draft())).toList(), Mode.UPSERT,
				Instant.parse("2026-11-23T03:00:00Z"), "seed", true);
		if (!plan.valid()) {
			throw new IllegalStateException("seed problems: " + plan.problems());
		}
		return plan.changes().stream().map(Change::after).toList();
	}

	public static SubstanceIndex index() {
		return SubstanceIndex.of(1, substances());
	}

}
