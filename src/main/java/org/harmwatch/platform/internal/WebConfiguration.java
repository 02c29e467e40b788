package org.harmwatch.platform.internal;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/**
 * Static assets and the default-deny interceptor.
 *
 * <p>
 * GOV.UK Frontend's stylesheet loads its images from the absolute path {@code /assets/…},
 * so that path is mapped into its WebJar (STACK.md gotcha 2).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final ApplicationContext context;

	WebConfiguration(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new EndpointAuthorizationInterceptor(context));
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		var version = new WebJarVersionLocator().version("govuk-frontend");
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(
					"classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/assets/");
	}

}
