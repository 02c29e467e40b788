package org.harmwatch.naloxone.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.geography.Area;
import org.harmwatch.naloxone.Coverage;
import org.harmwatch.naloxone.Holder;
import org.harmwatch.naloxone.HolderKind;
import org.harmwatch.naloxone.Sector;
import org.harmwatch.overdose.AgeBand;
import org.harmwatch.overdose.Sex;
import org.jspecify.annotations.Nullable;

/**
 * The coverage arithmetic, without Spring: kits per 1,000 people and per 100 overdoses.
 */
public final class CoverageRules {

	private CoverageRules() {
	}

	/** Kits per 1,000 people, or 0 where nobody lives. */
	public static double perThousand(long kits, long population) {
		return population <= 0 ? 0 : kits * 1000.0 / population;
	}

	/** Kits per 100 overdoses, or {@code null} where no overdose is known. */
	public static @Nullable Double perHundred(long kits, long overdoses) {
		return overdoses <= 0 ? null : kits * 100.0 / overdoses;
	}

	/** The districts' rows, in name order. */
	public static List<Coverage.District> districts(List<Area> districts, List<Holder> holders, Map<UUID, Long> kits,
			Set<UUID> active, Map<String, Long> overdoses) {
		var rows = new ArrayList<Coverage.District>();
		for (var lad : districts) {
			var inIt = holders.stream().filter(h -> lad.code().equals(h.ladCode())).toList();
			long supplied = inIt.stream().mapToLong(h -> kits.getOrDefault(h.id(), 0L)).sum();
			var activeHere = inIt.stream()
				.filter(h -> active.contains(h.id()))
				.sorted(Comparator.comparing(Holder::name, String.CASE_INSENSITIVE_ORDER))
				.toList();
			int police = (int) activeHere.stream().filter(h -> h.kind() == HolderKind.POLICE_OFFICERS).count();
			int fire = (int) activeHere.stream().filter(h -> h.kind() == HolderKind.FIRE_OFFICERS).count();
			var others = activeHere.stream().filter(h -> !isOfficerPool(h)).toList();
			long population = lad.population() == null ? 0 : lad.population();
			long known = overdoses.getOrDefault(lad.code(), 0L);
			rows.add(new Coverage.District(lad.code(), lad.name(), population, supplied,
					perThousand(supplied, population), known, perHundred(supplied, known), count(others, Sector.PUBLIC),
					count(others, Sector.PRIVATE), count(others, Sector.THIRD_SECTOR), police, fire,
					activeHere.stream().map(Holder::name).toList()));
		}
		rows.sort(Comparator.comparing(Coverage.District::name));
		return rows;
	}

	/** The deciles' rows, 1 to 10, over every LSOA of the region. */
	public static List<Coverage.Decile> deciles(List<Area> lsoas, Map<String, Long> kitsByLsoa) {
		var rows = new ArrayList<Coverage.Decile>();
		for (int decile = 1; decile <= 10; decile++) {
			int d = decile;
			var inIt = lsoas.stream().filter(a -> a.imdDecile() != null && a.imdDecile() == d).toList();
			long population = inIt.stream().mapToLong(a -> a.population() == null ? 0 : a.population()).sum();
			long supplied = inIt.stream().mapToLong(a -> kitsByLsoa.getOrDefault(a.code(), 0L)).sum();
			rows.add(new Coverage.Decile(decile, inIt.size(), population, supplied, perThousand(supplied, population)));
		}
		return rows;
	}

	/** The LSOAs' rows, in code order. */
	public static List<Coverage.Lsoa> lsoas(List<Area> lsoas, Map<String, Long> kitsByLsoa) {
		return lsoas.stream().sorted(Comparator.comparing(Area::code)).map(a -> {
			long population = a.population() == null ? 0 : a.population();
			long supplied = kitsByLsoa.getOrDefault(a.code(), 0L);
			return new Coverage.Lsoa(a.code(), a.name(), population, a.imdDecile(), supplied,
					perThousand(supplied, population));
		}).toList();
	}

	/**
	 * The rows by age band and sex: each band, then the row of supplies and overdoses
	 * with no band recorded.
	 * @param kits kits supplied keyed {@code BAND|SEX}, an empty part where not recorded
	 * @param overdoses overdoses keyed the same way
	 * @param population the region's residents per band, where known
	 */
	public static List<Coverage.AgeSex> byAgeAndSex(Map<String, Long> kits, Map<String, Long> overdoses,
			Map<AgeBand, Long> population) {
		var rows = new ArrayList<Coverage.AgeSex>();
		var bands = new ArrayList<@Nullable AgeBand>(List.of(AgeBand.values()));
		bands.add(null);
		for (var band : bands) {
			var prefix = band == null ? "|" : band.name() + "|";
			var sexes = new ArrayList<String>();
			for (var sex : Sex.values()) {
				sexes.add(sex.name());
			}
			sexes.add("");
			var kitCounts = sexes.stream().map(sex -> kits.getOrDefault(prefix + sex, 0L)).toList();
			var overdoseCounts = sexes.stream().map(sex -> overdoses.getOrDefault(prefix + sex, 0L)).toList();
			long allKits = kitCounts.stream().mapToLong(Long::longValue).sum();
			long allOverdoses = overdoseCounts.stream().mapToLong(Long::longValue).sum();
			var people = band == null ? null : population.get(band);
			rows.add(new Coverage.AgeSex(band, kitCounts, overdoseCounts, people,
					people == null ? null : perThousand(allKits, people), perHundred(allKits, allOverdoses)));
		}
		return rows;
	}

	/** Whether the holder is a pool of police or fire officers carrying kits. */
	public static boolean isOfficerPool(Holder holder) {
		return holder.kind() == HolderKind.POLICE_OFFICERS || holder.kind() == HolderKind.FIRE_OFFICERS;
	}

	static int count(List<Holder> holders, Sector sector) {
		return (int) holders.stream().filter(h -> h.sector() == sector).count();
	}

}
