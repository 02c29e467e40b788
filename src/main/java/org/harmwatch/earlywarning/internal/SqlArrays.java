package org.harmwatch.earlywarning.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The module's one way of binding and reading PostgreSQL text arrays: bind {@link #text} to {@code ?::text[]} (or
 * {@code ?::uuid[]}), read with {@link #strings}.
 */
public final class SqlArrays {

	private SqlArrays() {
	}

	/** A PostgreSQL array literal of the values; elements are quoted and escaped. */
	public static String text(Collection<?> values) {
		var out = new StringBuilder("{");
		boolean first = true;
		for (var value : values) {
			if (!first) {
				out.append(',');
			}
			first = false;
			out.append('"').append(String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return out.append('}').toString();
	}

	/** The strings of a text array column; empty for SQL null. */
	public static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.asList((String[]) array.getArray());
	}

}
