package org.harmwatch.hatclinic.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds heroin-assisted treatment's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HatProperties.class)
class HatConfiguration {

}
