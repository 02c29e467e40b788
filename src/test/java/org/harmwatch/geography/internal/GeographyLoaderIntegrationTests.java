package org.harmwatch.geography.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading the bundled geography at start-up is idempotent, also when several instances
 * start at once.
 */
@HarmwatchIntegrationTest
class GeographyLoaderIntegrationTests {

	@Autowired
	GeographyLoader loader;

	@Autowired
	AreaCatalogue catalogue;

	@Autowired
	GeographyManagement geography;

	@Autowired
	JdbcClient jdbc;

	long areas() {
		return jdbc.sql("SELECT count(*) FROM geography.area").query(Long.class).single();
	}

	@Test
	void storedTheWholeDatasetAtStartUp() {
		assertThat(jdbc.sql("SELECT level, count(*) FROM geography.area GROUP BY level ORDER BY level")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
			.list()).containsExactly("LAD=7", "LSOA=1719", "MSOA=357", "WARD=192");
		// 1997-2020 from the population file, and 2024 summed from the LSOAs
		assertThat(jdbc.sql("SELECT count(*) FROM geography.lad_population").query(Long.class).single()).isEqualTo(175);
		assertThat(jdbc.sql("SELECT region FROM geography.dataset").query(String.class).single())
			.isEqualTo("West Midlands");
	}

	@Test
	void loadingAgainChangesNothing() {
		var checksum = jdbc.sql("SELECT checksum FROM geography.dataset").query(String.class).single();
		var again = loader.loadIfChanged();
		assertThat(again.loaded()).isFalse();
		assertThat(again.counts()).containsEntry(AreaLevel.LAD, 7L)
			.containsEntry(AreaLevel.WARD, 192L)
			.containsEntry(AreaLevel.MSOA, 357L)
			.containsEntry(AreaLevel.LSOA, 1719L);
		assertThat(areas()).isEqualTo(2275);

		var forced = loader.reload();
		assertThat(forced.loaded()).isTrue();
		assertThat(forced.counts()).isEqualTo(again.counts());
		assertThat(forced.populationRows()).isEqualTo(175);
		assertThat(areas()).isEqualTo(2275);
		assertThat(jdbc.sql("SELECT count(*) FROM geography.dataset").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT checksum FROM geography.dataset").query(String.class).single()).isEqualTo(checksum);
		catalogue.refresh();
		assertThat(geography.lookup(52.4797, -1.9027).orElseThrow().lad().code()).isEqualTo("E08000025");
	}

	@Test
	void instancesStartingTogetherLoadOnce() throws Exception {
		// A changed dataset (here: a forgotten checksum) is loaded by exactly one of the
		// instances that find it.
		jdbc.sql("UPDATE geography.dataset SET checksum = 'outdated'").update();
		Callable<Boolean> start = () -> loader.loadIfChanged().loaded();
		try (var pool = Executors.newFixedThreadPool(3)) {
			var results = pool.invokeAll(java.util.List.of(start, start, start));
			long loaded = 0;
			for (var result : results) {
				loaded += result.get() ? 1 : 0;
			}
			assertThat(loaded).isEqualTo(1);
		}
		assertThat(areas()).isEqualTo(2275);
		assertThat(jdbc.sql("SELECT checksum FROM geography.dataset").query(String.class).single())
			.isNotEqualTo("outdated");
	}

}
