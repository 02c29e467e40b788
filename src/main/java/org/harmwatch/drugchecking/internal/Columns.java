package org.harmwatch.drugchecking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Reading and binding the column types this module's repositories share: text arrays are bound as {@code String[]}
 * and read into lists; enums are stored by name.
 */
final class Columns {

	private Columns() {
	}

	/** A {@code text[]} column as a list; empty when it is null. */
	static List<String> strings(ResultSet rs, String column) throws SQLException {
		var array = rs.getArray(column);
		return array == null ? List.of() : List.of((String[]) array.getArray());
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

	/** The one way this module binds an array parameter ({@code = ANY (?)}, {@code text[]} columns). */
	static String[] array(Collection<String> values) {
		return values.toArray(String[]::new);
	}

	/** Binds an instant. */
	static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant);
	}

	/** Enum constants bound as a text array of their names. */
	static <E extends Enum<E>> String[] names(Collection<E> values) {
		return values.stream().map(Enum::name).toArray(String[]::new);
	}

}
