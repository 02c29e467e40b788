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

	/**
	 * Values, any of them null, as an array literal ({@code {"a",NULL}}), for a parameter
	 * cast to an array of any type ({@code ::uuid[]}, {@code ::timestamptz[]}): the
	 * columns of a multi-row insert through {@code unnest}.
	 */
	public static String array(List<@Nullable String> values) {
		var out = new StringBuilder(values.size() * 24).append('{');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			var value = values.get(i);
			if (value == null) {
				out.append("NULL");
			}
			else {
				out.append('"');
				for (int c = 0; c < value.length(); c++) {
					char ch = value.charAt(c);
					if (ch == '"' || ch == '\\') {
						out.append('\\');
					}
					out.append(ch);
				}
				out.append('"');
			}
		}
		return out.append('}').toString();
	}

}
