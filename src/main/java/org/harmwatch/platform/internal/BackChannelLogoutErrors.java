package org.harmwatch.platform.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a malformed logout token at the back-channel logout endpoint with 400, as OIDC
 * Back-Channel Logout 1.0 §2.8 asks, instead of a 500.
 *
 * <p>
 * Spring Security 7.1 refuses most bad logout tokens with 400 itself, but one that is
 * validly signed and lacks the {@code events} claim makes its validator throw, and the
 * error escapes as a server error.
 */
class BackChannelLogoutErrors extends OncePerRequestFilter {

	static final String PATH = "/logout/connect/back-channel/";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (AuthenticationServiceException failed) {
			if (!(failed.getCause() instanceof IllegalArgumentException) || response.isCommitted()) {
				throw failed;
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter()
				.write("{\"error\":\"invalid_request\",\"error_description\":\"not a valid logout token\"}");
		}
	}

}
