package org.harmwatch.platform.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code application/problem+json} from places outside Spring MVC (security
 * filters).
 */
final class ProblemResponses {

	private static final JsonMapper json = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/**
	 * Whether the caller is a program rather than a browser: API paths, or a bearer
	 * token.
	 */
	static boolean wantsProblem(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		var authorization = request.getHeader("Authorization");
		var accept = request.getHeader("Accept");
		return path.startsWith("/api/") || (authorization != null && authorization.startsWith("Bearer "))
				|| (accept != null && accept.contains("json") && !accept.contains("text/html"));
	}

	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail) throws IOException {
		write(request, response, status, title, detail, Map.of());
	}

	/**
	 * A problem document with properties of its own after the standard ones (e.g.
	 * {@code errors}).
	 */
	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail, Map<String, Object> properties) throws IOException {
		var problem = new LinkedHashMap<String, Object>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.putAll(properties);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

}
