package org.harmwatch.naloxone;

import java.time.LocalDate;
import java.util.List;

import org.harmwatch.overdose.AgeBand;
import org.jspecify.annotations.Nullable;

/**
 * Kits supplied to people over a period against population, deprivation and overdoses, by
 * district, by 2021 LSOA and by IMD decile: the "postcode lottery" (recommendations 6.2
 * and 6.3). Supplies count where the supplying holder is.
 *
 * @param from the first day counted
 * @param to the last day counted
 * @param lsoaVintage the LSOA boundaries' edition
 * @param populationYear the mid-year of the LSOA populations
 * @param deprivationEdition the Index of Multiple Deprivation's edition
 * @param kits kits supplied in all
 * @param kitsWithoutLsoa of them, kits from holders with no location, counted in their
 * district but in no LSOA or decile
 * @param districts one row per district of the region
 * @param deciles one row per IMD decile (1 = most deprived)
 * @param lsoas one row per LSOA of the chosen district; empty when none was chosen
 * @param byAgeAndSex one row per age band, then one for supplies and overdoses with no
 * age band recorded
 * @param agePopulationYear the mid-year of the populations by age, if any is known
 */
public record Coverage(LocalDate from, LocalDate to, String lsoaVintage, @Nullable Integer populationYear,
		String deprivationEdition, long kits, long kitsWithoutLsoa, List<District> districts, List<Decile> deciles,
		List<Lsoa> lsoas, List<AgeSex> byAgeAndSex, @Nullable Integer agePopulationYear) {

	public Coverage {
		districts = List.copyOf(districts);
		deciles = List.copyOf(deciles);
		lsoas = List.copyOf(lsoas);
		byAgeAndSex = List.copyOf(byAgeAndSex);
	}

	/**
	 * Kits supplied and overdoses of one age band across the region, by sex. Overdoses
	 * here are every reporting agency's (from {@code overdose}), not only those with
	 * naloxone given; kits are the supplies whose person's age band was recorded.
	 *
	 * @param ageBand the age band, or {@code null} for supplies and overdoses with none
	 * recorded
	 * @param kits kits supplied, by sex ({@code FEMALE}, {@code MALE}, {@code OTHER},
	 * then not recorded)
	 * @param overdoses overdoses, by sex in the same order
	 * @param population the region's residents of the band, if known
	 * @param perThousand kits per 1,000 residents of the band, if the population is known
	 * @param perHundredOverdoses kits per 100 overdoses of the band, if any
	 */
	public record AgeSex(@Nullable AgeBand ageBand, List<Long> kits, List<Long> overdoses, @Nullable Long population,
			@Nullable Double perThousand, @Nullable Double perHundredOverdoses) {

		public AgeSex {
			kits = List.copyOf(kits);
			overdoses = List.copyOf(overdoses);
		}

		/** Kits supplied in the band, whatever the sex. */
		public long allKits() {
			return kits.stream().mapToLong(Long::longValue).sum();
		}

		/** Overdoses in the band, whatever the sex. */
		public long allOverdoses() {
			return overdoses.stream().mapToLong(Long::longValue).sum();
		}

	}

	/**
	 * One district.
	 *
	 * @param code its ONS code
	 * @param name its name
	 * @param population its population (latest mid-year estimate)
	 * @param kits kits supplied by holders in it
	 * @param perThousand kits per 1,000 people
	 * @param overdoses overdoses in it at which naloxone was given, as this module was
	 * told of them (overdose events and direct reports)
	 * @param perHundredOverdoses kits per 100 overdoses, or {@code null} when none is
	 * known
	 * @param publicHolders active public-sector holders (police and fire officers' pools
	 * apart)
	 * @param privateHolders active private holders
	 * @param thirdSectorHolders active third-sector holders
	 * @param policeHolders active pools of police officers carrying kits
	 * @param fireHolders active pools of fire and rescue officers carrying kits
	 * @param activeHolders the active holders' names
	 */
	public record District(String code, String name, long population, long kits, double perThousand, long overdoses,
			@Nullable Double perHundredOverdoses, int publicHolders, int privateHolders, int thirdSectorHolders,
			int policeHolders, int fireHolders, List<String> activeHolders) {

		public District {
			activeHolders = List.copyOf(activeHolders);
		}

	}

	/**
	 * One IMD decile across the region's LSOAs.
	 *
	 * @param decile the decile (1 = the most deprived tenth of England)
	 * @param lsoas the region's LSOAs in it
	 * @param population their population
	 * @param kits kits supplied by holders located in them
	 * @param perThousand kits per 1,000 people
	 */
	public record Decile(int decile, int lsoas, long population, long kits, double perThousand) {
	}

	/**
	 * One LSOA.
	 *
	 * @param code its ONS code
	 * @param name its name
	 * @param population its population
	 * @param imdDecile its IMD decile, if known
	 * @param kits kits supplied by holders located in it
	 * @param perThousand kits per 1,000 people
	 */
	public record Lsoa(String code, String name, long population, @Nullable Integer imdDecile, long kits,
			double perThousand) {
	}

}
