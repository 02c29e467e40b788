package org.harmwatch.drugchecking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.harmwatch.platform.SqlArrays;
import org.jspecify.annotations.Nullable;

/**
 * Reading and binding the column types this module's repositories share: arrays through
 * the platform's {@link SqlArrays}; enums are stored by name.
 */
final class Columns {

	private Columns() {
	}

	/** A {@code text[]} column as a list; empty when it is null. */
	static List<String> strings(ResultSet rs, String column) throws SQLException {
		return SqlArrays.strings(rs, column);
	}

	/** A {@code text[]} column as a list of enum constants. */
	static <E extends Enum<E>> List<E> enums(ResultSet rs, String column, Function<String, E> valueOf)
			throws SQLException {
		return strings(rs, column).stream().map(valueOf).toList();
	}

	/** A nullable text column as an enum constant. */
	static <E extends Enum<E>> @Nullable E enumOrNull(ResultSet rs, String column, Function<String, E> valueOf)
			throws SQLException {
		var text = rs.getString(column);
		return text == null ? null : valueOf.apply(text);
	}

	/** A nullable boolean column. */
	static @Nullable Boolean booleanOrNull(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	/** A timestamp column as an instant. */
	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	/**
	 * The one way this module binds an array parameter: the platform's {@code text[]}
	 * literal, cast in the SQL ({@code = ANY (?::text[])}, {@code ?::uuid[]}).
	 */
	static String array(Collection<String> values) {
		return SqlArrays.textArray(List.copyOf(values));
	}

	/** Binds an instant. */
	static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant);
	}

}
