package org.harmwatch.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers {@link FormStatusInterceptor}, so that every form drawn again with errors
 * answers 422, and {@link LayoutAdvice}, which gives every page its layout's model.
 */
@Configuration(proxyBeanMethods = false)
class WebIdiomConfiguration implements WebMvcConfigurer {

	private final LayoutAdvice layout;

	WebIdiomConfiguration(LayoutAdvice layout) {
		this.layout = layout;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new FormStatusInterceptor());
		registry.addInterceptor(layout);
	}

}
