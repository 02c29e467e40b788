package org.harmwatch.hatclinic.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The before/after report's means and 95 % intervals (Student's t). */
class IntervalsTests {

	@Test
	void theIntervalOfFiveChangesUsesTheTPointForFourDegreesOfFreedom() {
		// mean -10, sample sd sqrt(10) = 3.162, se 1.414, t(4) = 2.776
		var changes = List.of(-14, -12, -10, -8, -6);
		assertThat(Intervals.mean(changes)).isEqualTo(-10.0);
		var interval = Intervals.interval(changes);
		assertThat(interval[0]).isCloseTo(-10 - 2.776 * Math.sqrt(10) / Math.sqrt(5), within(1e-9));
		assertThat(interval[1]).isCloseTo(-10 + 2.776 * Math.sqrt(10) / Math.sqrt(5), within(1e-9));
	}

	@Test
	void identicalChangesHaveNoWidthAndOneValueIsItsOwnInterval() {
		assertThat(Intervals.interval(List.of(-3, -3, -3, -3, -3))).containsExactly(-3.0, -3.0);
		assertThat(Intervals.interval(List.of(7))).containsExactly(7.0, 7.0);
	}

	@Test
	void manyValuesUseTheNormalPoint() {
		var values = new ArrayList<Integer>();
		for (int i = 0; i < 40; i++) {
			values.add(i % 2 == 0 ? 0 : 2);
		}
		var interval = Intervals.interval(values);
		double se = Math.sqrt(40.0 / 39) / Math.sqrt(40);
		assertThat(interval[0]).isCloseTo(1 - 1.96 * se, within(1e-9));
	}

}
