package org.harmwatch.analytics.scan;

import org.harmwatch.analytics.scan.ScanOptions.SecondaryClusters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The scan's options: each limit at the value still allowed and the first that is not,
 * the defaults the issue asked for, and each {@code with...} changing only its own
 * setting.
 */
class ScanOptionsTests {

	static final ScanOptions defaults = ScanOptions.retrospective();

	@Test
	void theSharesMayBeAnythingAboveZeroUpToOne() {
		assertThatCode(() -> defaults.withMaxShareOfLocations(1.0).withMaxShareOfCases(1.0)).doesNotThrowAnyException();
		assertThatCode(() -> defaults.withMaxShareOfLocations(Double.MIN_VALUE).withMaxShareOfCases(Double.MIN_VALUE))
			.doesNotThrowAnyException();
		for (double bad : new double[] { 0.0, -0.1, Math.nextUp(1.0), Double.NaN }) {
			assertThatIllegalArgumentException().as("locations %s", bad)
				.isThrownBy(() -> defaults.withMaxShareOfLocations(bad))
				.withMessageContaining("maximum shares");
			assertThatIllegalArgumentException().as("cases %s", bad)
				.isThrownBy(() -> defaults.withMaxShareOfCases(bad))
				.withMessageContaining("maximum shares");
		}
	}

	@Test
	void theRadiusMayBeZeroButNotNegativeOrNaN() {
		assertThat(defaults.withMaxRadius(0).maxRadius()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxRadius(-1e-9))
			.withMessageContaining("radius");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxRadius(Double.NaN))
			.withMessageContaining("radius");
	}

	@Test
	void countsMustBeAtLeastOneAndReplicationsAtLeastZero() {
		assertThatCode(() -> defaults.withMaxDays(1).withMinCases(1).withReplications(0).withMaxClusters(1))
			.doesNotThrowAnyException();
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxDays(0)).withMessageContaining("maxDays");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMinCases(0))
			.withMessageContaining("minCases");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withReplications(-1))
			.withMessageContaining("replications");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxClusters(0))
			.withMessageContaining("maxClusters");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withSecondaryClusters(null))
			.withMessageContaining("secondary");
	}

	@Test
	void theDefaultsAreTheIssuesSettings() {
		assertThat(defaults).isEqualTo(new ScanOptions(0.5, 1.0, Double.POSITIVE_INFINITY, 30, 2, false, 999, 20240101L,
				10, SecondaryClusters.NO_OVERLAP_IN_SPACE_AND_TIME, false));
		assertThat(ScanOptions.prospectiveDefaults()).isEqualTo(new ScanOptions(0.5, 1.0, Double.POSITIVE_INFINITY, 30,
				2, true, 999, 20240101L, 10, SecondaryClusters.NO_OVERLAP_IN_SPACE_AND_TIME, false));
	}

	@Test
	void eachWithChangesOnlyItsOwnSetting() {
		ScanOptions base = new ScanOptions(0.4, 0.6, 12.5, 7, 3, false, 49, 5L, 4,
				SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP, true);
		assertThat(base.withMaxShareOfLocations(0.3)).isEqualTo(new ScanOptions(0.3, 0.6, 12.5, 7, 3, false, 49, 5L, 4,
				SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP, true));
		assertThat(base.withMaxShareOfCases(0.2)).isEqualTo(new ScanOptions(0.4, 0.2, 12.5, 7, 3, false, 49, 5L, 4,
				SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP, true));
		assertThat(base.withMaxRadius(3)).isEqualTo(
				new ScanOptions(0.4, 0.6, 3, 7, 3, false, 49, 5L, 4, SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP, true));
		assertThat(base.withMaxDays(9)).isEqualTo(new ScanOptions(0.4, 0.6, 12.5, 9, 3, false, 49, 5L, 4,
				SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP, true));
		assertThat(base.withMinCases(2)).isEqualTo(new ScanOptions(0.4, 0.6, 12.5, 7, 2, false, 49, 5L, 4,
				SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP, true));
		assertThat(base.withProspective(true)).isEqualTo(new ScanOptions(0.4, 0.6, 12.5, 7, 3, true, 49, 5L, 4,
				SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP, true));
		assertThat(base.withReplications(99)).isEqualTo(new ScanOptions(0.4, 0.6, 12.5, 7, 3, false, 99, 5L, 4,
				SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP, true));
		assertThat(base.withSeed(6)).isEqualTo(new ScanOptions(0.4, 0.6, 12.5, 7, 3, false, 49, 6L, 4,
				SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP, true));
		assertThat(base.withMaxClusters(8)).isEqualTo(new ScanOptions(0.4, 0.6, 12.5, 7, 3, false, 49, 5L, 8,
				SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP, true));
		assertThat(base.withSecondaryClusters(SecondaryClusters.NO_OVERLAP_IN_SPACE_AND_TIME))
			.isEqualTo(new ScanOptions(0.4, 0.6, 12.5, 7, 3, false, 49, 5L, 4,
					SecondaryClusters.NO_OVERLAP_IN_SPACE_AND_TIME, true));
		assertThat(base.withReportPValueOne(false)).isEqualTo(new ScanOptions(0.4, 0.6, 12.5, 7, 3, false, 49, 5L, 4,
				SecondaryClusters.NO_GEOGRAPHICAL_OVERLAP, false));
	}

}
