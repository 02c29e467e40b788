package org.harmwatch.naloxone;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where naloxone would save most lives: the 2021 LSOAs that are Getis-Ord Gi* hotspots of
 * overdoses per 1,000 residents (significant at a false discovery rate of 5 %), each set
 * against the kits supplied in it and the LSOAs around it, and the agencies active there.
 * A hotspot with no kits around it, or fewer per 1,000 people than the areas tested as a
 * whole, is a gap: where more kits and training are most likely to reach an overdose.
 *
 * @param from the first day counted
 * @param to the last day counted
 * @param ladCode the district tested on its own, or {@code null} for the whole region
 * @param overdoses overdoses placed in an LSOA (those known only by a larger area are not
 * in the test)
 * @param regionKitsPerThousand kits supplied by located holders per 1,000 people of the
 * areas tested: the yardstick of a gap
 * @param tested whether the test ran; {@code false} when the analytics engine was busy or
 * there was nothing to test
 * @param hotspots the hotspots, gaps first, then by z-score, highest first
 */
public record CoverageHotspots(LocalDate from, LocalDate to, @Nullable String ladCode, long overdoses,
		double regionKitsPerThousand, boolean tested, List<Hotspot> hotspots) {

	public CoverageHotspots {
		hotspots = List.copyOf(hotspots);
	}

	/**
	 * One hotspot LSOA.
	 *
	 * @param code its ONS code
	 * @param name its name
	 * @param ladName its district's name
	 * @param population its population
	 * @param overdoses overdoses placed in it
	 * @param overdosesPerThousand those per 1,000 residents
	 * @param z its Gi* z-score
	 * @param kitsAround kits supplied by holders located in it and the LSOAs that touch
	 * it
	 * @param kitsAroundPerThousand those per 1,000 people living there
	 * @param gap whether no kit was supplied around it or {@code kitsAroundPerThousand}
	 * is below the region's
	 * @param publicHolders active public-sector holders located around it
	 * @param privateHolders active private holders located around it
	 * @param thirdSectorHolders active third-sector holders located around it
	 * @param policeHolders active pools of police officers carrying kits in its district
	 * @param fireHolders active pools of fire and rescue officers carrying kits in its
	 * district
	 * @param activeHolders the names of all of those
	 */
	public record Hotspot(String code, String name, String ladName, long population, long overdoses,
			double overdosesPerThousand, double z, long kitsAround, double kitsAroundPerThousand, boolean gap,
			int publicHolders, int privateHolders, int thirdSectorHolders, int policeHolders, int fireHolders,
			List<String> activeHolders) {

		public Hotspot {
			activeHolders = List.copyOf(activeHolders);
		}

	}

}
