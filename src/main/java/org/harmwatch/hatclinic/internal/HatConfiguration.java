package org.harmwatch.hatclinic.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds heroin-assisted treatment's settings, and the recorded-crime link's key. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HatProperties.class)
class HatConfiguration {

	@Bean
	CrimeLinkKey crimeLinkKey(HatProperties properties) {
		return new CrimeLinkKey(properties.crimeLinkKey());
	}

}
