package org.harmwatch.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.harmwatch.platform.internal.AddressRange;
import org.harmwatch.platform.internal.OutboundAddresses;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Harmwatch's own HTTP requests to URLs that staff or partners gave it (federation feeds,
 * webhooks), kept from reaching internal addresses: loopback, private (RFC 1918, IPv6
 * unique local), link-local (the cloud metadata service at 169.254.169.254), multicast,
 * unspecified and IPv4 addresses inside IPv6 ones (see {@link OutboundAddresses}).
 *
 * <p>
 * The address is checked as the socket connects, after DNS has answered, so a name that
 * resolves to a public address when a form is filled in and to an internal one later (DNS
 * rebinding) is still refused. Redirects are never followed automatically: {@link #get}
 * follows up to {@value #MAX_REDIRECTS} itself, each through the same check;
 * {@link #post} follows none. An administrator may allow-list hosts that are meant to be
 * internal ({@code harmwatch.outbound.allowed-hosts}); only requests to exactly those
 * hosts skip the check.
 */
@Component
public class OutboundHttp {

	/** The most redirects a GET follows. */
	public static final int MAX_REDIRECTS = 5;

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	/**
	 * What a server answered.
	 *
	 * @param status the HTTP status
	 * @param body the body (for a GET, at most the bytes asked for)
	 * @param uri the URL that answered, after any redirects
	 */
	public record Response(int status, byte[] body, URI uri) {
	}

	private final Set<String> allowedHosts;

	private final CloseableHttpClient guarded;

	private final CloseableHttpClient allowListed;

	public OutboundHttp(OutboundProperties properties) {
		this.allowedHosts = properties.allowedHosts()
			.stream()
			.filter(host -> !host.isBlank())
			.map(OutboundHttp::normalisedHost)
			.collect(Collectors.toUnmodifiableSet());
		this.guarded = client(true);
		this.allowListed = client(false);
	}

	@PreDestroy
	void close() throws IOException {
		guarded.close();
		allowListed.close();
	}

	/**
	 * GETs {@code url}, following up to {@value #MAX_REDIRECTS} redirects, each checked
	 * like the first request.
	 * @param maxBytes the most of the body to read; a longer body is cut there (the
	 * caller can tell by its length)
	 * @throws OutboundRefusedException if the URL, or a redirect, would reach an internal
	 * address
	 */
	public Response get(URI url, Map<String, String> headers, Duration timeout, int maxBytes) throws IOException {
		var current = url;
		for (int hop = 0;; hop++) {
			var request = new HttpGet(checked(current));
			headers.forEach(request::addHeader);
			var answer = execute(request, current, timeout, maxBytes);
			if (!REDIRECTS.contains(answer.status()) || answer.location() == null) {
				return new Response(answer.status(), answer.body(), current);
			}
			if (hop == MAX_REDIRECTS) {
				throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + url);
			}
			try {
				current = current.resolve(new URI(answer.location().strip()));
			}
			catch (URISyntaxException | IllegalArgumentException ex) {
				throw new IOException("a redirect to an invalid URL from " + current);
			}
		}
	}

	/**
	 * POSTs {@code body} to {@code url}; a redirect is returned as it is, never followed.
	 * @throws OutboundRefusedException if the URL would reach an internal address
	 */
	public Response post(URI url, Map<String, String> headers, String contentType, byte[] body, Duration timeout)
			throws IOException {
		var request = new HttpPost(checked(url));
		headers.forEach(request::addHeader);
		request.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
		var answer = execute(request, url, timeout, 0);
		return new Response(answer.status(), answer.body(), url);
	}

	/**
	 * Why a request to {@code url} would be refused, without sending it: not HTTP(S), or
	 * the host is written as, or (looked up now) resolves only to, internal addresses and
	 * is not allow-listed. For checking a URL as it is entered; the real check is made
	 * again as each request connects.
	 */
	public Optional<String> refusal(URI url) {
		try {
			checked(url);
		}
		catch (OutboundRefusedException ex) {
			return Optional.of(ex.getMessage());
		}
		var host = normalisedHost(url.getHost());
		if (allowedHosts.contains(host) || AddressRange.numeric(host).isPresent()) {
			return Optional.empty();
		}
		try {
			var addresses = InetAddress.getAllByName(host);
			for (var address : addresses) {
				if (OutboundAddresses.refusal(address).isEmpty()) {
					return Optional.empty();
				}
			}
			return Optional.of(refusedMessage(host, addresses[0]));
		}
		catch (UnknownHostException ex) {
			// Not known now; it may be later. The check when it connects still applies.
			return Optional.empty();
		}
	}

	/**
	 * Whether requests to this host (as written in a URL) skip the internal-address
	 * check.
	 */
	public boolean isAllowListed(String host) {
		return allowedHosts.contains(normalisedHost(host));
	}

	private URI checked(URI url) throws OutboundRefusedException {
		var scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new OutboundRefusedException("only http and https URLs are fetched, not " + url);
		}
		if (url.getHost() == null || url.getHost().isBlank()) {
			throw new OutboundRefusedException("no host in " + url);
		}
		if (url.getRawUserInfo() != null) {
			throw new OutboundRefusedException("user names and passwords are not sent in URLs: " + url.getHost());
		}
		var host = normalisedHost(url.getHost());
		if (!allowedHosts.contains(host)) {
			var literal = AddressRange.numeric(host);
			if (literal.isPresent() && OutboundAddresses.refusal(literal.get()).isPresent()) {
				throw new OutboundRefusedException(refusedMessage(host, literal.get()));
			}
		}
		return url;
	}

	private record Answer(int status, byte[] body, @Nullable String location) {
	}

	private Answer execute(HttpUriRequestBase request, URI url, Duration timeout, int maxBytes) throws IOException {
		request.setConfig(RequestConfig.custom()
			.setResponseTimeout(Timeout.of(timeout))
			.setConnectionRequestTimeout(Timeout.of(timeout))
			.build());
		var client = allowedHosts.contains(normalisedHost(url.getHost())) ? allowListed : guarded;
		return client.execute(request, response -> {
			byte[] body = new byte[0];
			var entity = response.getEntity();
			if (entity != null) {
				try (var in = entity.getContent()) {
					body = maxBytes > 0 ? in.readNBytes(maxBytes) : new byte[0];
				}
			}
			var location = response.getFirstHeader("Location");
			return new Answer(response.getCode(), body, location == null ? null : location.getValue());
		});
	}

	private static CloseableHttpClient client(boolean guard) {
		DetachedSocketFactory sockets = proxy -> guard ? new GuardedSocket() : new Socket();
		var tls = RegistryBuilder.<TlsSocketStrategy>create()
			.register("https", DefaultClientTlsStrategy.createDefault())
			.build();
		var operator = new DefaultHttpClientConnectionOperator(sockets, null, SystemDefaultDnsResolver.INSTANCE, tls);
		var connections = new PoolingHttpClientConnectionManager(operator, PoolConcurrencyPolicy.STRICT,
				PoolReusePolicy.LIFO, TimeValue.ofMinutes(1), null);
		connections.setDefaultConnectionConfig(ConnectionConfig.custom()
			.setConnectTimeout(10, TimeUnit.SECONDS)
			.setSocketTimeout(30, TimeUnit.SECONDS)
			.build());
		connections.setMaxTotal(20);
		connections.setDefaultMaxPerRoute(4);
		return HttpClients.custom()
			.setConnectionManager(connections)
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAutomaticRetries()
			.disableAuthCaching()
			.setUserAgent("Harmwatch")
			.build();
	}

	private static String normalisedHost(String host) {
		var lower = host.strip().toLowerCase(Locale.ROOT);
		if (lower.startsWith("[") && lower.endsWith("]")) {
			lower = lower.substring(1, lower.length() - 1);
		}
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

	private static String refusedMessage(String host, InetAddress address) {
		var why = OutboundAddresses.refusal(address).orElse("an internal address");
		return "refused: " + host + " is "
				+ (host.equals(address.getHostAddress()) ? "" : address.getHostAddress() + ", ") + why
				+ "; an administrator can allow it with harmwatch.outbound.allowed-hosts";
	}

	/**
	 * A socket that refuses to connect to an internal address: the check that DNS answers
	 * cannot get round.
	 */
	private static final class GuardedSocket extends Socket {

		@Override
		public void connect(SocketAddress endpoint, int timeout) throws IOException {
			if (!(endpoint instanceof InetSocketAddress target) || target.isUnresolved()) {
				throw new OutboundRefusedException("refused: an unresolved address " + endpoint);
			}
			var address = target.getAddress();
			if (OutboundAddresses.refusal(address).isPresent()) {
				close();
				var host = target.getHostString();
				throw new OutboundRefusedException(
						refusedMessage(host == null ? address.getHostAddress() : host, address));
			}
			super.connect(endpoint, timeout);
		}

	}

}
