package org.harmwatch.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Rate limits against a client that rotates X-Forwarded-For, and across instances (two
 * limiters on one database). The public result lookup allows 10 lookups per client, then
 * one a minute.
 */
@HarmwatchIntegrationTest
class RateLimitIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RateLimitStore store;

	@Autowired
	JdbcClient jdbc;

	MockHttpServletRequestBuilder lookup(String from, int guess) {
		return post("/drug-checking/results").with(csrf()).with(r -> {
			r.setRemoteAddr(from);
			return r;
		}).param("code", "WM-2222-2222-%04d".formatted(guess));
	}

	int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	@Test
	void aClientRotatingXForwardedForIsStillOneClient() throws Exception {
		var statuses = new ArrayList<Integer>();
		for (int i = 0; i < 15; i++) {
			statuses.add(status(lookup("192.0.2.60", i).header("X-Forwarded-For", "10.9." + i + "." + i)));
		}

		assertThat(statuses.subList(0, 10)).containsOnly(200);
		assertThat(statuses.subList(10, 15)).containsOnly(429);
	}

	@Test
	void behindTheTrustedProxyTheClientIsTheAddressTheProxySaw() throws Exception {
		var statuses = new ArrayList<Integer>();
		for (int i = 0; i < 12; i++) {
			// What the client wrote (left) changes every time; what the proxy appended
			// (right) does not.
			statuses.add(status(lookup("198.51.100.1", i).header("X-Forwarded-For", "10.8." + i + ".1, 192.0.2.61")));
		}
		assertThat(statuses.subList(0, 10)).containsOnly(200);
		assertThat(statuses.subList(10, 12)).containsOnly(429);

		// Another client behind the same proxy has its own bucket.
		assertThat(status(lookup("198.51.100.1", 99).header("X-Forwarded-For", "192.0.2.62"))).isEqualTo(200);
	}

	@Test
	void twoInstancesSharingTheDatabaseShareTheBucket() {
		var name = "test.shared." + UUID.randomUUID();
		var first = new ClientRateLimiter(name, 3, Duration.ofHours(1), store);
		var second = new ClientRateLimiter(name, 3, Duration.ofHours(1), store);

		assertThat(first.tryAcquire("192.0.2.70")).isTrue();
		assertThat(second.tryAcquire("192.0.2.70")).isTrue();
		assertThat(first.tryAcquire("192.0.2.70")).isTrue();
		assertThat(second.tryAcquire("192.0.2.70")).isFalse();
		assertThat(first.tryAcquire("192.0.2.70")).isFalse();
		assertThat(second.tryAcquire("192.0.2.71")).isTrue();
		// Only a keyed hash of the address is stored.
		assertThat(jdbc.sql("SELECT count(*) FROM platform.rate_limit_bucket WHERE limiter = ? AND client LIKE '%192%'")
			.param(name)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void concurrentRequestsOnTwoInstancesNeverTakeMoreThanTheBucketHolds() throws Exception {
		var name = "test.concurrent." + UUID.randomUUID();
		var instances = new ClientRateLimiter[] { new ClientRateLimiter(name, 5, Duration.ofHours(1), store),
				new ClientRateLimiter(name, 5, Duration.ofHours(1), store) };
		var attempts = new ArrayList<Callable<Boolean>>();
		for (int i = 0; i < 24; i++) {
			var limiter = instances[i % 2];
			attempts.add(() -> limiter.tryAcquire("192.0.2.72"));
		}
		long granted;
		try (var pool = Executors.newFixedThreadPool(8)) {
			granted = pool.invokeAll(attempts).stream().filter(future -> {
				try {
					return future.get();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}).count();
		}
		assertThat(granted).isEqualTo(5);
	}

	@Test
	void aBucketIsDeletedOnceItIsFullAgain() {
		var name = "test.sweep." + UUID.randomUUID();
		var limiter = new ClientRateLimiter(name, 2, Duration.ofMinutes(1), store);
		limiter.tryAcquire("192.0.2.73");
		var rows = "SELECT count(*) FROM platform.rate_limit_bucket WHERE limiter = '" + name + "'";

		store.sweep(Instant.now());
		assertThat(jdbc.sql(rows).query(Long.class).single()).isEqualTo(1);
		store.sweep(Instant.now().plus(Duration.ofMinutes(2)));
		assertThat(jdbc.sql(rows).query(Long.class).single()).isZero();
	}

}
