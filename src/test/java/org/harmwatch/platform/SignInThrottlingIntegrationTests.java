package org.harmwatch.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sign-in as an attacker tries it: locking someone else out, telling real usernames from
 * unknown ones, and the session cookie behind TLS. Requests come "from" documentation
 * addresses (192.0.2.0/24, 203.0.113.0/24, 198.18.0.0/15), one range per test, so the
 * tests' failures never slow each other.
 */
@HarmwatchIntegrationTest
class SignInThrottlingIntegrationTests {

	static final String PASSWORD = "correct horse battery staple";

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	AgencyManagement agencies;

	@Autowired
	JdbcClient jdbc;

	static String unique(String prefix) {
		return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
	}

	String administrator() {
		var username = unique("t.admin");
		agencies.createStaff(username, "Test " + username, username + "@test.example", "WMPCC",
				List.of("ADMINISTRATOR"), PASSWORD);
		return username;
	}

	MockHttpServletRequestBuilder signIn(String username, String password, String address, Cookie... cookies) {
		var request = post("/login").with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		}).param("username", username).param("password", password);
		return cookies.length == 0 ? request : request.cookie(cookies);
	}

	MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	static String where(MockHttpServletResponse response) {
		return response.getRedirectedUrl();
	}

	@Test
	void aStrangerCannotLockAnAdministratorOut() throws Exception {
		var username = administrator();
		var usual = send(signIn(username, PASSWORD, "192.0.2.10"));
		assertThat(where(usual)).isEqualTo("/");
		var device = usual.getCookie("HW-DEVICE");
		assertThat(device).isNotNull();
		assertThat(device.isHttpOnly()).isTrue();
		assertThat(device.getPath()).isEqualTo("/login");

		// The old attack: wrong passwords, from one address and then from many.
		var answers = new ArrayList<String>();
		for (int i = 0; i < 12; i++) {
			answers.add(where(send(signIn(username, "wrong password " + i, "203.0.113.66"))));
		}
		for (int i = 0; i < 12; i++) {
			answers.add(where(send(signIn(username, "wrong password " + i, "203.0.113." + (100 + i)))));
		}
		assertThat(answers.subList(0, 5)).containsOnly("/login?error");
		assertThat(answers).anySatisfy(answer -> assertThat(answer).startsWith("/login?throttled="));
		// The stranger is slowed: even the right password is not checked from there now.
		assertThat(where(send(signIn(username, PASSWORD, "203.0.113.66")))).startsWith("/login?throttled=");
		assertThat(where(send(signIn(username, PASSWORD, "203.0.113.200")))).startsWith("/login?throttled=");

		// The owner is not: from the usual address, and from anywhere with the usual
		// device.
		assertThat(where(send(signIn(username, PASSWORD, "192.0.2.10")))).isEqualTo("/");
		assertThat(where(send(signIn(username, PASSWORD, "198.18.0.5", device)))).isEqualTo("/");
		// A forged device cookie is a stranger.
		assertThat(where(send(signIn(username, PASSWORD, "198.18.0.6", new Cookie("HW-DEVICE", "A".repeat(43))))))
			.startsWith("/login?throttled=");
		assertThat(jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE action = 'SIGN_IN_SLOWED' AND actor = ?")
			.param(username)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anUnknownUsernameGetsTheSameAnswerAsAWrongPassword() throws Exception {
		var known = administrator();
		var unknown = unique("nobody");

		assertThat(where(send(signIn(known, "wrong password", "192.0.2.20")))).isEqualTo("/login?error");
		assertThat(where(send(signIn(unknown, "wrong password", "192.0.2.21")))).isEqualTo("/login?error");

		// Throttling follows the username as typed, so it starts at the same attempt for
		// both.
		var knownAnswers = new ArrayList<String>();
		var unknownAnswers = new ArrayList<String>();
		for (int i = 0; i < 6; i++) {
			knownAnswers.add(where(send(signIn(known, "wrong " + i, "192.0.2.22"))));
			unknownAnswers.add(where(send(signIn(unknown, "wrong " + i, "192.0.2.23"))));
		}
		assertThat(knownAnswers).isEqualTo(unknownAnswers);
		assertThat(knownAnswers.get(4)).isEqualTo("/login?error");
		assertThat(knownAnswers.get(5)).isEqualTo("/login?throttled=1");
	}

	@Test
	void onlySomeoneWithThePasswordHearsThatAnAccountIsDisabled() throws Exception {
		var username = administrator();
		var member = agencies.staffMember(agencies.staffPage(username, null, null, 1).rows().get(0).id());
		agencies.changeStaff(member.id(), member.displayName(), member.email(), "WMPCC", List.of("ADMINISTRATOR"),
				false, member.version());

		assertThat(where(send(signIn(username, "wrong password", "192.0.2.30")))).isEqualTo("/login?error");
		assertThat(where(send(signIn(username, PASSWORD, "192.0.2.30")))).isEqualTo("/login?disabled");
	}

	@Test
	void theSessionCookieIsSecureWhenTheRequestCameOverTls() throws Exception {
		var username = administrator();

		var plain = send(signIn(username, PASSWORD, "192.0.2.40"));
		var tls = send(signIn(username, PASSWORD, "192.0.2.40").secure(true));
		var behindProxy = send(signIn(username, PASSWORD, "198.51.100.1").header("X-Forwarded-For", "192.0.2.40")
			.header("X-Forwarded-Proto", "https"));
		var forgedProto = send(signIn(username, PASSWORD, "192.0.2.40").header("X-Forwarded-Proto", "https"));

		assertThat(plain.getCookie("SESSION").getSecure()).isFalse();
		assertThat(tls.getCookie("SESSION").getSecure()).isTrue();
		assertThat(tls.getCookie("HW-DEVICE").getSecure()).isTrue();
		assertThat(behindProxy.getCookie("SESSION").getSecure()).isTrue();
		assertThat(behindProxy.getRedirectedUrl()).startsWith("https://");
		assertThat(forgedProto.getCookie("SESSION").getSecure()).isFalse();
	}

}
