package org.harmwatch.substances.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.harmwatch.substances.internal.VocabularyRules.Drafted;
import org.harmwatch.substances.internal.VocabularyRules.Mode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Seeds the vocabulary from {@code substances/seed-vocabulary.csv}, through the same CSV
 * reader and rules as a coordinator's import, so the seed cannot hold anything an import
 * would refuse.
 *
 * <p>
 * Its checksum is the CSV's, so Flyway notices if the seed is edited after it was
 * applied: change a released vocabulary through the pages or an import (or a new
 * migration), not by editing the seed.
 */
@Component
public class V202611230301__substances_seed extends BaseJavaMigration {

	static final String SEED = "substances/seed-vocabulary.csv";

	@Override
	public void migrate(Context context) throws Exception {
		var store = new SubstanceStore(
				JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true)));
		var parsed = read();
		var now = Instant.now();
		var plan = VocabularyRules.plan(store.load().substances(),
				parsed.rows().stream().map(r -> new Drafted(r.row(), r.draft())).toList(), Mode.UPSERT, now, "seed",
				true);
		var problems = new java.util.ArrayList<>(parsed.problems());
		problems.addAll(plan.problems());
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The seed vocabulary breaks the rules: "
					+ problems.stream().map(RowProblem::toString).collect(Collectors.joining("; ")));
		}
		store.save(plan.effective().stream().map(VocabularyRules.Change::after).toList());
		store.bumpVersion(now);
	}

	@Override
	public Integer getChecksum() {
		try (var in = new ClassPathResource(SEED).getInputStream()) {
			var crc = new CRC32();
			crc.update(in.readAllBytes());
			return (int) crc.getValue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The seed file, read. */
	public static SubstanceCsv.Parsed read() {
		try (var reader = new InputStreamReader(new ClassPathResource(SEED).getInputStream(), StandardCharsets.UTF_8)) {
			return SubstanceCsv.read(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
