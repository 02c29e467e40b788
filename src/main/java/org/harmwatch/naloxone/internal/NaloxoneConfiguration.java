package org.harmwatch.naloxone.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds naloxone's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NaloxoneProperties.class)
class NaloxoneConfiguration {

}
