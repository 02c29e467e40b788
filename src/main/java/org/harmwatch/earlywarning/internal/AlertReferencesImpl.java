package org.harmwatch.earlywarning.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reference counter of {@link AlertReferences}, one row per year.
 */
class AlertReferencesImpl implements AlertReferences {

	private final JdbcClient jdbc;

	AlertReferencesImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int nextReferenceNumber(int year) {
		return jdbc.sql("""
				INSERT INTO earlywarning.alert_reference (year, last) VALUES (?, 1)
				ON CONFLICT (year) DO UPDATE SET last = earlywarning.alert_reference.last + 1 RETURNING last""")
			.param(year)
			.query(Integer.class)
			.single();
	}

	@Override
	public void lockForChange(UUID alertId) {
		jdbc.sql("SELECT 1 FROM earlywarning.alert WHERE id = ? FOR UPDATE").param(alertId).query(Integer.class).list();
	}

}
