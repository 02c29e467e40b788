package org.harmwatch.diversion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Rates carry their window and Wilson interval, and two rates with different windows are
 * compared only under a label: the programme text's 19 % within 12 months against 4 %
 * within 18 months is the example.
 */
class RateComparisonTests {

	static final Rate USUAL_12 = new Rate("reconvicted", null, 12, 19, 100);

	static final Rate CHECKPOINT_18 = new Rate("reconvicted", null, 18, 4, 100);

	@Test
	void theProgrammeTextsComparisonIsRefusedUnlabelled() {
		assertThatThrownBy(() -> RateComparison.of(USUAL_12, CHECKPOINT_18, null))
			.isInstanceOf(RateComparison.WindowsDiffer.class)
			.satisfies(ex -> {
				var differ = (RateComparison.WindowsDiffer) ex;
				assertThat(differ.firstWindow()).isEqualTo(12);
				assertThat(differ.secondWindow()).isEqualTo(18);
			});
		assertThatThrownBy(() -> RateComparison.of(USUAL_12, CHECKPOINT_18, "   "))
			.isInstanceOf(RateComparison.WindowsDiffer.class);
	}

	@Test
	void labelledItIsShownWithTheLabel() {
		var comparison = RateComparison.of(USUAL_12, CHECKPOINT_18, " Different follow-up windows ");
		assertThat(comparison.windowsDiffer()).isTrue();
		assertThat(comparison.label()).isEqualTo("Different follow-up windows");
		assertThat(comparison.differenceInPoints()).isCloseTo(15.0, within(1e-9));
	}

	@Test
	void theSameWindowNeedsNoLabel() {
		var diversion = new Rate("reconvicted", Arm.DIVERSION, 12, 3, 40);
		var usual = new Rate("reconvicted", Arm.USUAL_PROCESS, 12, 9, 40);
		var comparison = RateComparison.of(diversion, usual, null);
		assertThat(comparison.windowsDiffer()).isFalse();
		assertThat(comparison.label()).isNull();
	}

	@Test
	void wilsonIntervalsMatchPublishedValues() {
		// 19 of 100: Wilson 95 % interval 12.5 % to 27.8 % (Newcombe 1998 method 3).
		assertThat(USUAL_12.low()).isCloseTo(0.1251, within(0.0005));
		assertThat(USUAL_12.high()).isCloseTo(0.2777, within(0.0005));
		// 0 of 10: from 0 to 27.8 %.
		var none = new Rate("reconvicted", Arm.DIVERSION, 24, 0, 10);
		assertThat(none.low()).isZero();
		assertThat(none.high()).isCloseTo(0.2775, within(0.0005));
		var all = new Rate("reconvicted", Arm.DIVERSION, 24, 10, 10);
		assertThat(all.high()).isEqualTo(1.0);
		assertThat(new Rate("reconvicted", Arm.DIVERSION, 12, 0, 0).proportion()).isZero();
		assertThatThrownBy(() -> new Rate("reconvicted", Arm.DIVERSION, 12, 5, 4))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
