package org.harmwatch.diversion.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.harmwatch.platform.SqlArrays;
import org.jspecify.annotations.Nullable;

/**
 * Reading and writing the diversion tables' columns: enum sets in text arrays, nullable
 * enums, dates and flags. Shared by the diversion repositories.
 */
final class DiversionRows {

	private DiversionRows() {
	}

	static <E extends Enum<E>> Set<E> set(ResultSet rs, String column, Class<E> type) throws SQLException {
		var values = EnumSet.noneOf(type);
		for (var name : SqlArrays.strings(rs, column)) {
			values.add(Enum.valueOf(type, name));
		}
		return values;
	}

	static List<String> names(Collection<? extends Enum<?>> values) {
		var names = new ArrayList<String>();
		values.forEach(v -> names.add(v.name()));
		names.sort(null);
		return names;
	}

	static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
		var date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	static @Nullable Boolean flag(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	static <E extends Enum<E>> @Nullable E constant(ResultSet rs, String column, Function<String, E> valueOf)
			throws SQLException {
		var text = rs.getString(column);
		return text == null ? null : valueOf.apply(text);
	}

	static @Nullable String name(@Nullable Enum<?> constant) {
		return constant == null ? null : constant.name();
	}

}
