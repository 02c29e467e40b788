package org.harmwatch.geography.internal;

import java.util.List;

import org.harmwatch.geography.AreaLevel;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * A region's geography as read from its files, before it is stored.
 *
 * @param id the manifest's id
 * @param region the region's name
 * @param attribution the text the licences require
 * @param checksum SHA-256 of the manifest and every file, so a changed file is noticed
 * @param areas every area of every level
 * @param populations local authority populations by year
 * @param deprivationEdition the deprivation index the LSOAs' ranks come from, e.g.
 * {@code IMD 2025}; empty when the dataset has none
 */
record Dataset(String id, String region, String attribution, String checksum, List<SourceArea> areas,
		List<SourcePopulation> populations, String deprivationEdition) {

	/**
	 * One area as read.
	 *
	 * @param wardCode for an LSOA, the ward a lookup assigns it to (points in the LSOA
	 * count in that ward); otherwise {@code null}
	 * @param population the area's population in {@code populationYear}, where known
	 */
	record SourceArea(AreaLevel level, String code, String name, String ladCode, @Nullable String msoaCode,
			@Nullable String wardCode, String vintage, Geometry geometry, @Nullable Integer imdRank,
			@Nullable Integer imdDecile, @Nullable Integer population, @Nullable Integer populationYear) {

		SourceArea withMsoa(@Nullable String msoa) {
			return new SourceArea(level, code, name, ladCode, msoa, wardCode, vintage, geometry, imdRank, imdDecile,
					population, populationYear);
		}

		SourceArea withDeprivation(int rank, int decile) {
			return new SourceArea(level, code, name, ladCode, msoaCode, wardCode, vintage, geometry, rank, decile,
					population, populationYear);
		}

		SourceArea withWardAndPopulation(@Nullable String ward, @Nullable Integer people, @Nullable Integer year) {
			return new SourceArea(level, code, name, ladCode, msoaCode, ward, vintage, geometry, imdRank, imdDecile,
					people, year);
		}

	}

	/**
	 * One local authority's population in one year.
	 *
	 * @param byAge population by single year of age from 0, the last element the open top
	 * band; {@code null} where not published; empty when the source has no ages
	 */
	record SourcePopulation(String ladCode, int year, int allAges, boolean complete, List<@Nullable Integer> byAge) {
	}

	long count(AreaLevel level) {
		return areas.stream().filter(area -> area.level() == level).count();
	}

}
