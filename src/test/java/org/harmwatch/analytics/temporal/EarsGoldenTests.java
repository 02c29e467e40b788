package org.harmwatch.analytics.temporal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EARS C1, C2 and C3 against R surveillance's earsC (peers/ears.R): statistics within
 * 1e-9 and the same alarms, the textbook {@code alarm_cdc} for C3. The low-count series
 * has flat baselines (infinite and NaN statistics).
 */
class EarsGoldenTests {

	@ParameterizedTest
	@CsvSource({ "C1, 5y", "C2, 5y", "C3, 5y", "C1, low", "C2, low", "C3, low" })
	void matchesSurveillance(Ears.Method method, String series) {
		double[] counts = Golden.read("daily_" + series + ".csv").numbers("count");
		Golden peer = Golden.read("ears_" + method + "_" + series + ".csv");

		Ears.Result result = Ears.detect(counts, method, Ears.Options.surveillanceDefaults(method));

		int first = counts.length - peer.size();
		assertThat(result.firstIndex()).isEqualTo(first);
		int statisticsCompared = 0;
		for (int r = 0; r < peer.size(); r++) {
			int t = first + r;
			double expected = peer.number(r, "statistic");
			assertThat(Golden.close(result.statistic()[t], expected, 1e-9))
				.as("%s statistic on %s: ours %s, R %s", method, peer.text(r, "date"), result.statistic()[t], expected)
				.isTrue();
			statisticsCompared++;
			String alarmColumn = method == Ears.Method.C3 ? "alarm_cdc" : "alarm";
			String peerAlarm = peer.text(r, alarmColumn);
			// R writes NA where the statistic is NaN (0/0 on a flat baseline): no alarm
			boolean expectedAlarm = peerAlarm.equals("1");
			assertThat(result.alarm()[t]).as("%s alarm on %s", method, peer.text(r, "date")).isEqualTo(expectedAlarm);
			if (method != Ears.Method.C3) {
				assertThat(Golden.close(result.upperBound()[t], peer.number(r, "upperbound"), 1e-9))
					.as("%s upper bound on %s", method, peer.text(r, "date"))
					.isTrue();
			}
		}
		assertThat(statisticsCompared).isGreaterThan(1800);
	}

	@ParameterizedTest
	@CsvSource({ "5y", "low" })
	void runningAllThreeTogetherGivesTheSameAsOneByOne(String series) {
		double[] counts = Golden.read("daily_" + series + ".csv").numbers("count");
		Ears.Result[] all = Ears.detectAll(counts, Ears.Options.surveillanceDefaults(Ears.Method.C1),
				Ears.Options.surveillanceDefaults(Ears.Method.C2), Ears.Options.surveillanceDefaults(Ears.Method.C3));
		for (Ears.Result one : all) {
			Ears.Result alone = Ears.detect(counts, one.method(), Ears.Options.surveillanceDefaults(one.method()));
			assertThat(one.statistic()).containsExactly(alone.statistic());
			assertThat(one.alarm()).containsExactly(alone.alarm());
		}
	}

}
