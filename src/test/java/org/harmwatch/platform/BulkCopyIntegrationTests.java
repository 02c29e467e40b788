package org.harmwatch.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Binary COPY into a real table: every type the imports write reads back as written
 * (nulls, text outside ASCII, arrays with quotes and commas, times to the microsecond),
 * and a copy that a unique index refuses leaves nothing behind and runs the fallback.
 */
@HarmwatchIntegrationTest
class BulkCopyIntegrationTests {

	@Autowired
	BulkCopy bulk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private static final String TABLE = """
			CREATE TEMPORARY TABLE copy_test (id uuid PRIMARY KEY, name text, at timestamptz, x float8, n int,
			  flag boolean, words text[]) ON COMMIT DROP""";

	@Test
	void everyTypeReadsBackAsWritten() {
		var first = UUID.randomUUID();
		var second = UUID.randomUUID();
		var rows = transactions.execute(tx -> {
			jdbc.sql(TABLE).update();
			var copy = new BulkCopy.Rows(2, 10);
			copy.row(7)
				.uuid(first)
				.text("Łódź, \"quoted\"\\ and ☕")
				.timestamp(Instant.parse("2026-03-29T00:59:59.1234567Z"))
				.float8(52.4797123)
				.int4(-7)
				.bool(true)
				.textArray(List.of("a,b", "say \"hi\"", "{x}", "NULL", ""));
			copy.row(7)
				.uuid(second)
				.text(null)
				.timestamp(null)
				.float8((Double) null)
				.int4(0)
				.bool(false)
				.textArray(List.of("☕ and Łódź", "x"));
			assertThat(bulk.copy("copy_test (id, name, at, x, n, flag, words)", copy)).isEqualTo(2);
			return jdbc.sql("""
					SELECT id, coalesce(name, '<null>'), coalesce(to_char(at AT TIME ZONE 'UTC',
					       'YYYY-MM-DD"T"HH24:MI:SS.US'), '<null>'), coalesce(x::text, '<null>'), n, flag,
					       cardinality(words), array_to_string(words, '|')
					FROM copy_test ORDER BY n""")
				.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
						+ rs.getString(4) + " " + rs.getInt(5) + " " + rs.getBoolean(6) + " " + rs.getInt(7) + " "
						+ rs.getString(8))
				.list();
		});
		assertThat(rows).containsExactly(first
				+ " Łódź, \"quoted\"\\ and ☕ 2026-03-29T00:59:59.123457 52.4797123 -7 true 5 a,b|say \"hi\"|{x}|NULL|",
				second + " <null> <null> <null> 0 false 2 ☕ and Łódź|x");
	}

	@Test
	void aCopyAUniqueIndexRefusesStoresNothingAndRunsTheFallback() {
		var taken = UUID.randomUUID();
		var fresh = UUID.randomUUID();
		var outcome = transactions.execute(tx -> {
			jdbc.sql(TABLE).update();
			jdbc.sql("INSERT INTO copy_test (id, name) VALUES (?, 'before')").param(taken).update();
			var copy = new BulkCopy.Rows(2, 10);
			copy.row(2).uuid(fresh).text("copied");
			copy.row(2).uuid(taken).text("copied");
			var result = bulk.copyOr("copy_test (id, name)", copy, copied -> "copied " + copied, () -> {
				jdbc.sql(
						"INSERT INTO copy_test (id, name) VALUES (?, 'fallback'), (?, 'fallback') ON CONFLICT DO NOTHING")
					.param(fresh)
					.param(taken)
					.update();
				return "fallback";
			});
			// The transaction goes on after the refused copy.
			return result + ": "
					+ jdbc.sql("SELECT string_agg(name, ',' ORDER BY name) FROM copy_test")
						.query(String.class)
						.single();
		});
		assertThat(outcome).isEqualTo("fallback: before,fallback");
	}

	@Test
	void aCopyWithoutAConflictIsNotRunTwice() {
		var outcome = transactions.execute(tx -> {
			jdbc.sql(TABLE).update();
			var copy = new BulkCopy.Rows(1, 10);
			copy.row(2).uuid(UUID.randomUUID()).text("copied");
			return bulk.copyOr("copy_test (id, name)", copy, copied -> "copied " + copied, () -> "fallback");
		});
		assertThat(outcome).isEqualTo("copied 1");
	}

	@Test
	void aCopyNeedsTheCallersTransaction() {
		var copy = new BulkCopy.Rows(1, 10);
		copy.row(1).text("x");
		assertThatThrownBy(() -> bulk.copy("copy_test (name)", copy)).isInstanceOf(IllegalStateException.class);
	}

}
