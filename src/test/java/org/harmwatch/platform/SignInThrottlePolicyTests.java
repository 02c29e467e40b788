package org.harmwatch.platform;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottlePolicyTests {

	final SignInThrottlePolicy policy = new SignInThrottlePolicy(5, 10, 30, Duration.ofSeconds(1),
			Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofDays(90));

	@Test
	void theFreeFailuresCostNothingThenTheWaitDoublesUpToTheMaximum() {
		assertThat(policy.delayAfter(1, 5)).isZero();
		assertThat(policy.delayAfter(5, 5)).isZero();
		assertThat(policy.delayAfter(6, 5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(policy.delayAfter(7, 5)).isEqualTo(Duration.ofSeconds(2));
		assertThat(policy.delayAfter(8, 5)).isEqualTo(Duration.ofSeconds(4));
		assertThat(policy.delayAfter(15, 5)).isEqualTo(Duration.ofSeconds(512));
		assertThat(policy.delayAfter(16, 5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(policy.delayAfter(1_000_000, 5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(policy.delayAfter(11, 10)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void refusesSettingsThatMakeNoSense() {
		assertThatThrownBy(() -> new SignInThrottlePolicy(-1, 10, 30, Duration.ofSeconds(1), Duration.ofMinutes(15),
				Duration.ofHours(24), Duration.ofDays(90)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SignInThrottlePolicy(5, 10, 30, Duration.ofMinutes(20), Duration.ofMinutes(15),
				Duration.ofHours(24), Duration.ofDays(90)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void zeroFreeFailuresAndEqualDelaysAreAllowed() {
		var strict = new SignInThrottlePolicy(0, 0, 0, Duration.ofSeconds(3), Duration.ofSeconds(3),
				Duration.ofHours(1), Duration.ofDays(1));

		assertThat(strict.delayAfter(0, 0)).isZero();
		assertThat(strict.delayAfter(1, 0)).isEqualTo(Duration.ofSeconds(3));
		assertThat(strict.delayAfter(9, 0)).isEqualTo(Duration.ofSeconds(3));
		var none = new SignInThrottlePolicy(0, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ofHours(1),
				Duration.ofDays(1));
		assertThat(none.delayAfter(4, 0)).isZero();
	}

	@Test
	void refusesEachNegativeOrEmptySetting() {
		Duration s = Duration.ofSeconds(1);
		Duration m = Duration.ofMinutes(15);
		Duration h = Duration.ofHours(24);
		Duration d = Duration.ofDays(90);
		assertThatThrownBy(() -> new SignInThrottlePolicy(5, -1, 30, s, m, h, d))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SignInThrottlePolicy(5, 10, -1, s, m, h, d))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SignInThrottlePolicy(5, 10, 30, s.negated(), m, h, d))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SignInThrottlePolicy(5, 10, 30, s, m, Duration.ZERO, d))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SignInThrottlePolicy(5, 10, 30, s, m, h, Duration.ZERO))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
