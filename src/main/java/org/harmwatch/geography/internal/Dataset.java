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
 */
record Dataset(String id, String region, String attribution, String checksum, List<SourceArea> areas,
		List<SourcePopulation> populations) {

	/** One area as read. */
	record SourceArea(AreaLevel level, String code, String name, String ladCode, @Nullable String msoaCode,
			String vintage, Geometry geometry, @Nullable Integer imdRank, @Nullable Integer imdDecile) {
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
