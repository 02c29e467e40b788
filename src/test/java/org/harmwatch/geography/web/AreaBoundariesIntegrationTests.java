package org.harmwatch.geography.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each level's boundaries as GeoJSON: complete, with their figures, filterable, cacheable
 * and compressed.
 */
@HarmwatchIntegrationTest
class AreaBoundariesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@ParameterizedTest
	@CsvSource({ "lad, 7", "ward, 192", "msoa, 357", "lsoa, 1719" })
	void servesEveryAreaOfALevel(String level, int count) throws Exception {
		mvc.perform(get("/api/areas/" + level))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/geo+json"))
			.andExpect(jsonPath("$.type").value("FeatureCollection"))
			.andExpect(jsonPath("$.crs").doesNotExist())
			.andExpect(jsonPath("$.features", hasSize(count)))
			.andExpect(jsonPath("$.features[*].properties.level", everyItem(is(level))))
			.andExpect(jsonPath("$.features[*].properties.code", everyItem(notNullValue())))
			.andExpect(jsonPath("$.features[*].properties.name", everyItem(notNullValue())))
			.andExpect(jsonPath("$.features[*].properties.ladCode", everyItem(notNullValue())))
			.andExpect(jsonPath("$.features[*].properties.ladName", everyItem(notNullValue())))
			.andExpect(jsonPath("$.features[*].geometry.type",
					everyItem(org.hamcrest.Matchers.oneOf("Polygon", "MultiPolygon"))));
	}

	@Test
	void givesLocalAuthoritiesTheirPopulationAndLsoasTheirDeprivation() throws Exception {
		mvc.perform(get("/api/areas/lad"))
			.andExpect(jsonPath("$.features[0].id").value("E08000025"))
			.andExpect(jsonPath("$.features[0].properties.name").value("Birmingham"))
			.andExpect(jsonPath("$.features[0].properties.population").value(1_183_618))
			.andExpect(jsonPath("$.features[0].properties.populationYear").value(2024))
			.andExpect(jsonPath("$.features[0].properties.vintage").value("May 2024"))
			.andExpect(jsonPath("$.features[*].properties.population", everyItem(notNullValue())))
			.andExpect(jsonPath("$.attribution", containsString("Crown copyright")));
		mvc.perform(get("/api/areas/lsoa"))
			.andExpect(jsonPath("$.features[*].properties.imdDecile", everyItem(notNullValue())))
			.andExpect(jsonPath("$.features[*].properties.imdRank", everyItem(notNullValue())))
			.andExpect(jsonPath("$.features[*].properties.msoaCode", everyItem(notNullValue())))
			.andExpect(jsonPath("$.features[*].properties.wardCode", everyItem(notNullValue())))
			.andExpect(jsonPath("$.features[*].properties.population", everyItem(notNullValue())))
			.andExpect(jsonPath("$.features[?(@.id == 'E01033620')].properties.wardCode").value("E05011151"))
			.andExpect(jsonPath("$.features[?(@.id == 'E01033620')].properties.imdDecile").value(3))
			.andExpect(jsonPath("$.features[?(@.id == 'E01033620')].properties.ladName").value("Birmingham"));
	}

	@Test
	void filtersByLocalAuthority() throws Exception {
		mvc.perform(get("/api/areas/lsoa").param("lad", "E08000026"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.features", hasSize(203)))
			.andExpect(jsonPath("$.features[*].properties.ladCode", everyItem(is("E08000026"))));
		mvc.perform(get("/api/areas/ward").param("lad", "e08000025"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.features", hasSize(69)));
		mvc.perform(get("/api/areas/lad").param("lad", "E08000031"))
			.andExpect(jsonPath("$.features", hasSize(1)))
			.andExpect(jsonPath("$.features[0].properties.name").value("Wolverhampton"));
	}

	@Test
	void refusesAFilterThatIsNotALocalAuthorityOfTheRegion() throws Exception {
		mvc.perform(get("/api/areas/lsoa").param("lad", "E09000001"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("lad"))
			.andExpect(jsonPath("$.detail", containsString("E08000025")));
		// An LSOA code is an area, but not a local authority.
		mvc.perform(get("/api/areas/lsoa").param("lad", "E01033620")).andExpect(status().isBadRequest());
	}

	@Test
	void saysWhichLevelsThereAreForAnUnknownOne() throws Exception {
		mvc.perform(get("/api/areas/county"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Unknown area level"))
			.andExpect(jsonPath("$.detail", containsString("'county'")))
			.andExpect(jsonPath("$.detail", containsString("lad, ward, msoa, lsoa")))
			.andExpect(jsonPath("$.validLevels", hasSize(4)));
	}

	@Test
	void letsClientsCacheTheBoundaries() throws Exception {
		var first = mvc.perform(get("/api/areas/lsoa"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("max-age=3600")))
			.andExpect(header().string("Cache-Control", containsString("public")))
			.andReturn()
			.getResponse();
		var etag = first.getHeader("ETag");
		assertThat(etag).startsWith("W/\"");
		mvc.perform(get("/api/areas/lsoa").header("If-None-Match", etag))
			.andExpect(status().isNotModified())
			.andExpect(content().bytes(new byte[0]));
		// Another level or filter is another document.
		var filtered = mvc.perform(get("/api/areas/lsoa").param("lad", "E08000026")).andReturn().getResponse();
		assertThat(filtered.getHeader("ETag")).isNotEqualTo(etag);
		mvc.perform(get("/api/areas/lsoa").param("lad", "E08000026").header("If-None-Match", etag))
			.andExpect(status().isOk());
	}

	@Test
	void compressesTheBoundariesOverHttp() throws Exception {
		var http = HttpClient.newHttpClient();
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/areas/lsoa"))
			.header("Accept-Encoding", "gzip")
			.build();
		var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
		byte[] json;
		try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
			json = in.readAllBytes();
		}
		assertThat(response.body().length).isLessThan(json.length / 2);
		assertThat(JsonMapper.builder().build().readTree(json).path("features").size()).isEqualTo(1719);
	}

}
