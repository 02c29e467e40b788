package org.harmwatch.naloxone.internal;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmwatch.naloxone.Holder;
import org.harmwatch.naloxone.HolderKind;
import org.harmwatch.naloxone.PointsOfRisk;
import org.harmwatch.naloxone.PointsOfRisk.GapReason;
import org.harmwatch.naloxone.ReleasePoint;
import org.harmwatch.naloxone.Sector;
import org.harmwatch.naloxone.internal.PointsOfRiskRules.Key;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The points-of-risk arithmetic: Wilson intervals as Newcombe (1998, Statistics in
 * Medicine 17:857, table II, method 3) publishes them, the region's share, the spread and
 * the gaps.
 */
class PointsOfRiskRulesTests {

	static final YearMonth MONTH = YearMonth.of(2026, 11);

	@Test
	void wilsonIntervalsMatchNewcombesTable() {
		assertInterval(81, 263, 0.2553, 0.3662);
		assertInterval(15, 148, 0.0624, 0.1605);
		assertInterval(0, 20, 0.0, 0.1611);
		assertInterval(1, 29, 0.0061, 0.1718);
	}

	@Test
	void wilsonCapsTheCountAtTheTotalAndAnswersZeroForNobody() {
		var all = PointsOfRiskRules.wilson(12, 10);
		assertThat(all.withKit()).isEqualTo(10);
		assertThat(all.share()).isEqualTo(1.0);
		assertThat(all.high()).isEqualTo(1.0);
		assertThat(all.low()).isCloseTo(0.7225, within(0.0001));
		var none = PointsOfRiskRules.wilson(3, 0);
		assertThat(none.leavers()).isZero();
		assertThat(none.share()).isZero();
	}

	@Test
	void sharesPerHolderTheRegionSpreadAndGaps() {
		var good = holder("Good prison", HolderKind.PRISON);
		var poor = holder("Poor prison", HolderKind.PRISON);
		var middling = holder("Middling prison", HolderKind.PRISON);
		var silent = holder("Silent prison", HolderKind.PRISON);
		var pharmacy = holder("Pharmacy", HolderKind.PHARMACY);
		var leavers = Map.of(key(good, ReleasePoint.PRISON_RELEASE), 100L, key(poor, ReleasePoint.PRISON_RELEASE), 100L,
				key(middling, ReleasePoint.PRISON_RELEASE), 20L);
		var supplies = Map.of(key(good, ReleasePoint.PRISON_RELEASE), 80L, key(poor, ReleasePoint.PRISON_RELEASE), 20L,
				key(middling, ReleasePoint.PRISON_RELEASE), 9L,
				// a supply at a point with no leavers recorded counts nowhere
				key(pharmacy, ReleasePoint.LEAVING_TREATMENT), 4L);
		var result = PointsOfRiskRules.compute(MONTH, MONTH, List.of(good, poor, middling, silent, pharmacy), leavers,
				supplies);

		var prison = result.points().get(ReleasePoint.PRISON_RELEASE.ordinal());
		assertThat(prison.point()).isEqualTo(ReleasePoint.PRISON_RELEASE);
		assertThat(prison.region().leavers()).isEqualTo(220);
		assertThat(prison.region().withKit()).isEqualTo(109);
		assertThat(prison.region().share()).isCloseTo(109 / 220.0, within(1e-12));
		assertThat(prison.holders()).extracting(PointsOfRisk.HolderShare::holderName)
			.containsExactly("Good prison", "Middling prison", "Poor prison");
		var byName = prison.holders().stream().collect(Collectors.toMap(PointsOfRisk.HolderShare::holderName, h -> h));
		// 20 % with an upper end of 28.9 % is clearly below 49.5 %; 45 % of 20 is below
		// but its interval (25.8 % to 65.8 %) holds the region's share
		assertThat(byName.get("Poor prison").clearlyBelow()).isTrue();
		assertThat(byName.get("Middling prison").belowRegion()).isTrue();
		assertThat(byName.get("Middling prison").clearlyBelow()).isFalse();
		assertThat(byName.get("Good prison").belowRegion()).isFalse();
		var spread = prison.spread();
		assertThat(spread).isNotNull();
		assertThat(spread.holders()).isEqualTo(3);
		assertThat(spread.lowest()).isEqualTo(0.2);
		assertThat(spread.median()).isEqualTo(0.45);
		assertThat(spread.highest()).isEqualTo(0.8);
		assertThat(spread.lowerQuartile()).isCloseTo(0.325, within(1e-12));
		assertThat(spread.upperQuartile()).isCloseTo(0.625, within(1e-12));
		assertThat(spread.clearlyBelow()).isEqualTo(1);
		assertThat(spread.clearlyAbove()).isEqualTo(1);

		var treatment = result.points().get(ReleasePoint.LEAVING_TREATMENT.ordinal());
		assertThat(treatment.region().leavers()).isZero();
		assertThat(treatment.holders()).isEmpty();
		assertThat(treatment.spread()).isNull();

		// the poor and middling prisons are below the region; the silent prison has no
		// records; a pharmacy is not a point of risk, so it is no gap
		assertThat(result.gaps()).extracting(g -> g.holderName() + ":" + g.reason() + ":" + g.point())
			.containsExactlyInAnyOrder("Poor prison:BELOW_REGION:PRISON_RELEASE",
					"Middling prison:BELOW_REGION:PRISON_RELEASE", "Silent prison:NO_RECORDS:null");
		assertThat(result.gaps()).filteredOn(g -> g.reason() == GapReason.NO_RECORDS)
			.extracting(PointsOfRisk.Gap::kind)
			.containsExactly(HolderKind.PRISON);
	}

	@Test
	void aHolderWithMoreSuppliesThanLeaversIsFlaggedAndCountsNoMoreThanItsLeavers() {
		var hostel = holder("Hostel", HolderKind.HOSTEL);
		var result = PointsOfRiskRules.compute(MONTH, MONTH, List.of(hostel),
				Map.of(key(hostel, ReleasePoint.BAIL_HOSTEL), 5L), Map.of(key(hostel, ReleasePoint.BAIL_HOSTEL), 7L));
		var point = result.points().get(ReleasePoint.BAIL_HOSTEL.ordinal());
		assertThat(point.region().withKit()).isEqualTo(5);
		assertThat(point.holders().get(0).moreSuppliesThanLeavers()).isTrue();
		assertThat(result.gaps()).isEmpty();
	}

	static void assertInterval(long x, long n, double low, double high) {
		var share = PointsOfRiskRules.wilson(x, n);
		assertThat(share.low()).as("%d/%d low", x, n).isCloseTo(low, within(0.00005));
		assertThat(share.high()).as("%d/%d high", x, n).isCloseTo(high, within(0.00005));
	}

	static Holder holder(String name, HolderKind kind) {
		return new Holder(UUID.randomUUID(), "AGENCY", kind, name, null, null, null, null, null, false, false, null,
				null, null, Sector.THIRD_SECTOR);
	}

	static Key key(Holder holder, ReleasePoint point) {
		return new Key(holder.id(), point);
	}

}
