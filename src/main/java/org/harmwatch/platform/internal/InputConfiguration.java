package org.harmwatch.platform.internal;

import java.time.temporal.TemporalAccessor;

import jakarta.servlet.DispatcherType;
import org.harmwatch.platform.InputRanges;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * What every request must be before any endpoint sees it: text that can be stored
 * ({@link InputHygieneFilter}) and, for API bodies, JSON that says exactly what the
 * endpoint reads.
 *
 * <p>
 * API request bodies are read strictly: a property the endpoint does not know, a fraction
 * where a whole number is wanted, or anything after the JSON value is refused and named
 * ({@code ApiProblemHandler}), instead of being dropped, rounded or ignored; so is a date
 * outside the years {@link InputRanges} accepts. Only the MVC reader is strict; the
 * application's other JSON (event publications, feeds) keeps Jackson's defaults, so an
 * event stored by an older version still reads.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InputProperties.class)
class InputConfiguration implements WebMvcConfigurer {

	/**
	 * After the character encoding, session and forwarded-header filters; before sign-in
	 * and CSRF.
	 */
	static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10;

	@Bean
	FilterRegistrationBean<InputHygieneFilter> inputHygieneFilter(InputProperties properties) {
		var registration = new FilterRegistrationBean<>(new InputHygieneFilter(properties));
		registration.setOrder(ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * A request the firewall refuses (e.g. a control character in a parameter's name) is
	 * a 400, not a 500.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConvertersList(converters -> converters.replaceAll(converter -> {
			// Exactly Spring's converter: a subclass registered by a library
			// (springdoc's, first in the list) writes its
			// own documents and must stay as it is.
			if (converter.getClass() == JacksonJsonHttpMessageConverter.class
					&& converter instanceof JacksonJsonHttpMessageConverter json) {
				return new JacksonJsonHttpMessageConverter(json.getMapper()
					.rebuild()
					.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
					.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
					.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
					.addModule(
							new SimpleModule("harmwatch-accepted-dates").setDeserializerModifier(new AcceptedDates()))
					.build());
			}
			return converter;
		}));
	}

	/**
	 * Gives every date, month and instant read from an API body the check of
	 * {@link InputRanges}.
	 */
	static final class AcceptedDates extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
				BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
			var type = deserializer.handledType();
			return type != null && TemporalAccessor.class.isAssignableFrom(type) ? new InRange(deserializer)
					: deserializer;
		}

	}

	/**
	 * A date read as its own deserializer reads it, then refused when it lies outside the
	 * accepted years.
	 */
	static final class InRange extends DelegatingDeserializer {

		InRange(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new InRange(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			var value = super.deserialize(parser, context);
			if (value instanceof TemporalAccessor temporal && !InputRanges.isAccepted(temporal)) {
				throw InvalidFormatException.from(parser,
						"outside the years " + InputRanges.FIRST_YEAR + " to " + InputRanges.LAST_YEAR,
						String.valueOf(value), handledType());
			}
			return value;
		}

	}

}
