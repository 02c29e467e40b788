package org.harmwatch.geography;

import org.jspecify.annotations.Nullable;

/**
 * One area of the region, without its boundary.
 *
 * @param code the ONS (GSS) code
 * @param level its level
 * @param name its name
 * @param ladCode the local authority district it lies in (its own code for a district)
 * @param ladName that district's name
 * @param msoaCode for an LSOA, the MSOA it nests in; otherwise {@code null}
 * @param wardCode for an LSOA, the ward it counts in (the ONS best-fit lookup, where the
 * dataset has one); otherwise {@code null}
 * @param vintage the boundary edition, e.g. {@code 2011}
 * @param population all-ages population where known (districts: the latest mid-year
 * estimate; wards and MSOAs: the sum of their LSOAs')
 * @param populationYear the year of {@code population}
 * @param imdRank for an LSOA, its Index of Multiple Deprivation rank in England (1 = most
 * deprived)
 * @param imdDecile for an LSOA, its IMD decile (1 = the most deprived tenth of England)
 * @param centroid the boundary's centroid (it can lie outside an oddly shaped area)
 * @param areaKm2 approximate area in square kilometres
 */
public record Area(String code, AreaLevel level, String name, String ladCode, String ladName, @Nullable String msoaCode,
		@Nullable String wardCode, String vintage, @Nullable Integer population, @Nullable Integer populationYear,
		@Nullable Integer imdRank, @Nullable Integer imdDecile, LatLon centroid, double areaKm2) {

	/** The code and name alone. */
	public AreaRef ref() {
		return new AreaRef(code, name);
	}

}
