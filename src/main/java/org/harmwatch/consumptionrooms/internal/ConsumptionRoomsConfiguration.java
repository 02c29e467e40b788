package org.harmwatch.consumptionrooms.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsumptionRoomsProperties.class)
class ConsumptionRoomsConfiguration {

}
