package org.harmwatch.platform.imports;

import java.util.List;

import org.harmwatch.shared.Grant;

/**
 * What a module imports from CSV: its columns, how one row becomes one record, and what
 * to do with the records.
 *
 * <p>
 * A kind is a Spring bean; {@link Imports} finds it by {@link #name()}, which is stored
 * with each job, so it must not change once jobs exist.
 *
 * @param <R> the record one valid row becomes
 */
public interface ImportKind<R> {

	/** A stable name, e.g. {@code drug-checking-samples}. */
	String name();

	/**
	 * The grant that lets someone of the uploader's agency see, start and read the kind's
	 * jobs.
	 */
	Grant grant();

	/** The columns, in the order the mapping form shows them. */
	List<ImportColumn> columns();

	/** The most data rows one file may hold. */
	default int maxRows() {
		return 50_000;
	}

	/**
	 * One row as its record.
	 * @throws ImportRowException (made by {@link ImportRow#reject}) saying what is wrong
	 * with the row
	 */
	R parse(ImportRow row);

	/**
	 * Whether {@link #parse} may run on several threads at once, outside the import's
	 * transaction: true only when it is thread-safe and reads nothing bound to a
	 * transaction (the database). A background job then parses a long file on every core
	 * (the outcome and the problems named are the same). False unless overridden.
	 */
	default boolean parsesInParallel() {
		return false;
	}

	/**
	 * Problems only the rows together show (e.g. too many rows for one sample); none
	 * unless overridden.
	 */
	default List<ImportProblem> checkTogether(List<Parsed<R>> rows) {
		return List.of();
	}

	/**
	 * How many records (e.g. samples) the valid rows' records describe; one each unless
	 * overridden.
	 */
	default int describes(List<R> records) {
		return records.size();
	}

	/**
	 * Stores the records of a file whose every row is valid, in the one transaction the
	 * caller holds: if this throws, nothing is stored. Tell {@link ImportContext#stored}
	 * how many rows are stored as it goes.
	 * @throws ImportFailedException saying why the records cannot be stored
	 */
	ImportOutcome store(List<R> records, ImportContext context);

	/**
	 * Whether a background job may store the records while the rest of the file is still
	 * being checked ({@link #storing}), in the same one transaction: the checked rows are
	 * stored chunk by chunk as they come, and when a later row turns out bad the job
	 * checks on to the end (so that every bad row is named) and rolls everything back, so
	 * it is still all or nothing. Only for kinds that also
	 * {@linkplain #parsesInParallel() parse in parallel}; false unless overridden.
	 */
	default boolean storesWhileChecking() {
		return false;
	}

	/**
	 * Starts storing a file's records as they are checked, in the one transaction the
	 * caller holds (see {@link #storesWhileChecking()}); what it stores is what
	 * {@link #store} would store given all of them at once.
	 * @throws UnsupportedOperationException unless the kind stores while checking
	 */
	default Storing<R> storing(ImportContext context) {
		throw new UnsupportedOperationException(name() + " does not store while checking");
	}

	/**
	 * Records handed over as they are checked, in file order, on the thread that holds
	 * the import's transaction.
	 */
	interface Storing<R> extends AutoCloseable {

		/**
		 * Stores (or starts storing) these records, the next in file order.
		 * @throws ImportFailedException saying why the records cannot be stored
		 */
		void accept(List<R> records);

		/**
		 * Stores what is left once every row is checked and good, and says what was
		 * stored.
		 * @throws ImportFailedException saying why the records cannot be stored
		 */
		ImportOutcome finish();

		/**
		 * Lets go of whatever storing holds (threads), whether finished or not; the
		 * caller rolls back what was stored when it did not finish.
		 */
		@Override
		void close();

	}

	/**
	 * What storing the records of a file whose every row is valid would change, writing
	 * nothing: for jobs checked first ({@link Imports#checkFirst}), shown before the
	 * person confirms. Called in a read-only transaction. Unless overridden, the records
	 * the file describes, counted as {@code records}.
	 * @throws ImportFailedException saying why the records could not be stored
	 */
	default ImportPreview preview(List<R> records, ImportContext context) {
		return new ImportPreview(List.of(ImportPreview.counted("records", describes(records))));
	}

	/** A valid row's record and its row number (the header is row 1). */
	record Parsed<R>(int row, R record) {
	}

}
