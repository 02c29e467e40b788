package org.harmwatch.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo outbox ({@code harmwatch.demo.outbox}): e-mail goes to the demo's own SMTP
 * server instead of the one in {@code spring.mail.*}, and text messages to its own
 * stand-in for Notify.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("harmwatch.demo.outbox")
class DemoOutboxConfiguration {

	/** Made first (a bean factory post-processor), so that its settings are in place. */
	@Bean
	static DemoOutbox demoOutbox(ConfigurableEnvironment environment) {
		return new DemoOutbox(environment);
	}

	/** The mail sender every e-mail goes through: to the demo's SMTP server. */
	@Bean
	JavaMailSenderImpl demoMailSender(DemoOutbox outbox) {
		var sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(outbox.smtpPort());
		sender.setDefaultEncoding("UTF-8");
		return sender;
	}

}
