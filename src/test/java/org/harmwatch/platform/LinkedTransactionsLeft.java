package org.harmwatch.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What a linked transaction left in the database, for the tests of this package. */
final class LinkedTransactionsLeft {

	private LinkedTransactionsLeft() {
	}

	/** {@code "<n> prepared, <m> recorded"} for the linked transaction of this name. */
	static String left(JdbcClient jdbc, String name) {
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM pg_prepared_xacts WHERE gid = :name) || ' prepared, '
				       || (SELECT count(*) FROM platform.linked_commit WHERE name = :name) || ' recorded'""")
			.param("name", name)
			.query(String.class)
			.single();
	}

}
