package org.harmwatch.platform.internal;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionSettingsTests {

	final MockEnvironment environment = new MockEnvironment().withProperty("harmwatch.region.name", "West Midlands")
		.withProperty("harmwatch.region.time-zone", "Europe/London");

	@Test
	void readsTheRegionAndDropsTheTrailingSlash() {
		environment.setProperty("harmwatch.region.public-url", "https://harmwatch.example.org/");
		var settings = RegionConfiguration.settings(environment);
		assertThat(settings.name()).isEqualTo("West Midlands");
		assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Europe/London"));
		assertThat(settings.publicUrl()).isEqualTo("https://harmwatch.example.org");
		assertThat(settings.url("alerts/7")).isEqualTo("https://harmwatch.example.org/alerts/7");
	}

	@Test
	void theNewSettingWinsOverTheOldOnes() {
		environment.setProperty("harmwatch.region.public-url", "https://new.example.org");
		environment.setProperty("harmwatch.alerts.public-url", "https://alerts.example.org");
		environment.setProperty("harmwatch.dissemination.base-url", "https://messages.example.org");
		assertThat(RegionConfiguration.settings(environment).publicUrl()).isEqualTo("https://new.example.org");
	}

	@Test
	void theOldAlertsSettingIsHonouredWhenTheNewOneIsUnset() {
		environment.setProperty("harmwatch.alerts.public-url", "https://alerts.example.org/");
		environment.setProperty("harmwatch.dissemination.base-url", "https://messages.example.org");
		assertThat(RegionConfiguration.settings(environment).publicUrl()).isEqualTo("https://alerts.example.org");
	}

	@Test
	void thenTheOldDisseminationSettingThenThisServer() {
		environment.setProperty("harmwatch.dissemination.base-url", "https://messages.example.org");
		assertThat(RegionConfiguration.settings(environment).publicUrl()).isEqualTo("https://messages.example.org");

		var bare = new MockEnvironment().withProperty("harmwatch.region.name", "West Midlands")
			.withProperty("harmwatch.region.time-zone", "Europe/London")
			.withProperty("server.port", "9090");
		assertThat(RegionConfiguration.settings(bare).publicUrl()).isEqualTo("http://localhost:9090");
	}

	@Test
	void refusesAnAddressThatIsNotAWebAddressAndAnUnknownZone() {
		environment.setProperty("harmwatch.region.public-url", "harmwatch.example.org");
		assertThatThrownBy(() -> RegionConfiguration.settings(environment))
			.hasMessageContaining("harmwatch.region.public-url");
		environment.setProperty("harmwatch.region.public-url", "https://harmwatch.example.org");
		environment.setProperty("harmwatch.region.time-zone", "Europe/Birmingham");
		assertThatThrownBy(() -> RegionConfiguration.settings(environment)).isInstanceOf(RuntimeException.class);
	}

}
