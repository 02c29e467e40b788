package org.harmwatch.earlywarning.internal.federation;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feeds are configured by environment variables exactly as docs/operations.md shows.
 */
class FederationPropertiesTests {

	@Test
	void feedsBindFromTheEnvironmentVariablesTheOperationsGuideShows() {
		var environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("HARMWATCH_EARLYWARNING_FEDERATION_FEEDS_0_NAME", "Greater Manchester DEWS",
									"HARMWATCH_EARLYWARNING_FEDERATION_FEEDS_0_URL",
									"https://dews.example.gov.uk/alerts/cap.atom",
									"HARMWATCH_EARLYWARNING_FEDERATION_EVERY", "PT5M")));

		var properties = Binder.get(environment)
			.bindOrCreate("harmwatch.early-warning.federation", FederationProperties.class);

		assertThat(properties.feeds()).containsExactly(new FederationProperties.Feed("Greater Manchester DEWS",
				URI.create("https://dews.example.gov.uk/alerts/cap.atom")));
		assertThat(properties.every()).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(20));
	}

}
