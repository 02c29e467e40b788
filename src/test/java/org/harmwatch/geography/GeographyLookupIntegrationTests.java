package org.harmwatch.geography;

import java.util.List;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Which areas contain a point, through the public API and for other modules.
 */
@HarmwatchIntegrationTest
class GeographyLookupIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GeographyManagement geography;

	@Test
	void findsBirminghamCityCentreWithItsWardMsoaAndLsoa() throws Exception {
		mvc.perform(get("/api/areas/lookup").param("lat", "52.4797").param("lon", "-1.9027"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(jsonPath("$.lat").value(52.4797))
			.andExpect(jsonPath("$.lon").value(-1.9027))
			.andExpect(jsonPath("$.lad.code").value("E08000025"))
			.andExpect(jsonPath("$.lad.name").value("Birmingham"))
			.andExpect(jsonPath("$.ward.code").value("E05011151"))
			.andExpect(jsonPath("$.ward.name").value("Ladywood"))
			.andExpect(jsonPath("$.msoa.code").value("E02006899"))
			.andExpect(jsonPath("$.msoa.name").value("Birmingham 138"))
			.andExpect(jsonPath("$.lsoa.code").value("E01033620"))
			.andExpect(jsonPath("$.lsoa.name").value("Birmingham 138A"));
	}

	@Test
	void findsCoventry() throws Exception {
		mvc.perform(get("/api/areas/lookup").param("lat", "52.4068").param("lon", "-1.5197"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lad.code").value("E08000026"))
			.andExpect(jsonPath("$.lad.name").value("Coventry"))
			.andExpect(jsonPath("$.ward.code", containsString("E05")))
			.andExpect(jsonPath("$.msoa.name", containsString("Coventry")))
			.andExpect(jsonPath("$.lsoa.name", containsString("Coventry")));
	}

	@Test
	void saysLondonIsOutsideTheAreasCovered() throws Exception {
		mvc.perform(get("/api/areas/lookup").param("lat", "51.5074").param("lon", "-0.1278"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Outside the areas covered"))
			.andExpect(jsonPath("$.detail", containsString("outside the areas covered")))
			.andExpect(jsonPath("$.detail", containsString("West Midlands")))
			.andExpect(jsonPath("$.region").value("West Midlands"))
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void namesAMissingCoordinate() throws Exception {
		mvc.perform(get("/api/areas/lookup").param("lon", "-1.9027"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("lat"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.detail", containsString("lat: is required")));
		mvc.perform(get("/api/areas/lookup"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("lat", "lon")));
	}

	@Test
	void namesACoordinateOutOfRangeOrNotANumber() throws Exception {
		mvc.perform(get("/api/areas/lookup").param("lat", "95").param("lon", "-1.9"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("lat"))
			.andExpect(jsonPath("$.errors[0].message", containsString("-90 to 90")));
		mvc.perform(get("/api/areas/lookup").param("lat", "52.48").param("lon", "-181"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lon"))
			.andExpect(jsonPath("$.errors[0].message", containsString("-180 to 180")));
		mvc.perform(get("/api/areas/lookup").param("lat", "NaN").param("lon", "-1.9"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lat"));
		mvc.perform(get("/api/areas/lookup").param("lat", "52.48").param("lon", "west"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("lon"));
	}

	@Test
	void answersOtherModulesFromTheSameData() {
		var found = geography.lookup(52.4797, -1.9027).orElseThrow();
		assertThat(found.lad()).isEqualTo(new AreaRef("E08000025", "Birmingham"));
		assertThat(found.at(AreaLevel.LSOA)).isEqualTo(new AreaRef("E01033620", "Birmingham 138A"));
		assertThat(geography.lookup(51.5074, -0.1278)).isEmpty();
		assertThat(geography.lookup(Double.NaN, -1.9)).isEmpty();
		assertThat(geography.regionName()).isEqualTo("West Midlands");

		var lsoa = geography.area("E01033620").orElseThrow();
		assertThat(lsoa.level()).isEqualTo(AreaLevel.LSOA);
		assertThat(lsoa.ladName()).isEqualTo("Birmingham");
		assertThat(lsoa.msoaCode()).isEqualTo("E02006899");
		assertThat(lsoa.vintage()).isEqualTo("2021");
		// English Indices of Deprivation 2025 on 2021 LSOAs (rank of 33,755)
		assertThat(lsoa.imdRank()).isEqualTo(8998);
		assertThat(geography.imdDecile("E01033620")).hasValue(3);
		assertThat(geography.deprivationEdition()).isEqualTo("IMD 2025");
		assertThat(geography.imdDecile("E08000025")).isEmpty();
		// The centroid of an LSOA lies in or next to it: looking it up finds the same
		// LAD.
		var centroid = geography.centroid("E01033620").orElseThrow();
		assertThat(geography.lookup(centroid.lat(), centroid.lon()).orElseThrow().lad().code()).isEqualTo("E08000025");

		assertThat(geography.areas(AreaLevel.LAD)).extracting(Area::code)
			.containsExactly("E08000025", "E08000026", "E08000027", "E08000028", "E08000029", "E08000030", "E08000031");
		assertThat(geography.lsoaCodes("E08000025")).hasSize(659).contains("E01033620");
		// Birmingham has had 69 wards since May 2018 (40 before)
		assertThat(geography.areas(AreaLevel.WARD, "E08000025")).hasSize(69);
		assertThat(geography.vintage(AreaLevel.WARD)).isEqualTo("May 2024");
		assertThat(geography.vintage(AreaLevel.LSOA)).isEqualTo("2021");
		assertThat(geography.bounds().orElseThrow().contains(52.4797, -1.9027)).isTrue();
		assertThat(geography.bounds().orElseThrow().contains(51.5074, -0.1278)).isFalse();

		// Birmingham borders Solihull, Sandwell, Walsall and Dudley, but not Coventry or
		// Wolverhampton.
		assertThat(geography.neighbours("E08000025")).contains("E08000029", "E08000028", "E08000030", "E08000027")
			.doesNotContain("E08000026", "E08000031", "E08000025");
		assertThat(geography.boundary("E08000026").orElseThrow().getArea()).isPositive();
		assertThat(geography.area("E08000026").orElseThrow().areaKm2()).isBetween(95.0, 101.0);
	}

	@Test
	void givesPointsTheWardOfTheirLsoaAndSmallAreasTheirPopulations() {
		// The 2024 wards are super-generalised: the LSOA's best-fit ward decides, so
		// counts by ward add up from counts by LSOA.
		var lsoas = geography.areas(AreaLevel.LSOA);
		assertThat(lsoas).hasSize(1_719).allSatisfy(lsoa -> {
			assertThat(lsoa.wardCode()).isNotNull();
			assertThat(lsoa.population()).isPositive();
			assertThat(lsoa.populationYear()).isEqualTo(2024);
		});
		for (var lsoa : List.of(lsoas.get(0), lsoas.get(700), lsoas.get(1_400))) {
			var inside = geography.boundary(lsoa.code()).orElseThrow().getInteriorPoint();
			var found = geography.lookup(inside.getY(), inside.getX()).orElseThrow();
			assertThat(found.lsoa().code()).isEqualTo(lsoa.code());
			assertThat(found.ward().code()).isEqualTo(lsoa.wardCode());
		}
		var lsoa = geography.area("E01033620").orElseThrow();
		assertThat(lsoa.wardCode()).isEqualTo("E05011151");
		assertThat(lsoa.population()).isEqualTo(1_503);
		assertThat(geography.area("E05011151").orElseThrow().population()).isEqualTo(26_701);
		assertThat(geography.area("E02006899").orElseThrow().population()).isEqualTo(7_543);
		// A ward's population is the sum of its LSOAs', everywhere.
		for (var ward : geography.areas(AreaLevel.WARD)) {
			assertThat(ward.population()).isEqualTo(
					lsoas.stream().filter(l -> ward.code().equals(l.wardCode())).mapToInt(l -> l.population()).sum());
		}
	}

	@Test
	void knowsLocalAuthorityPopulations() {
		// mid-2024: the sum of the district's LSOAs; 1997-2020 by single year of age
		assertThat(geography.population("E08000025", 2024)).hasValue(1_183_618);
		assertThat(geography.population("E08000026", 2024)).hasValue(369_026);
		assertThat(geography.population("E08000025", 2024, 15, 64)).isEmpty();
		assertThat(geography.area("E08000025").orElseThrow().population()).isEqualTo(1_183_618);
		assertThat(geography.area("E08000025").orElseThrow().populationYear()).isEqualTo(2024);
		assertThat(geography.population("E08000025", 2020)).hasValue(1_140_525);
		assertThat(geography.population("E08000025", 2020, 15, 64)).hasValue(749_262);
		// 1997-2000: the source leaves out ages 85 and over, so no all-ages figure, but
		// younger bands are known.
		assertThat(geography.population("E08000025", 1997)).isEmpty();
		assertThat(geography.population("E08000025", 1997, 15, 64)).hasValue(624_728);
		assertThat(geography.population("E08000025", 1997, 80, 90)).isEmpty();
		assertThat(geography.population("E08000025", 1990)).isEmpty();
		assertThat(geography.population("E99999999", 2020)).isEmpty();
		assertThat(geography.populationYears("E08000026")).hasSize(21).startsWith(2001).endsWith(2024);
	}

}
