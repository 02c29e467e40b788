package org.harmwatch.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the REST API: what it is, and that callers present a bearer
 * token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI harmwatchOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Harmwatch API")
				.version("1")
				.description("""
						The REST API of Harmwatch. Partner systems authenticate with an API token issued by their \
						agency administrator: `Authorization: Bearer hw_…`. A token is limited to its agency and to \
						the capabilities and purposes it was granted. Errors are `application/problem+json` \
						(RFC 9457); validation errors list each field in `errors`. Published data (boundaries, \
						public alerts) needs no token.""")
				.license(new License().name("Open Government Licence v3.0 (published data)")
					.url("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")))
			.components(new Components().addSecuritySchemes("apiToken",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("hw_ token")))
			.addSecurityItem(new SecurityRequirement().addList("apiToken"));
	}

}
