package org.harmwatch.platform.internal;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the REST API and of the published feeds: what it is, and
 * which operations need a bearer token. An operation needs one unless its endpoint is a
 * {@code @PublicEndpoint} (open data: areas, public alerts as CAP and Atom, public
 * drug-checking results), exactly as the endpoint interceptor decides, so that the
 * document and the running application agree.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String API_TOKEN = "apiToken";

	@Bean
	OpenAPI harmwatchOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Harmwatch API")
				.version("1")
				.description("""
						The REST API of Harmwatch, and the public feeds. Partner systems authenticate with an API \
						token issued by their agency administrator: `Authorization: Bearer hw_…`. A token is \
						limited to its agency and to the capabilities and purposes it was granted. Operations that \
						need a token say so (`security: apiToken`); the others are open data and need none: \
						boundaries (`/api/areas/…`), public drug alerts as CAP 1.2 (`/alerts/{reference}.cap`, an \
						earlier version with `?version=N`) and Atom (`/alerts/feed.atom`, `/alerts/cap.atom`), and \
						public drug-checking results. `/api/early-warning/alerts` lists every alert, drafts and \
						professionals-only alerts included, for early-warning staff: it needs a token with \
						early-warning read access. Errors are `application/problem+json` (RFC 9457); validation \
						errors list each field in `errors`.""")
				.license(new License().name("Open Government Licence v3.0 (published data)")
					.url("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")))
			.components(new Components().addSecuritySchemes(API_TOKEN,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("hw_ token")));
	}

	/**
	 * Declares each operation public (no security) or needing the API token, by the same
	 * rule as {@link EndpointAuthorizationInterceptor}.
	 */
	@Bean
	GlobalOperationCustomizer publicOrToken() {
		return (operation, handler) -> {
			if (EndpointAuthorizationInterceptor.isPublic(handler)) {
				operation.setSecurity(List.of());
			}
			else {
				operation.setSecurity(List.of(new SecurityRequirement().addList(API_TOKEN)));
				if (operation.getResponses() != null && !operation.getResponses().containsKey("401")) {
					operation.getResponses()
						.addApiResponse("401", new ApiResponse().description("No token, or a token that is not valid"));
				}
			}
			return operation;
		};
	}

}
