package org.harmwatch.overdose;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.Observation;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration that gave analytics observations a tag backfills the overdose module's
 * observations recorded before it from their incident's source, the substance-class ones
 * ({@code <id>:<class>}) too, and leaves other sources' observations without a tag. Its
 * own UPDATE statement is run again on observations whose tag was cleared.
 */
@HarmwatchIntegrationTest
class ObservationTagBackfillIntegrationTests {

	static final String MIGRATION = "db/migration/V202612080200__analytics_observation_tag.sql";

	@Autowired
	OverdoseManagement overdoses;

	@Autowired
	AnalyticsManagement analytics;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	static String backfill() throws Exception {
		var sql = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
		int start = sql.indexOf("UPDATE analytics.observation");
		return sql.substring(start, sql.indexOf(';', start) + 1);
	}

	List<String> tags(UUID incident) {
		return jdbc.sql("""
				SELECT category || ' ' || coalesce(tag, '-') FROM analytics.observation_by_category
				WHERE source = 'overdose' AND split_part(source_id, ':', 1) = ? ORDER BY category""")
			.param(incident.toString())
			.query(String.class)
			.list();
	}

	@Test
	void observationsRecordedBeforeTheTagTakeTheirIncidentsSource() throws Exception {
		var paramedic = (HarmwatchUser) users.loadUserByUsername("paramedic");
		var at = Instant.now().minus(Duration.ofDays(400));
		var recorded = overdoses.record(
				new IncidentDraft(at, 52.45, -1.93, null, false, List.of(), IncidentSource.EMERGENCY_DEPARTMENT,
						"BACKFILL-" + UUID.randomUUID(), null, null, List.of("heroin"), null, null, null),
				paramedic, RecordedVia.API);
		var other = "backfill-test-" + UUID.randomUUID();
		analytics.observe(new Observation(other, "1", "OVERDOSE", at, 52.45, -1.93, 1));
		assertThat(tags(recorded.id())).contains("OVERDOSE EMERGENCY_DEPARTMENT",
				"OVERDOSE:OPIOID EMERGENCY_DEPARTMENT");

		// As they were before the migration: no tag.
		jdbc.sql(
				"UPDATE analytics.observation SET tag = NULL WHERE source = 'overdose' AND split_part(source_id, ':', 1) = ?")
			.param(recorded.id().toString())
			.update();
		assertThat(tags(recorded.id())).allSatisfy(tag -> assertThat(tag).endsWith(" -"));

		jdbc.sql(backfill()).update();
		assertThat(tags(recorded.id())).isNotEmpty()
			.allSatisfy(tag -> assertThat(tag).endsWith(" EMERGENCY_DEPARTMENT"))
			.contains("OVERDOSE EMERGENCY_DEPARTMENT", "OVERDOSE:OPIOID EMERGENCY_DEPARTMENT");
		assertThat(jdbc.sql("SELECT tag FROM analytics.observation WHERE source = ?")
			.param(other)
			.query(String.class)
			.list()).containsExactly((String) null);
	}

}
