package org.harmwatch.platform.imports;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

import org.harmwatch.platform.CsvReader;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Column mapping and row checking, without Spring or a database: a small kind of (name,
 * count) rows.
 */
class ImportValidationTests {

	record Count(String name, int count) {
	}

	/**
	 * Names and counts: name required, count optional (0 unless given), at most 3 rows
	 * per name.
	 */
	static final class Counts implements ImportKind<Count> {

		final List<List<Count>> stored = new ArrayList<>();

		@Override
		public String name() {
			return "test-counts";
		}

		@Override
		public Grant grant() {
			return new Grant(Capability.SUBSTANCES, Action.MANAGE, Purpose.PUBLIC);
		}

		@Override
		public List<ImportColumn> columns() {
			return List.of(ImportColumn.required("name", "name", "title"),
					ImportColumn.optional("count", "n", "count"));
		}

		@Override
		public int maxRows() {
			return 5;
		}

		@Override
		public Count parse(ImportRow row) {
			var name = row.text("name");
			if (name == null) {
				throw row.reject("name", "test.counts.noName");
			}
			var count = row.text("count");
			if (count == null) {
				return new Count(name, Integer.parseInt(String.valueOf(row.option("default"))));
			}
			try {
				var value = new BigInteger(count);
				if (value.signum() < 0 || value.bitLength() > 31) {
					throw row.reject("count", "test.counts.range", count, Integer.MAX_VALUE);
				}
				return new Count(name, value.intValue());
			}
			catch (NumberFormatException ex) {
				throw row.reject("count", "test.counts.notWhole", count);
			}
		}

		@Override
		public List<ImportProblem> checkTogether(List<Parsed<Count>> rows) {
			var problems = new ArrayList<ImportProblem>();
			var seen = new java.util.HashMap<String, Integer>();
			for (var row : rows) {
				if (seen.merge(row.record().name(), 1, Integer::sum) > 3) {
					// Words passed through the text code are kept as they are.
					problems.add(ImportProblem.of(row.row(), null, ImportProblem.TEXT,
							"More than 3 rows for " + row.record().name() + "."));
				}
			}
			return problems;
		}

		@Override
		public ImportOutcome store(List<Count> records, ImportContext context) {
			stored.add(records);
			return new ImportOutcome(records.size(), records.size(), 0);
		}

	}

	final Counts kind = new Counts();

	/** The facility's bundle as the application reads it, and the test kind's codes. */
	static final StaticMessageSource MESSAGES = new StaticMessageSource();

	static {
		var bundle = new ResourceBundleMessageSource();
		bundle.setBasename("messages/imports");
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
		MESSAGES.setParentMessageSource(bundle);
		MESSAGES.addMessage("test.counts.noName", Locale.UK, "No name.");
		MESSAGES.addMessage("test.counts.range", Locale.UK, "The count {0} is not between 0 and {1}.");
		MESSAGES.addMessage("test.counts.notWhole", Locale.UK, "The count \"{0}\" is not a whole number.");
	}

	/** Each problem as "row: words", its words resolved from its code. */
	static List<String> words(List<ImportProblem> problems) {
		return problems.stream().map(p -> p.row() + ": " + MESSAGES.getMessage(p, Locale.UK)).toList();
	}

	RowChecker.Checked<Count> check(String csv, ColumnMapping mapping) {
		return RowChecker.check(kind, CsvReader.rows(new StringReader(csv)), mapping, Map.of("default", "0"), rows -> {
		});
	}

	@Test
	void guessesFromTheHeaderIgnoringCaseAndPrefersWhatTheAgencySavedWhenTheFileHasIt() {
		assertThat(ColumnMapping.guess(kind, List.of("Title", "N", "other"), Map.of()).columns())
			.containsExactlyInAnyOrderEntriesOf(Map.of("name", "Title", "count", "N"));
		assertThat(ColumnMapping.guess(kind, List.of("Title", "N", "other"), Map.of("count", "other")).columns())
			.containsExactlyInAnyOrderEntriesOf(Map.of("name", "Title", "count", "other"));
		assertThat(ColumnMapping.guess(kind, List.of("Title", "N"), Map.of("count", "gone")).header("count"))
			.as("a saved column the file lacks is not offered")
			.isEqualTo("N");
		assertThat(ColumnMapping.guess(kind, List.of("x", "y"), Map.of()).columns()).isEmpty();
		assertThat(ColumnMapping.guess(kind, List.of("name", "other"), Map.of("count", "name")).columns())
			.as("one file column is guessed for one column at most")
			.containsExactlyInAnyOrderEntriesOf(Map.of("count", "name"));
	}

