package org.harmwatch.platform;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Array literals for multi-row inserts: nulls stay SQL NULL, quotes and backslashes are
 * escaped.
 */
class SqlArraysTests {

	@Test
	void valuesBecomeAnArrayLiteralWithNullsAndEscapes() {
		assertThat(SqlArrays.array(Arrays.asList("a", null, "say \"hi\"", "back\\slash", "{\"x\"}", "NULL")))
			.isEqualTo("{\"a\",NULL,\"say \\\"hi\\\"\",\"back\\\\slash\",\"{\\\"x\\\"}\",\"NULL\"}");
		assertThat(SqlArrays.array(List.of())).isEqualTo("{}");
	}

}
