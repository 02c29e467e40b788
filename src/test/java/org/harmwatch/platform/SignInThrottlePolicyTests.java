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
				Duration.ofHours(24), Duration.ofDays(90))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SignInThrottlePolicy(5, 10, 30, Duration.ofMinutes(20), Duration.ofMinutes(15),
				Duration.ofHours(24), Duration.ofDays(90))).isInstanceOf(IllegalArgumentException.class);
	}

}
