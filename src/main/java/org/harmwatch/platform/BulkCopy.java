package org.harmwatch.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Many rows into one table through PostgreSQL's {@code COPY … FROM STDIN (FORMAT
 * binary)}, in the caller's transaction: for imports of hundreds of thousands of rows,
 * where a multi-row {@code INSERT} spends most of its time building and parsing array
 * literals.
 *
 * <p>
 * {@code COPY} has no {@code ON CONFLICT}: a row that breaks a unique index fails the
 * whole copy. {@link #copyOr} therefore copies under a savepoint and, when a unique index
 * refuses a row (a reference sent at the same moment by another request, say), rolls back
 * to the savepoint and runs the caller's fallback (its {@code INSERT … ON CONFLICT DO
 * NOTHING}), so the outcome is the same as the fallback alone, only faster when nothing
 * conflicts.
 */
@Component
public class BulkCopy {

	/** SQLSTATE of a unique violation. */
	private static final String UNIQUE_VIOLATION = "23505";

	private final DataSource dataSource;

	BulkCopy(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Copies the rows into the table's columns, in the transaction the caller holds.
	 * @param target the table and its columns, e.g. {@code analytics.observation (id,
	 * source)}
	 * @return how many rows were copied
	 */
	public long copy(String target, Rows rows) {
		requireTransaction();
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			return copy(connection, target, rows);
		}
		catch (SQLException ex) {
			throw translate(ex, target);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * Copies the rows as {@link #copy} does; when a unique index refuses one of them,
	 * stores nothing of the copy and returns what the fallback returns instead.
	 * @param fallback the same rows stored another way (an insert that skips conflicts),
	 * run in the same transaction
	 * @return what {@code copied} makes of the row count when the copy succeeded, or the
	 * fallback's result
	 */
	public <T> T copyOr(String target, Rows rows, LongFunction<T> copied, Supplier<T> fallback) {
		requireTransaction();
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			var savepoint = connection.setSavepoint();
			long count;
			try {
				count = copy(connection, target, rows);
			}
			catch (SQLException ex) {
				if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					throw translate(ex, target);
				}
				connection.rollback(savepoint);
				return fallback.get();
			}
			connection.releaseSavepoint(savepoint);
			return copied.apply(count);
		}
		catch (SQLException ex) {
			throw translate(ex, target);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static long copy(Connection connection, String target, Rows rows) throws SQLException {
		var copyIn = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY " + target + " FROM STDIN (FORMAT binary)");
		try {
			var bytes = rows.finish();
			int length = rows.length();
			for (int from = 0; from < length; from += 1 << 16) {
				copyIn.writeToCopy(bytes, from, Math.min(1 << 16, length - from));
			}
			return copyIn.endCopy();
		}
		finally {
			if (copyIn.isActive()) {
				copyIn.cancelCopy();
			}
		}
	}

	private static void requireTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A bulk copy runs in the caller's transaction; there is none");
		}
	}

	private static RuntimeException translate(SQLException ex, String target) {
		if (ex.getSQLState() != null && ex.getSQLState().startsWith("23")) {
			return new DataIntegrityViolationException("COPY " + target + ": " + ex.getMessage(), ex);
		}
		return new IllegalStateException("COPY " + target + " failed: " + ex.getMessage(), ex);
	}

	/**
	 * Rows in PostgreSQL's binary copy format, written field by field: start each row
	 * with {@link #row(int)} and then give exactly that many fields, in the order of the
	 * target's columns.
	 */
	public static final class Rows {

		private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

		/** Seconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01 (UTC). */
		private static final long POSTGRES_EPOCH = 946_684_800L;

		private static final int TEXT_OID = 25;

		private byte[] buffer;

		private int length;

		private int rows;

		private boolean finished;

		public Rows(int expectedRows, int bytesPerRow) {
			this.buffer = new byte[Math.max(64, expectedRows * bytesPerRow + 32)];
			write(SIGNATURE, 0, SIGNATURE.length);
			int32(0); // flags
			int32(0); // header extension length
		}

		/** How many rows were started. */
		public int count() {
			return rows;
		}

		/** Starts a row of this many fields. */
		public Rows row(int fields) {
			check();
			rows++;
			return int16(fields);
		}

		public Rows nul() {
			return int32(-1);
		}

		public Rows uuid(UUID value) {
			int32(16);
			int64(value.getMostSignificantBits());
			return int64(value.getLeastSignificantBits());
		}

		public Rows text(@Nullable String value) {
			if (value == null) {
				return nul();
			}
			if (!isAscii(value)) {
				var bytes = value.getBytes(StandardCharsets.UTF_8);
				int32(bytes.length);
				write(bytes, 0, bytes.length);
				return this;
			}
			int32(value.length());
			ascii(value);
			return this;
		}

		/**
		 * A {@code timestamptz}, rounded to the nearest microsecond (PostgreSQL keeps no
		 * more).
		 */
		public Rows timestamp(@Nullable Instant value) {
			if (value == null) {
				return nul();
			}
			long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH, 1_000_000L),
					(value.getNano() + 500) / 1_000);
			int32(8);
			return int64(micros);
		}

