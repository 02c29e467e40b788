package org.harmwatch.analytics.temporal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Poisson CUSUM against surveillance's algo.cusum (peers/ears.R --method CUSUM), and
 * the resetting variant against algo.cusum restarted after each alarm
 * (golden/temporal/cusum_reset.R).
 */
class CusumGoldenTests {

	@ParameterizedTest
	@ValueSource(strings = { "5y", "low" })
	void withoutResetMatchesAlgoCusum(String series) {
		double[] counts = Golden.read("daily_" + series + ".csv").numbers("count");
		Golden peer = Golden.read("cusum_" + series + ".csv");

		Cusum.Result result = Cusum.detect(counts, Cusum.Options.surveillance(365));

		assertPathMatches(result, peer, counts.length);
	}

	@Test
	void withResetMatchesAlgoCusumRestartedAfterEachAlarm() {
		double[] counts = Golden.read("daily_5y.csv").numbers("count");
		Golden peer = Golden.read("cusum_reset_5y.csv");

		Cusum.Result result = Cusum.detect(counts, Cusum.Options.resetting(365));

		assertPathMatches(result, peer, counts.length);
		Cusum.Result noReset = Cusum.detect(counts, Cusum.Options.surveillance(365));
		assertThat(result.alarms()).as("a reset turns long alarm runs into separate alarms")
			.isLessThan(noReset.alarms());
	}

	private static void assertPathMatches(Cusum.Result result, Golden peer, int n) {
		int first = n - peer.size();
		assertThat(result.firstIndex()).isEqualTo(first);
		for (int r = 0; r < peer.size(); r++) {
			int t = first + r;
			String date = peer.text(r, "date");
			assertThat(result.statistic()[t]).as("S on %s", date)
				.isCloseTo(peer.number(r, "statistic"), org.assertj.core.data.Offset.offset(1e-9));
			assertThat(result.upperBound()[t]).as("upper bound on %s", date).isEqualTo(peer.number(r, "upperbound"));
			assertThat(result.alarm()[t]).as("alarm on %s", date).isEqualTo(peer.text(r, "alarm").equals("1"));
		}
	}

}
