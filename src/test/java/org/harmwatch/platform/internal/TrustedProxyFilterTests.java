package org.harmwatch.platform.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxyFilterTests {

	final TrustedProxyFilter filter = new TrustedProxyFilter(
			List.of(AddressRange.parse("10.0.0.0/24"), AddressRange.parse("2001:db8::/64")));

	HttpServletRequest seenBehind(MockHttpServletRequest request) throws Exception {
		var seen = new AtomicReference<HttpServletRequest>();
		filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				seen.set((HttpServletRequest) req);
			}

		});
		return seen.get();
	}

	static MockHttpServletRequest from(String address, String... forwardedFor) {
		var request = new MockHttpServletRequest("POST", "/drug-checking/results");
		request.setRemoteAddr(address);
		for (var value : forwardedFor) {
			request.addHeader("X-Forwarded-For", value);
		}
		return request;
	}

	@Test
	void aClientThatIsNoTrustedProxyCannotNameItselfSomeoneElse() throws Exception {
		var request = from("203.0.113.9", "198.51.100.1");
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("Forwarded", "for=198.51.100.2;proto=https");

		var seen = seenBehind(request);

		assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
		assertThat(seen.isSecure()).isFalse();
		assertThat(seen.getScheme()).isEqualTo("http");
		assertThat(seen.getHeader("X-Forwarded-For")).isNull();
		assertThat(seen.getHeader("Forwarded")).isNull();
		assertThat(java.util.Collections.list(seen.getHeaderNames()))
			.noneMatch(n -> n.toLowerCase().contains("forward"));
	}

	@Test
	void behindATrustedProxyTheClientIsTheRightMostAddressNoProxyWrote() throws Exception {
		// The client wrote 6.6.6.6 itself; the outer proxy (10.0.0.2) appended
		// 192.0.2.44, the address it saw; the
		// inner proxy (10.0.0.7) appended 10.0.0.2 and connected to us.
		var seen = seenBehind(from("10.0.0.7", "6.6.6.6, 192.0.2.44", "10.0.0.2"));

		assertThat(seen.getRemoteAddr()).isEqualTo("192.0.2.44");
		assertThat(seen.getRemoteHost()).isEqualTo("192.0.2.44");
	}

	@Test
	void portsAndBracketsAreNotPartOfTheAddress() throws Exception {
		assertThat(seenBehind(from("10.0.0.7", "192.0.2.44:51234")).getRemoteAddr()).isEqualTo("192.0.2.44");
		assertThat(seenBehind(from("2001:db8::5", "[2001:db8:1::9]:443")).getRemoteAddr())
			.isEqualTo("2001:db8:1:0:0:0:0:9");
	}

	@Test
	void aTrustedProxyWithoutForwardedForIsTheClient() throws Exception {
		assertThat(seenBehind(from("10.0.0.7")).getRemoteAddr()).isEqualTo("10.0.0.7");
	}

	@Test
	void aRequestThatReachedATrustedProxyOverTlsIsSecure() throws Exception {
		var request = from("10.0.0.7", "192.0.2.44");
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("X-Forwarded-Host", "harmwatch.example.gov.uk");

		var seen = seenBehind(request);

		assertThat(seen.isSecure()).isTrue();
		assertThat(seen.getScheme()).isEqualTo("https");
		assertThat(seen.getServerName()).isEqualTo("harmwatch.example.gov.uk");
		assertThat(seen.getRemoteAddr()).isEqualTo("192.0.2.44");
	}

	@Test
	void withNoTrustedProxiesForwardedHeadersAreIgnoredFromEveryone() throws Exception {
		var none = new TrustedProxyFilter(List.of());
		var request = from("127.0.0.1", "192.0.2.1");
		request.addHeader("X-Forwarded-Proto", "https");
		var seen = new AtomicReference<HttpServletRequest>();
		none.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));

		assertThat(seen.get().getRemoteAddr()).isEqualTo("127.0.0.1");
		assertThat(seen.get().isSecure()).isFalse();
	}

}