		public Rows float8(@Nullable Double value) {
			if (value == null) {
				return nul();
			}
			int32(8);
			return int64(Double.doubleToLongBits(value));
		}

		public Rows float8(double value) {
			int32(8);
			return int64(Double.doubleToLongBits(value));
		}

		public Rows int4(int value) {
			int32(4);
			return int32(value);
		}

		public Rows bool(boolean value) {
			int32(1);
			ensure(1);
			buffer[length++] = (byte) (value ? 1 : 0);
			return this;
		}

		/** A one-dimensional {@code text[]} without nulls (empty when the list is). */
		public Rows textArray(List<String> values) {
			if (values.isEmpty()) {
				int32(12);
				int32(0); // dimensions
				int32(0); // no nulls
				return int32(TEXT_OID);
			}
			int size = 20;
			boolean ascii = true;
			for (var value : values) {
				ascii &= isAscii(value);
				size += 4 + value.length();
			}
			if (!ascii) {
				return encodedArray(values);
			}
			arrayHeader(size, values.size());
			for (var value : values) {
				int32(value.length());
				ascii(value);
			}
			return this;
		}

		private Rows encodedArray(List<String> values) {
			var encoded = new byte[values.size()][];
			int size = 20;
			for (int i = 0; i < encoded.length; i++) {
				encoded[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
				size += 4 + encoded[i].length;
			}
			arrayHeader(size, values.size());
			for (var bytes : encoded) {
				int32(bytes.length);
				write(bytes, 0, bytes.length);
			}
			return this;
		}

		private void arrayHeader(int size, int elements) {
			int32(size);
			int32(1); // one dimension
			int32(0); // no nulls
			int32(TEXT_OID);
			int32(elements);
			int32(1); // lower bound
		}

		/**
		 * Whether the text is ASCII (codes, names, times as words: nearly every field),
		 * whose UTF-8 is its characters as they are: written without the array getBytes
		 * would make for each.
		 */
		private static boolean isAscii(String value) {
			for (int i = 0; i < value.length(); i++) {
				if (value.charAt(i) >= 0x80) {
					return false;
				}
			}
			return true;
		}

		private void ascii(String value) {
			int chars = value.length();
			ensure(chars);
			for (int i = 0; i < chars; i++) {
				buffer[length + i] = (byte) value.charAt(i);
			}
			length += chars;
		}

		/** Ends the stream; nothing may be added after. */
		byte[] finish() {
			if (!finished) {
				int16(-1);
				finished = true;
			}
			return buffer;
		}

		int length() {
			return length;
		}

		private void check() {
			if (finished) {
				throw new IllegalStateException("These rows were copied already");
			}
		}

		private Rows int16(int value) {
			ensure(2);
			buffer[length++] = (byte) (value >>> 8);
			buffer[length++] = (byte) value;
			return this;
		}

		private Rows int32(int value) {
			ensure(4);
			buffer[length++] = (byte) (value >>> 24);
			buffer[length++] = (byte) (value >>> 16);
			buffer[length++] = (byte) (value >>> 8);
			buffer[length++] = (byte) value;
			return this;
		}

		private Rows int64(long value) {
			int32((int) (value >>> 32));
			return int32((int) value);
		}

		private void write(byte[] bytes, int from, int count) {
			ensure(count);
			System.arraycopy(bytes, from, buffer, length, count);
			length += count;
		}

		private void ensure(int more) {
			if (length + more > buffer.length) {
				buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
			}
		}

	}

}
