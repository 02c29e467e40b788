package org.harmwatch.platform.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Believes {@code X-Forwarded-*} headers only when they come from a proxy the operator
 * listed ({@code harmwatch.http.trusted-proxies}); from anyone else they are removed
 * before anything reads them.
 *
 * <p>
 * Behind a trusted proxy the client is the right-most {@code X-Forwarded-For} entry that
 * is not itself a trusted proxy: each proxy appends the address it was connected from, so
 * entries to the left of that one were written by the client and prove nothing. The
 * scheme, host and port then come from {@code X-Forwarded-Proto}, {@code -Host} and
 * {@code -Port} (Spring's {@link ForwardedHeaderFilter}), so a request that reached the
 * proxy over TLS is {@link HttpServletRequest#isSecure() secure} and gets secure cookies.
 * The RFC 7239 {@code Forwarded} header is not read; proxies send the
 * {@code X-Forwarded-*} ones.
 */
final class TrustedProxyFilter extends OncePerRequestFilter {

	private static final Set<String> FORWARDED_HEADERS = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto",
			"x-forwarded-host", "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-ssl");

	private static final String X_FORWARDED_FOR = "X-Forwarded-For";

	private final List<AddressRange> trusted;

	private final ForwardedHeaderFilter forwarded = new ForwardedHeaderFilter();

	TrustedProxyFilter(List<AddressRange> trusted) {
		this.trusted = List.copyOf(trusted);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isTrusted(request.getRemoteAddr())) {
			chain.doFilter(new Headers(request, null), response);
			return;
		}
		var client = clientAddress(request.getRemoteAddr(), Collections.list(request.getHeaders(X_FORWARDED_FOR)));
		// Spring's filter takes scheme, host and port from the proxy's headers (and
		// writes IPv6 clients in brackets);
		// the client address is the one found above, as it is written everywhere else.
		forwarded.doFilter(new Headers(request, client), response, (forwardedRequest, forwardedResponse) -> chain
			.doFilter(new ClientAddress((HttpServletRequest) forwardedRequest, client), forwardedResponse));
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	boolean isTrusted(@Nullable String address) {
		if (address == null || trusted.isEmpty()) {
			return false;
		}
		var parsed = AddressRange.numeric(address);
		return parsed.isPresent() && trusted.stream().anyMatch(range -> range.contains(parsed.get()));
	}

	/**
	 * The client behind a trusted proxy: walking {@code X-Forwarded-For} from the right,
	 * the first entry that is not a trusted proxy (or the left-most, when every entry is
	 * one).
	 */
	String clientAddress(String proxy, List<String> forwardedFor) {
		var hops = new ArrayList<String>();
		for (var header : forwardedFor) {
			for (var part : header.split(",")) {
				if (!part.isBlank()) {
					hops.add(withoutPort(part.strip()));
				}
			}
		}
		var client = proxy;
		for (int i = hops.size() - 1; i >= 0; i--) {
			client = hops.get(i);
			if (!isTrusted(client)) {
				break;
			}
		}
		return AddressRange.numeric(client).map(address -> address.getHostAddress()).orElse(client);
	}

	/**
	 * {@code 192.0.2.1:4711} and {@code [2001:db8::1]:4711} without their port; a bare
	 * IPv6 address as it is.
	 */
	private static String withoutPort(String hop) {
		if (hop.startsWith("[")) {
			int end = hop.indexOf(']');
			return end > 0 ? hop.substring(1, end) : hop;
		}
		int colon = hop.indexOf(':');
		return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
	}

	/**
	 * The request as Spring's filter adapted it, from the client the trusted proxies
	 * vouch for.
	 */
	private static final class ClientAddress extends HttpServletRequestWrapper {

		private final String client;

		ClientAddress(HttpServletRequest request, String client) {
			super(request);
			this.client = client;
		}

		@Override
		public String getRemoteAddr() {
			return client;
		}

		@Override
		public String getRemoteHost() {
			return client;
		}

	}

	/**
	 * The request without forwarded headers ({@code client == null}), or with
	 * {@code X-Forwarded-For} reduced to the client that the trusted proxies vouch for
	 * and {@code Forwarded} removed.
	 */
	private static final class Headers extends HttpServletRequestWrapper {

		private final @Nullable String client;

		Headers(HttpServletRequest request, @Nullable String client) {
			super(request);
			this.client = client;
		}

		private boolean hidden(String name) {
			var lower = name.toLowerCase(Locale.ROOT);
			if (client == null) {
				return FORWARDED_HEADERS.contains(lower);
			}
			return lower.equals("forwarded");
		}

		private boolean replaced(String name) {
			return client != null && name.equalsIgnoreCase(X_FORWARDED_FOR);
		}

		@Override
		public @Nullable String getHeader(String name) {
			if (replaced(name)) {
				return client;
			}
			return hidden(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if (replaced(name)) {
				return Collections.enumeration(List.of(client));
			}
			return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			var names = new ArrayList<String>();
			for (var name : Collections.list(super.getHeaderNames())) {
				if (!hidden(name)) {
					names.add(name);
				}
			}
			return Collections.enumeration(names);
		}

		@Override
		public String getRemoteAddr() {
			return client != null ? client : super.getRemoteAddr();
		}

		@Override
		public String getRemoteHost() {
			return client != null ? client : super.getRemoteHost();
		}

	}

}
