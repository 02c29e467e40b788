package org.harmwatch.analytics.hotspot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.harmwatch.analytics.SpatialFixtures;
import org.harmwatch.analytics.SpatialFixtures.Table;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gi* against R spdep 1.2-7 ({@code localG} with {@code include.self}) on the fixtures
 * regenerate.sh made: z within 1e-9, p-values to 1e-12 relative, and the same
 * neighbourhood sizes, for every weights construction.
 */
class GetisOrdGiStarGoldenTests {

	static final Table areas = SpatialFixtures.csv("areas_2000.csv");

	static final double[] x = areas.doubles("x");

	static final double[] y = areas.doubles("y");

	static final double[] values = areas.doubles("value");

	@Test
	void kNearestMatchesSpdep() {
		assertMatches(GetisOrdGiStar.compute(values, SpatialWeights.kNearest(x, y, 8)),
				SpatialFixtures.csv("gi_knn8_perm999.csv.gz"));
	}

	@Test
	void symmetrisedKNearestMatchesSpdep() {
		assertMatches(GetisOrdGiStar.compute(values, SpatialWeights.kNearest(x, y, 8).symmetrised()),
				SpatialFixtures.csv("gi_knn8_symmetric.csv.gz"));
	}

	@Test
	void distanceBandMatchesSpdep() {
		assertMatches(GetisOrdGiStar.compute(values, SpatialWeights.distanceBand(x, y, 250)),
				SpatialFixtures.csv("gi_dist250.csv.gz"));
	}

	@Test
	void weightedEdgesMatchSpdep() {
		Table edges = SpatialFixtures.csv("edges_knn4_invdist.csv.gz");
		int[] from = edges.ints("from");
		int[] to = edges.ints("to");
		for (int e = 0; e < from.length; e++) {
			from[e]--;
			to[e]--;
		}
		SpatialWeights weights = SpatialWeights.fromEdges(values.length, from, to, edges.doubles("weight"));
		assertThat(weights.isBinary()).isFalse();
		assertMatches(GetisOrdGiStar.compute(values, weights), SpatialFixtures.csv("gi_edges_knn4_invdist.csv.gz"));
	}

	@Test
	void latticeContiguityFromPolygonsMatchesSpdep() {
		Table grid = SpatialFixtures.csv("grid_20x20.csv");
		List<Geometry> polygons = polygonsInOrder("grid_20x20.geojson.gz", "id", grid.strings("id"));
		double[] gridValues = grid.doubles("value");
		assertMatches(GetisOrdGiStar.compute(gridValues, SpatialWeights.contiguity(polygons, Contiguity.QUEEN)),
				SpatialFixtures.csv("gi_grid_queen.csv"));
		assertMatches(GetisOrdGiStar.compute(gridValues, SpatialWeights.contiguity(polygons, Contiguity.ROOK)),
				SpatialFixtures.csv("gi_grid_rook.csv"));
	}

	@Test
	void lattice20By20GivesTheBandsTheLatticeImplies() {
		Table grid = SpatialFixtures.csv("grid_20x20.csv");
		List<Geometry> polygons = polygonsInOrder("grid_20x20.geojson.gz", "id", grid.strings("id"));
		double[] gx = grid.doubles("x");
		double[] gy = grid.doubles("y");
		assertSameNeighbours(SpatialWeights.contiguity(polygons, Contiguity.ROOK),
				SpatialWeights.distanceBand(gx, gy, 100 * 1.0001));
		assertSameNeighbours(SpatialWeights.contiguity(polygons, Contiguity.QUEEN),
				SpatialWeights.distanceBand(gx, gy, 100 * Math.sqrt(2) * 1.0001));
	}

	@Test
	void wardContiguityMatchesSpdepOnRealBoundaries() {
		Table wards = SpatialFixtures.csv("wards.csv");
		List<Geometry> polygons = polygonsInOrder("wm_wards_2013.geojson.gz", "WD13CD", wards.strings("id"));
		double[] wardValues = wards.doubles("value");
		assertMatches(GetisOrdGiStar.compute(wardValues, SpatialWeights.contiguity(polygons, Contiguity.QUEEN)),
				SpatialFixtures.csv("gi_wards_queen.csv"));
		assertMatches(GetisOrdGiStar.compute(wardValues, SpatialWeights.contiguity(polygons, Contiguity.ROOK)),
				SpatialFixtures.csv("gi_wards_rook.csv"));
	}

	static void assertMatches(GiStarResult result, Table spdep) {
		double[] z = spdep.doubles("gi_star_z");
		double[] p = spdep.doubles("p_value");
		int[] sizes = spdep.ints("n_neighbours");
		assertThat(result.size()).isEqualTo(z.length);
		double maxZ = 0;
		double maxRelativeP = 0;
		for (int i = 0; i < z.length; i++) {
			assertThat(result.neighbourhoodSize(i)).as("neighbourhood size of area %d in %s", i, spdep.name())
				.isEqualTo(sizes[i]);
			maxZ = Math.max(maxZ, Math.abs(result.z(i) - z[i]));
			maxRelativeP = Math.max(maxRelativeP, Math.abs(result.pValue(i) - p[i]) / p[i]);
		}
		assertThat(maxZ).as("largest |z - spdep z| in %s", spdep.name()).isLessThanOrEqualTo(1e-9);
		assertThat(maxRelativeP).as("largest relative p difference in %s", spdep.name()).isLessThanOrEqualTo(1e-12);
	}

	static void assertSameNeighbours(SpatialWeights a, SpatialWeights b) {
		assertThat(a.size()).isEqualTo(b.size());
		for (int i = 0; i < a.size(); i++) {
			assertThat(a.neighbours(i)).as("neighbours of %d", i).containsExactly(b.neighbours(i));
		}
	}

	/**
	 * The polygons of a GeoJSON FeatureCollection, in the order of {@code ids} (matched
	 * on property {@code key}).
	 */
	static List<Geometry> polygonsInOrder(String file, String key, String[] ids) {
		Map<String, Geometry> byId = new HashMap<>();
		GeoJsonReader reader = new GeoJsonReader();
		for (JsonNode feature : new ObjectMapper().readTree(SpatialFixtures.text(file)).get("features")) {
			try {
				byId.put(feature.get("properties").get(key).asString(),
						reader.read(feature.get("geometry").toString()));
			}
			catch (ParseException ex) {
				throw new IllegalStateException(file, ex);
			}
		}
		List<Geometry> ordered = new ArrayList<>();
		for (String id : ids) {
			Geometry geometry = byId.get(id);
			assertThat(geometry).as("polygon %s in %s", id, file).isNotNull();
			ordered.add(geometry);
		}
		return ordered;
	}

}
