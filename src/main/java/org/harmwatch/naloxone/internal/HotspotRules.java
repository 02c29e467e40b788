package org.harmwatch.naloxone.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.harmwatch.analytics.AreaHotspot;
import org.harmwatch.analytics.hotspot.HotspotClass;
import org.harmwatch.geography.Area;
import org.harmwatch.naloxone.CoverageHotspots;
import org.harmwatch.naloxone.Holder;
import org.harmwatch.naloxone.HolderKind;
import org.harmwatch.naloxone.Sector;

/**
 * The arithmetic of the hotspot map, without Spring: the value each LSOA is tested on
 * (overdoses per 1,000 residents), and for each hot LSOA the kits and active holders in
 * its neighbourhood (itself and the LSOAs that touch it, the same neighbourhood Gi*
 * used), and whether it is a gap.
 */
public final class HotspotRules {

	private HotspotRules() {
	}

	/** Overdoses per 1,000 residents of each LSOA; 0 where nobody lives. */
	public static Map<String, Double> rates(List<Area> lsoas, Map<String, Long> overdoses) {
		var values = new HashMap<String, Double>();
		for (var lsoa : lsoas) {
			long population = population(lsoa);
			values.put(lsoa.code(), CoverageRules.perThousand(overdoses.getOrDefault(lsoa.code(), 0L), population));
		}
		return values;
	}

	/**
	 * Kits supplied by located holders per 1,000 people of the LSOAs tested: what a
	 * hotspot's neighbourhood is compared with.
	 */
	public static double regionKitsPerThousand(List<Area> lsoas, Map<String, Long> kitsByLsoa) {
		long kits = lsoas.stream().mapToLong(a -> kitsByLsoa.getOrDefault(a.code(), 0L)).sum();
		long population = lsoas.stream().mapToLong(HotspotRules::population).sum();
		return CoverageRules.perThousand(kits, population);
	}

	/**
	 * The hot LSOAs, gaps first, then by z-score, highest first.
	 * @param areas the areas tested, by code
	 * @param neighbours the LSOAs that touch an LSOA
	 * @param holders every holder
	 * @param active the holders kits moved into or out of over the period
	 */
	public static List<CoverageHotspots.Hotspot> hotspots(List<AreaHotspot> tested, Map<String, Area> areas,
			Function<String, List<String>> neighbours, Map<String, Long> overdoses, Map<String, Long> kitsByLsoa,
			double regionKitsPerThousand, List<Holder> holders, Set<UUID> active) {
		var result = new ArrayList<CoverageHotspots.Hotspot>();
		for (var hot : tested) {
			var lsoa = areas.get(hot.code());
			if (hot.hotspot() != HotspotClass.HOT || lsoa == null) {
				continue;
			}
			var around = new LinkedHashSet<String>();
			around.add(lsoa.code());
			around.addAll(neighbours.apply(lsoa.code()));
			long kits = around.stream().mapToLong(code -> kitsByLsoa.getOrDefault(code, 0L)).sum();
			long people = around.stream()
				.map(areas::get)
				.filter(a -> a != null)
				.mapToLong(HotspotRules::population)
				.sum();
			double kitsPerThousand = CoverageRules.perThousand(kits, people);
			var located = holders.stream()
				.filter(h -> active.contains(h.id()) && h.lsoaCode() != null && around.contains(h.lsoaCode())
						&& !CoverageRules.isOfficerPool(h))
				.toList();
			var pools = holders.stream()
				.filter(h -> active.contains(h.id()) && CoverageRules.isOfficerPool(h)
						&& lsoa.ladCode().equals(h.ladCode()))
				.toList();
			var names = new ArrayList<String>();
			located.forEach(h -> names.add(h.name()));
			pools.forEach(h -> names.add(h.name()));
			names.sort(String.CASE_INSENSITIVE_ORDER);
			long population = population(lsoa);
			long count = overdoses.getOrDefault(lsoa.code(), 0L);
			result.add(new CoverageHotspots.Hotspot(lsoa.code(), lsoa.name(), lsoa.ladName(), population, count,
					CoverageRules.perThousand(count, population), hot.z(), kits, kitsPerThousand,
					isGap(kits, kitsPerThousand, regionKitsPerThousand), CoverageRules.count(located, Sector.PUBLIC),
					CoverageRules.count(located, Sector.PRIVATE), CoverageRules.count(located, Sector.THIRD_SECTOR),
					(int) pools.stream().filter(h -> h.kind() == HolderKind.POLICE_OFFICERS).count(),
					(int) pools.stream().filter(h -> h.kind() == HolderKind.FIRE_OFFICERS).count(), names));
		}
		result.sort(Comparator.comparing((CoverageHotspots.Hotspot h) -> !h.gap())
			.thenComparing(Comparator.comparingDouble(CoverageHotspots.Hotspot::z).reversed())
			.thenComparing(CoverageHotspots.Hotspot::code));
		return result;
	}

	/**
	 * Whether a hotspot lacks kits: none supplied around it at all, or fewer per 1,000
	 * people than across the areas tested.
	 */
	public static boolean isGap(long kitsAround, double kitsAroundPerThousand, double regionKitsPerThousand) {
		return kitsAround == 0 || kitsAroundPerThousand < regionKitsPerThousand;
	}

	private static long population(Area area) {
		return area.population() == null ? 0 : area.population();
	}

}
