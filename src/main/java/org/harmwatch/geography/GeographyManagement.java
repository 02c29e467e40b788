package org.harmwatch.geography;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.harmwatch.geography.internal.AreaCatalogue;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

/**
 * The region's areas for other modules: which areas contain a point, what an area is, its
 * boundary, population and deprivation.
 *
 * <p>
 * Everything is answered from memory (built at start-up from the stored dataset), so
 * calls are cheap enough for every record that carries a location. Codes are ONS (GSS)
 * codes such as {@code E08000025}. Boundaries and figures are published open data:
 * nothing here is personal, so nothing is audited.
 */
@Service
public class GeographyManagement {

	private final AreaCatalogue catalogue;

	GeographyManagement(AreaCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** The name of the region the dataset covers, e.g. "West Midlands". */
	public String regionName() {
		return catalogue.region();
	}

	/** The attribution the data's licences require wherever it is shown. */
	public String attribution() {
		return catalogue.attribution();
	}

	/**
	 * The deprivation index the LSOAs' ranks and deciles come from, e.g.
	 * {@code IMD 2025}; empty when the dataset has none. Show it beside every figure that
	 * uses them.
	 */
	public String deprivationEdition() {
		return catalogue.deprivationEdition();
	}

	/**
	 * The boundary edition of a level, e.g. {@code May 2024} for wards; empty when no
	 * area of that level is loaded. Show it on every map and table of areas, since codes
	 * and boundaries change between editions.
	 */
	public String vintage(AreaLevel level) {
		return areas(level).stream().map(Area::vintage).findFirst().orElse("");
	}

	/** The box around every local authority of the region. */
	public Optional<Bounds> bounds() {
		return catalogue.bounds();
	}

	/**
	 * The local authority, ward, MSOA and LSOA that contain a point; empty if the point
	 * is outside the region or not a valid position.
	 */
	public Optional<AreaLookup> lookup(double lat, double lon) {
		return catalogue.lookup(lat, lon);
	}

	/** The area with this ONS code, at any level. */
	public Optional<Area> area(String code) {
		return catalogue.area(code);
	}

	/** Every area of a level, ordered by code. */
	public List<Area> areas(AreaLevel level) {
		return catalogue.areas(level);
	}

	/** The areas of a level that lie in one local authority, ordered by code. */
	public List<Area> areas(AreaLevel level, String ladCode) {
		return catalogue.areas(level).stream().filter(area -> area.ladCode().equals(ladCode)).toList();
	}

	/**
	 * The codes of every LSOA in a local authority: the building blocks for small-area
	 * counts and rates.
	 */
	public List<String> lsoaCodes(String ladCode) {
		return areas(AreaLevel.LSOA, ladCode).stream().map(Area::code).toList();
	}

	/** The centroid of an area's boundary. */
	public Optional<LatLon> centroid(String code) {
		return area(code).map(Area::centroid);
	}

	/**
	 * An area's boundary in WGS84 longitude/latitude (a copy: changing it changes nothing
	 * here).
	 */
	public Optional<Geometry> boundary(String code) {
		return catalogue.boundary(code);
	}

	/**
	 * The areas of the same level that share a boundary with this one, ordered by code:
	 * the spatial weights of local statistics such as Getis-Ord Gi*.
	 */
	public List<String> neighbours(String code) {
		return catalogue.neighbours(code);
	}

	/**
	 * The mid-year population estimate of a local authority, all ages; empty if there is
	 * none for that year or the source leaves some ages out that year.
	 */
	public OptionalLong population(String ladCode, int year) {
		return catalogue.population(ladCode, year);
	}

	/**
	 * The mid-year population estimate of a local authority aged {@code fromAge} to
	 * {@code toAge} inclusive; empty if the source does not give every one of those ages
	 * that year. The source's top age band (e.g. 90+) counts as its first age.
	 */
	public OptionalLong population(String ladCode, int year, int fromAge, int toAge) {
		return catalogue.population(ladCode, year, fromAge, toAge);
	}

	/**
	 * The years for which a local authority's all-ages population is known, oldest first.
	 */
	public List<Integer> populationYears(String ladCode) {
		return catalogue.populationYears(ladCode);
	}

	/**
	 * The Index of Multiple Deprivation decile of an LSOA (1 = the most deprived tenth of
	 * England).
	 */
	public OptionalInt imdDecile(String lsoaCode) {
		return area(lsoaCode).map(Area::imdDecile).map(OptionalInt::of).orElse(OptionalInt.empty());
	}

	/**
	 * The boundaries of a level as GeoJSON, optionally only those in one local authority.
	 * @throws IllegalArgumentException if {@code ladCode} is not a local authority of the
	 * region
	 */
	public BoundaryDocument boundaries(AreaLevel level, @Nullable String ladCode) {
		return catalogue.document(level, ladCode);
	}

}
