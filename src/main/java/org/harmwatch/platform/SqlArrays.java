package org.harmwatch.platform;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL {@code text[]} columns to and from Java lists, one way for every module.
 */
public final class SqlArrays {

	private SqlArrays() {
	}

	/** A {@code text[]} column as a list; an SQL NULL is the empty list. */
	public static List<String> strings(ResultSet rs, String column) throws SQLException {
		return strings(rs.getArray(column));
	}

	/** A {@code text[]} value as a list; {@code null} is the empty list. */
	public static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Collections.unmodifiableList(Arrays.asList((String[]) array.getArray()));
	}

	/**
	 * A list as a {@code text[]} literal ({@code {"a","b \"c\""}}), for a parameter cast
	 * with {@code ::text[]}.
	 */
	public static String textArray(List<String> values) {
		return values.stream()
			.map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

}
