package org.harmwatch.platform.internal;

import java.time.ZoneId;

import org.harmwatch.platform.RegionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one {@link RegionSettings} bean, with the older names of the public address
 * honoured when the new one is unset.
 */
@Configuration(proxyBeanMethods = false)
class RegionConfiguration {

	static final String PUBLIC_URL = "harmwatch.region.public-url";

	/**
	 * Older settings for the same address, in the order they are consulted when
	 * {@link #PUBLIC_URL} is unset.
	 */
	static final String[] PUBLIC_URL_ALIASES = { "harmwatch.alerts.public-url", "harmwatch.dissemination.base-url" };

	@Bean
	RegionSettings regionSettings(Environment environment) {
		return settings(environment);
	}

	static RegionSettings settings(Environment environment) {
		var publicUrl = environment.getProperty(PUBLIC_URL);
		for (int i = 0; i < PUBLIC_URL_ALIASES.length && isBlank(publicUrl); i++) {
			publicUrl = environment.getProperty(PUBLIC_URL_ALIASES[i]);
		}
		if (isBlank(publicUrl)) {
			publicUrl = "http://localhost:" + environment.getProperty("server.port", "8080");
		}
		var name = environment.getRequiredProperty("harmwatch.region.name");
		return new RegionSettings(name, ZoneId.of(environment.getRequiredProperty("harmwatch.region.time-zone")),
				publicUrl.strip(), environment.getProperty("harmwatch.region.issuer", name).strip(),
				environment.getProperty("harmwatch.region.helpline"));
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
