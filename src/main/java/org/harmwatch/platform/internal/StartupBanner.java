package org.harmwatch.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started Harmwatch where to find it.
 */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void ready(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			log.info("\n\n  Harmwatch is running at http://localhost:{}/\n", web.getWebServer().getPort());
		}
	}

}
