package org.harmwatch.naloxone.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.analytics.AreaHotspot;
import org.harmwatch.analytics.hotspot.HotspotClass;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.LatLon;
import org.harmwatch.naloxone.Holder;
import org.harmwatch.naloxone.HolderKind;
import org.harmwatch.naloxone.Sector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The hotspot map's arithmetic: the rate tested, kits around a hotspot, whether it is a
 * gap, and which agencies are active around it.
 */
class HotspotRulesTests {

	static Area lsoa(String code, String lad, int population) {
		return new Area(code, AreaLevel.LSOA, "LSOA " + code, lad, "District " + lad, null, null, "2021", population,
				2022, null, null, new LatLon(52.4, -1.9), 1.0);
	}

	static Holder holder(String name, HolderKind kind, String lad, String lsoa) {
		return new Holder(UUID.randomUUID(), "NHS", kind, name, null, lad, null, null, null, false, false, null, null,
				lsoa, Sector.usualFor(kind));
	}

	@ParameterizedTest
	@CsvSource({ "0, 0.0, 0.0, true", "0, 0.0, 1.0, true", "5, 0.5, 1.0, true", "10, 1.0, 1.0, false",
			"20, 2.0, 1.0, false" })
	void aHotspotIsAGapWithNoKitsAroundOrFewerThanTheRegion(long kits, double perThousand, double region, boolean gap) {
		assertThat(HotspotRules.isGap(kits, perThousand, region)).isEqualTo(gap);
	}

	@Test
	void kitsAndAgenciesAroundAHotspotAreItsOwnAndItsNeighbours() {
		var a = lsoa("A", "L1", 1000);
		var b = lsoa("B", "L1", 1000);
		var c = lsoa("C", "L1", 2000);
		var far = lsoa("D", "L2", 1000);
		var areas = Map.of("A", a, "B", b, "C", c, "D", far);
		var rates = HotspotRules.rates(List.of(a, b, c, far), Map.of("A", 30L, "C", 4L));
		assertThat(rates).containsEntry("A", 30.0).containsEntry("B", 0.0).containsEntry("C", 2.0);

		var pharmacy = holder("Pharmacy", HolderKind.PHARMACY, "L1", "B");
		var idle = holder("Idle hostel", HolderKind.HOSTEL, "L1", "A");
		var service = holder("Far service", HolderKind.DRUG_SERVICE, "L2", "D");
		var police = holder("Police", HolderKind.POLICE_OFFICERS, "L1", null);
		var fire = holder("Fire", HolderKind.FIRE_OFFICERS, "L1", null);
		var otherFire = holder("Other fire", HolderKind.FIRE_OFFICERS, "L2", null);
		var active = Set.of(pharmacy.id(), service.id(), police.id(), fire.id(), otherFire.id());
		var kits = Map.of("B", 6L, "D", 40L);
		double region = HotspotRules.regionKitsPerThousand(List.of(a, b, c, far), kits);
		assertThat(region).isCloseTo(46 * 1000.0 / 5000, within(1e-9));

		var tested = List.of(new AreaHotspot("A", "LSOA A", 30, 3.2, 0.001, 0.01, HotspotClass.HOT, 3),
				new AreaHotspot("C", "LSOA C", 2, 2.1, 0.03, 0.04, HotspotClass.HOT, 2),
				new AreaHotspot("D", "LSOA D", 0, -2.5, 0.01, 0.02, HotspotClass.COLD, 2),
				new AreaHotspot("B", "LSOA B", 0, 0.1, 0.9, 0.9, HotspotClass.NOT_SIGNIFICANT, 3));
		var hotspots = HotspotRules.hotspots(tested, areas, code -> switch (code) {
			case "A" -> List.of("B");
			case "C" -> List.of("B");
			default -> List.of();
		}, Map.of("A", 30L, "C", 4L), kits, region, List.of(pharmacy, idle, service, police, fire, otherFire), active);
		// Only hot areas; gaps first: both have 6 kits around, A over 2,000 people (3 per
		// 1,000), C over 3,000 (2 per 1,000), the region 9.2: both gaps, by z.
		assertThat(hotspots).extracting(h -> h.code()).containsExactly("A", "C");
		var first = hotspots.get(0);
		assertThat(first.kitsAround()).isEqualTo(6);
		assertThat(first.kitsAroundPerThousand()).isCloseTo(3.0, within(1e-9));
		assertThat(first.gap()).isTrue();
		assertThat(first.overdosesPerThousand()).isCloseTo(30.0, within(1e-9));
		assertThat(first.privateHolders()).isEqualTo(1);
		assertThat(first.thirdSectorHolders()).isZero();
		assertThat(first.policeHolders()).isEqualTo(1);
		assertThat(first.fireHolders()).isEqualTo(1);
		assertThat(first.activeHolders()).containsExactly("Fire", "Pharmacy", "Police");
	}

}