	@Test
	void aMappingNamesEachRequiredColumnAndOnlyColumnsOfTheFile() {
		var mapping = ColumnMapping.of(kind, Map.of("name", "  ", "count", " missing ", "unknown", "x"));
		assertThat(mapping.columns()).containsExactlyEntriesOf(Map.of("count", "missing"));
		assertThat(mapping.problems(kind, List.of("a", "b"))).containsExactly(
				new ColumnMapping.ColumnProblem("name", ColumnMapping.Reason.MISSING),
				new ColumnMapping.ColumnProblem("count", ColumnMapping.Reason.NOT_IN_HEADER));
		assertThat(ColumnMapping.of(kind, Map.of("name", "a")).problems(kind, List.of("a", "b"))).isEmpty();
	}

	@Test
	void everyBadRowIsNamedWithItsSpreadsheetRowAndNoRecordIsKept() {
		var checked = check("""
				title,n,extra
				alpha,1,x
				,2,x
				beta,two,x
				gamma,99999999999999999999999999,x
				delta,3
				""", ColumnMapping.of(kind, Map.of("name", "title", "count", "n")));
		assertThat(checked.ok()).isFalse();
		assertThat(checked.rows()).isEqualTo(5);
		assertThat(checked.records()).as("all or nothing").isEmpty();
		assertThat(words(checked.problems())).containsExactly("3: No name.",
				"4: The count \"two\" is not a whole number.",
				"5: The count 99999999999999999999999999 is not between 0 and 2147483647.",
				"6: Has 2 fields; the header has 3.");
		assertThat(checked.problems()).extracting(ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("name", "test.counts.noName"), tuple("count", "test.counts.notWhole"),
					tuple("count", "test.counts.range"), tuple(null, "imports.problem.fieldCount"));
		assertThat(checked.problems().get(3).arguments()).containsExactly("2", "3");
	}

	@Test
	void goodRowsBecomeRecordsBlankRowsAreSkippedAndOptionsFillUnmappedColumns() {
		var checked = check("name,n\r\nalpha,1\r\n\r\nbeta,\r\n",
				ColumnMapping.of(kind, Map.of("name", "name", "count", "n")));
		assertThat(checked.problems()).isEmpty();
		assertThat(checked.rows()).isEqualTo(3);
		assertThat(checked.records()).extracting(ImportKind.Parsed::row).containsExactly(2, 4);
		assertThat(checked.records()).extracting(ImportKind.Parsed::record)
			.containsExactly(new Count("alpha", 1), new Count("beta", 0));
		var unmapped = check("name,other\nalpha,1\n", ColumnMapping.of(kind, Map.of("name", "name")));
		assertThat(unmapped.records()).extracting(ImportKind.Parsed::record).containsExactly(new Count("alpha", 0));
	}

	@Test
	void problemsOfRowsTogetherAreNamedInRowOrderWithTheOthers() {
		var checked = check("name,n\na,1\na,x\na,2\na,3\na,4\n",
				ColumnMapping.of(kind, Map.of("name", "name", "count", "n")));
		assertThat(checked.problems()).extracting(ImportProblem::row).containsExactly(3, 6);
		assertThat(words(checked.problems())).containsExactly("3: The count \"x\" is not a whole number.",
				"6: More than 3 rows for a.");
	}

	@Test
	void theFileAsAWholeIsRefusedWhenItCannotBeImported() {
		var mapping = ColumnMapping.of(kind, Map.of("name", "name"));
		assertThat(words(check("", mapping).problems())).containsExactly("1: The file is empty.");
		assertThat(words(check("title\nx\n", mapping).problems()))
			.containsExactly("1: The column \"name\" is not in the header.");
		assertThat(words(check("name\n1\n2\n3\n4\n5\n6\n", mapping).problems()))
			.containsExactly("1: At most 5 rows can be imported at once.");
		assertThat(words(check("name\n\"never closed\n", mapping).problems())).singleElement()
			.satisfies(p -> assertThat(p).contains("not a CSV file").contains("never closed"));
		assertThat(words(check("name\nx\n", ColumnMapping.of(kind, Map.of())).problems()))
			.containsExactly("1: No column of the file is chosen for name.");
	}

