package org.harmwatch.platform.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.harmwatch.platform.CsvReader;
import org.jspecify.annotations.Nullable;

/**
 * Checks every row of a file against a kind and its mapping, without storing anything:
 * each bad row is named with its number and why, and the valid rows become records. No
 * Spring, no database: the unit tests run it directly.
 */
final class RowChecker {

	private RowChecker() {
	}

	/**
	 * What checking a file found.
	 *
	 * @param rows data rows read (the header not counted, blank rows counted)
	 */
	record Checked<R>(int rows, List<ImportKind.Parsed<R>> records, List<ImportProblem> problems) {

		boolean ok() {
			return problems.isEmpty();
		}

	}

	/** Checks the file's rows (header first); progress is told each row checked. */
	static <R> Checked<R> check(ImportKind<R> kind, Iterator<CsvReader.Row> rows, ColumnMapping mapping,
			Map<String, String> options, IntConsumer progress) {
		return check(kind, rows, mapping, options, progress, null);
	}

	/**
	 * Checks the file's rows (header first) as
	 * {@link #check(ImportKind, Iterator, ColumnMapping, Map, IntConsumer)} does; when
	 * the kind {@linkplain ImportKind#parsesInParallel() allows it} and an executor is
	 * given, its rows are parsed a few thousand at a time on the executor's threads while
	 * the file is read, and their records and problems taken in file order, so that the
	 * outcome is the same. Progress is told (on the calling thread) each block of rows
	 * checked.
	 */
	static <R> Checked<R> check(ImportKind<R> kind, Iterator<CsvReader.Row> rows, ColumnMapping mapping,
			Map<String, String> options, IntConsumer progress, @Nullable Executor parallel) {
		return check(kind, rows, mapping, options, progress, parallel, null);
	}

	/**
	 * Checks the file's rows as
	 * {@link #check(ImportKind, Iterator, ColumnMapping, Map, IntConsumer, Executor)}
	 * does, and, when the rows are parsed in parallel, hands each block of good rows (in
	 * file order, on the calling thread) to {@code checked} as soon as it and every block
	 * before it are checked and no row so far is bad; after the first bad row it checks
	 * on to the end without handing anything over. The file is read on a thread of its
	 * own meanwhile, so that what {@code checked} does (storing) does not hold up
	 * reading. Problems only the rows together show ({@link ImportKind#checkTogether})
	 * are found at the end, after their rows were handed over.
	 */
	static <R> Checked<R> check(ImportKind<R> kind, Iterator<CsvReader.Row> rows, ColumnMapping mapping,
			Map<String, String> options, IntConsumer progress, @Nullable Executor parallel,
			@Nullable Consumer<List<ImportKind.Parsed<R>>> checked) {
		try {
			return checkRows(kind, rows, mapping, options, progress, kind.parsesInParallel() ? parallel : null,
					checked);
		}
		catch (CsvReader.MalformedCsvException ex) {
			return new Checked<>(0, List.of(), List.of(ImportProblem.of((int) Math.min(ex.line(), Integer.MAX_VALUE),
					null, "imports.problem.malformed", ex.getMessage(), ex.line())));
		}
	}

	private static <R> Checked<R> checkRows(ImportKind<R> kind, Iterator<CsvReader.Row> rows, ColumnMapping mapping,
			Map<String, String> options, IntConsumer progress, @Nullable Executor parallel,
			@Nullable Consumer<List<ImportKind.Parsed<R>>> checked) {
		if (!rows.hasNext()) {
			return new Checked<>(0, List.of(), List.of(ImportProblem.of(1, null, "imports.problem.empty")));
		}
		var header = header(rows.next());
		var columns = new LinkedHashMap<String, Integer>();
		var problems = new ArrayList<ImportProblem>();
		for (var column : kind.columns()) {
			var mapped = mapping.header(column.name());
			if (mapped == null) {
				if (column.required()) {
					problems.add(ImportProblem.of(1, column.name(), "imports.problem.unmapped", column.name()));
				}
				continue;
			}
			int index = header.indexOf(mapped);
			if (index < 0) {
				problems.add(ImportProblem.of(1, column.name(), "imports.problem.notInHeader", mapped));
			}
			columns.put(column.name(), index);
		}
		if (!problems.isEmpty()) {
			return new Checked<>(0, List.of(), problems);
		}
		if (parallel != null) {
			return checkInParallel(kind, rows, header.size(), columns, options, progress, parallel,
					checked != null ? checked : block -> {
					});
		}
		var records = new ArrayList<ImportKind.Parsed<R>>();
		int data = 0;
		while (rows.hasNext()) {
			var row = rows.next();
			data++;
			int number = data + 1;
			if (data > kind.maxRows()) {
				return new Checked<>(data, List.of(),
						List.of(ImportProblem.of(1, null, "imports.problem.tooManyRows", kind.maxRows())));
			}
			progress.accept(data);
			parseRow(kind, row, number, header.size(), columns, options, records, problems);
		}
		problems.addAll(kind.checkTogether(List.copyOf(records)));
		problems.sort(Comparator.comparingInt(ImportProblem::row));
		return new Checked<>(data, problems.isEmpty() ? records : List.of(), problems);
	}

	/** Rows parsed together on one thread when parsing in parallel. */
	static final int BLOCK = 4_096;

	/** Blocks parsed or waiting to be at once (bounds the rows held unparsed). */
	private static final int IN_FLIGHT = 8;

