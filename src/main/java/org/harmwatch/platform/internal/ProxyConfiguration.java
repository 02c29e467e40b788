package org.harmwatch.platform.internal;

import jakarta.servlet.DispatcherType;
import org.harmwatch.platform.HttpProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link TrustedProxyFilter} in front of every other filter (sessions, security,
 * rate limits), so each of them sees the client address and scheme that a trusted proxy
 * vouched for, and nothing a client wrote itself.
 */
@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

	@Bean
	FilterRegistrationBean<TrustedProxyFilter> trustedProxyFilter(HttpProperties properties) {
		var ranges = properties.trustedProxies().stream().filter(p -> !p.isBlank()).map(AddressRange::parse).toList();
		var registration = new FilterRegistrationBean<>(new TrustedProxyFilter(ranges));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR,
				DispatcherType.FORWARD, DispatcherType.INCLUDE);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