	/**
	 * The test kind for long files, parsed on several threads: at most 20,000 rows, no
	 * limit per name.
	 */
	static final class ManyCounts implements ImportKind<Count> {

		final Counts counts = new Counts();

		final boolean parallel;

		ManyCounts(boolean parallel) {
			this.parallel = parallel;
		}

		@Override
		public String name() {
			return "test-many-counts";
		}

		@Override
		public Grant grant() {
			return counts.grant();
		}

		@Override
		public List<ImportColumn> columns() {
			return counts.columns();
		}

		@Override
		public int maxRows() {
			return 20_000;
		}

		@Override
		public boolean parsesInParallel() {
			return parallel;
		}

		@Override
		public Count parse(ImportRow row) {
			return counts.parse(row);
		}

		@Override
		public ImportOutcome store(List<Count> records, ImportContext context) {
			return counts.store(records, context);
		}

	}

	/**
	 * A long file parsed on several threads gives exactly what parsing it row by row
	 * gives: the records in file order, each bad row named with its number, blank rows
	 * counted; progress only grows and ends at the last row; a file over the limit is
	 * refused as a whole.
	 */
	@Test
	void aLongFileParsedOnSeveralThreadsGivesWhatParsingItRowByRowGives() throws Exception {
		var csv = new StringBuilder("name,n\n");
		for (int i = 0; i < 3 * RowChecker.BLOCK + 17; i++) {
			if (i % 1_000 == 7) {
				csv.append("b").append(i).append(",-").append(i).append('\n');
			}
			else if (i % 1_500 == 9) {
				csv.append('\n');
			}
			else if (i % 2_500 == 11) {
				csv.append("only one field\n");
			}
			else {
				csv.append("n").append(i).append(',').append(i).append('\n');
			}
		}
		var mapping = ColumnMapping.of(kind, Map.of("name", "name", "count", "n"));
		var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
		try {
			var progress = new ArrayList<Integer>();
			var inParallel = RowChecker.check(new ManyCounts(true), CsvReader.rows(new StringReader(csv.toString())),
					mapping, Map.of("default", "0"), progress::add, pool);
			var oneByOne = RowChecker.check(new ManyCounts(false), CsvReader.rows(new StringReader(csv.toString())),
					mapping, Map.of("default", "0"), rows -> {
					}, pool);
			assertThat(oneByOne.problems()).isNotEmpty();
			assertThat(inParallel.rows()).isEqualTo(oneByOne.rows()).isEqualTo(3 * RowChecker.BLOCK + 17);
			assertThat(words(inParallel.problems())).isEqualTo(words(oneByOne.problems()));
			assertThat(progress).isSorted().last().isEqualTo(3 * RowChecker.BLOCK + 17);

			var good = new StringBuilder("name,n\n");
			for (int i = 0; i < 2 * RowChecker.BLOCK + 5; i++) {
				good.append(i % 3 == 0 ? "\n" : "n" + i + "," + i + "\n");
			}
			var parallelRecords = RowChecker.check(new ManyCounts(true),
					CsvReader.rows(new StringReader(good.toString())), mapping, Map.of("default", "0"), rows -> {
					}, pool);
			var sequentialRecords = RowChecker.check(new ManyCounts(false),
					CsvReader.rows(new StringReader(good.toString())), mapping, Map.of("default", "0"), rows -> {
					}, pool);
			assertThat(parallelRecords.ok()).isTrue();
			assertThat(parallelRecords.records()).isEqualTo(sequentialRecords.records())
				.hasSize(2 * RowChecker.BLOCK + 5 - (2 * RowChecker.BLOCK + 5 + 2) / 3);

			var tooLong = new StringBuilder("name,n\n");
			for (int i = 0; i < 20_001; i++) {
				tooLong.append("n,1\n");
			}
			var refused = RowChecker.check(new ManyCounts(true), CsvReader.rows(new StringReader(tooLong.toString())),
					mapping, Map.of("default", "0"), rows -> {
					}, pool);
			assertThat(refused.records()).isEmpty();
			assertThat(refused.problems()).extracting(ImportProblem::code)
				.containsExactly("imports.problem.tooManyRows");
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Checked while read, with each block of good rows handed over as soon as it is
	 * checked (to store while checking): what is handed over is the good file's records
	 * in file order, in blocks, on the calling thread; the outcome is what checking
	 * without handing over gives. After the first bad row nothing more is handed over but
	 * every bad row is still named; a file over the limit, or not CSV, is refused as
	 * before.
	 */
	@Test
	void aFileCheckedWhileStoredHandsOverItsGoodRowsInOrderUntilTheFirstBadOne() throws Exception {
		var mapping = ColumnMapping.of(kind, Map.of("name", "name", "count", "n"));
		var pool = Executors.newFixedThreadPool(3);
		try {
			var good = new StringBuilder("name,n\n");
			for (int i = 0; i < 4 * RowChecker.BLOCK + 5; i++) {
				good.append(i % 7 == 0 ? "\n" : "n" + i + "," + i + "\n");
			}
			var handedOver = new ArrayList<List<ImportKind.Parsed<Count>>>();
			var caller = Thread.currentThread();
			var threads = new HashSet<Thread>();
			var streamed = RowChecker.check(new ManyCounts(true), CsvReader.rows(new StringReader(good.toString())),
					mapping, Map.of("default", "0"), rows -> {
					}, pool, block -> {
						threads.add(Thread.currentThread());
						handedOver.add(block);
					});
			var whole = RowChecker.check(new ManyCounts(true), CsvReader.rows(new StringReader(good.toString())),
					mapping, Map.of("default", "0"), rows -> {
					}, pool);
			assertThat(streamed.ok()).isTrue();
			assertThat(streamed.rows()).isEqualTo(whole.rows());
			assertThat(streamed.records()).isEqualTo(whole.records());
			assertThat(handedOver).hasSizeGreaterThan(4);
			assertThat(handedOver.stream().flatMap(List::stream).toList()).isEqualTo(whole.records());
			assertThat(threads).containsExactly(caller);

			// bad rows in the second and the fifth block
			var bad = new StringBuilder("name,n\n");
			for (int i = 0; i < 4 * RowChecker.BLOCK + 100; i++) {
				boolean wrong = i == RowChecker.BLOCK + 3 || i == 4 * RowChecker.BLOCK + 1;
				bad.append("n").append(i).append(wrong ? ",-" : ",").append(i).append('\n');
			}
			var after = new ArrayList<ImportKind.Parsed<Count>>();
			var refused = RowChecker.check(new ManyCounts(true), CsvReader.rows(new StringReader(bad.toString())),
					mapping, Map.of("default", "0"), rows -> {
					}, pool, after::addAll);
			assertThat(refused.ok()).isFalse();
			assertThat(refused.records()).isEmpty();
			assertThat(refused.problems()).extracting(ImportProblem::row)
				.containsExactly(RowChecker.BLOCK + 3 + 2, 4 * RowChecker.BLOCK + 1 + 2);
			assertThat(after).hasSize(RowChecker.BLOCK)
				.allSatisfy(row -> assertThat(row.row()).isLessThanOrEqualTo(RowChecker.BLOCK + 1));

			var tooLong = new StringBuilder("name,n\n");
			for (int i = 0; i < 20_001; i++) {
				tooLong.append("n,1\n");
			}
			var overLimit = RowChecker.check(new ManyCounts(true), CsvReader.rows(new StringReader(tooLong.toString())),
					mapping, Map.of("default", "0"), rows -> {
					}, pool, rows -> {
					});
			assertThat(overLimit.problems()).extracting(ImportProblem::code)
				.containsExactly("imports.problem.tooManyRows");

			var notCsv = RowChecker.check(new ManyCounts(true),
					CsvReader.rows(new StringReader("name,n\n" + "n,1\n".repeat(RowChecker.BLOCK + 3) + "\"open,1\n")),
					mapping, Map.of("default", "0"), rows -> {
					}, pool, rows -> {
					});
			assertThat(notCsv.problems()).extracting(ImportProblem::code).containsExactly("imports.problem.malformed");
		}
		finally {
			pool.shutdownNow();
		}
	}

}