	/** One block's outcome: its records and problems, in file order. */
	private record Block<R>(List<ImportKind.Parsed<R>> records, List<ImportProblem> problems, int lastRow) {
	}

	/** What the reading thread hands over: a block being parsed, or how reading ended. */
	private sealed interface Read<R> {

	}

	private record Parsing<R>(CompletableFuture<Block<R>> block) implements Read<R> {
	}

	/** The file is read: this many data rows. */
	private record End<R>(int rows) implements Read<R> {
	}

	/** Reading stopped: too many rows, or the file is not CSV. */
	private record Stopped<R>(int rows, RuntimeException failure) implements Read<R> {
	}

	/**
	 * Reads the file on a thread of its own, parses its blocks on {@code parallel} and
	 * takes their outcomes in file order on the calling thread, handing each block of
	 * good rows to {@code checked} until the first bad row.
	 */
	private static <R> Checked<R> checkInParallel(ImportKind<R> kind, Iterator<CsvReader.Row> rows, int width,
			Map<String, Integer> columns, Map<String, String> options, IntConsumer progress, Executor parallel,
			Consumer<List<ImportKind.Parsed<R>>> checked) {
		var read = new ArrayBlockingQueue<Read<R>>(IN_FLIGHT);
		var reader = Thread.ofPlatform().name("import-read-", 1).daemon(true).start(() -> {
			int data = 0;
			try {
				while (rows.hasNext()) {
					var block = new ArrayList<CsvReader.Row>(BLOCK);
					int first = data + 1;
					while (block.size() < BLOCK && rows.hasNext()) {
						block.add(rows.next());
						data++;
						if (data > kind.maxRows()) {
							read.put(new Stopped<>(data, new TooManyRows()));
							return;
						}
					}
					read.put(new Parsing<>(CompletableFuture
						.supplyAsync(() -> parseBlock(kind, block, first, width, columns, options), parallel)));
				}
				read.put(new End<>(data));
			}
			catch (InterruptedException stopped) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException failed) {
				try {
					read.put(new Stopped<>(data, failed));
				}
				catch (InterruptedException stopped) {
					Thread.currentThread().interrupt();
				}
			}
		});
		var records = new ArrayList<ImportKind.Parsed<R>>();
		var problems = new ArrayList<ImportProblem>();
		try {
			while (true) {
				var next = take(read);
				if (next instanceof Parsing<R> parsing) {
					var done = parsing.block().join();
					records.addAll(done.records());
					problems.addAll(done.problems());
					progress.accept(done.lastRow());
					if (problems.isEmpty()) {
						checked.accept(done.records());
					}
				}
				else if (next instanceof Stopped<R> stopped) {
					if (stopped.failure() instanceof TooManyRows) {
						return new Checked<>(stopped.rows(), List.of(),
								List.of(ImportProblem.of(1, null, "imports.problem.tooManyRows", kind.maxRows())));
					}
					throw stopped.failure();
				}
				else if (next instanceof End<R> end) {
					problems.addAll(kind.checkTogether(List.copyOf(records)));
					problems.sort(Comparator.comparingInt(ImportProblem::row));
					return new Checked<>(end.rows(), problems.isEmpty() ? records : List.of(), problems);
				}
			}
		}
		catch (CompletionException failed) {
			if (failed.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw failed;
		}
		finally {
			reader.interrupt();
			for (var left : read) {
				if (left instanceof Parsing<R> parsing) {
					parsing.block().cancel(false);
				}
			}
		}
	}

	private static <T> T take(BlockingQueue<T> queue) {
		try {
			return queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Checking the file was interrupted", ex);
		}
	}

	/** The reading thread's sign that the file has more rows than the kind takes. */
	private static final class TooManyRows extends RuntimeException {

		TooManyRows() {
			super(null, null, false, false);
		}

	}

	/**
	 * Parses one data row (file line {@code number}) into a record or its problems; a
	 * blank row is skipped.
	 */
	private static <R> void parseRow(ImportKind<R> kind, CsvReader.Row row, int number, int width,
			Map<String, Integer> columns, Map<String, String> options, List<ImportKind.Parsed<R>> records,
			List<ImportProblem> problems) {
		if (row.blank()) {
			return;
		}
		if (row.fields().size() != width) {
			problems.add(ImportProblem.of(number, null, "imports.problem.fieldCount", row.fields().size(), width));
			return;
		}
		try {
			records.add(
					new ImportKind.Parsed<>(number, kind.parse(new ImportRow(number, row.fields(), columns, options))));
		}
		catch (ImportRowException bad) {
			problems.addAll(bad.problems());
		}
	}

	/** Parses a block of data rows, the first of which is data row {@code first}. */
	private static <R> Block<R> parseBlock(ImportKind<R> kind, List<CsvReader.Row> block, int first, int width,
			Map<String, Integer> columns, Map<String, String> options) {
		var records = new ArrayList<ImportKind.Parsed<R>>(block.size());
		var problems = new ArrayList<ImportProblem>();
		for (int i = 0; i < block.size(); i++) {
			parseRow(kind, block.get(i), first + i + 1, width, columns, options, records, problems);
		}
		return new Block<>(records, problems, first + block.size() - 1);
	}

	/** The header's names, stripped. */
	static List<String> header(CsvReader.Row row) {
		return row.fields().stream().map(String::strip).toList();
	}

}
