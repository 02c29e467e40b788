package org.harmwatch.geography.internal;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.internal.Dataset.SourceArea;
import org.harmwatch.geography.internal.Dataset.SourcePopulation;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a region's geography from the files its manifest describes: nothing about a
 * region is in the code.
 */
class DatasetReaderTests {

	static final DefaultResourceLoader resources = new DefaultResourceLoader();

	static Map<String, SourceArea> byCode(Dataset dataset) {
		return dataset.areas().stream().collect(Collectors.toMap(SourceArea::code, Function.identity()));
	}

	@Test
	void readsARegionWhoseFilesAndPropertiesAreNamedDifferently() {
		var dataset = DatasetReader.read(resources, "classpath:geography/test-region");
		assertThat(dataset.id()).isEqualTo("test-region");
		assertThat(dataset.region()).isEqualTo("Testshire");
		assertThat(dataset.count(AreaLevel.LAD)).isEqualTo(2);
		assertThat(dataset.count(AreaLevel.WARD)).isEqualTo(2);
		assertThat(dataset.count(AreaLevel.MSOA)).isEqualTo(2);
		assertThat(dataset.count(AreaLevel.LSOA)).isEqualTo(4);

		var areas = byCode(dataset);
		assertThat(areas.get("TW2").name()).isEqualTo("Eastward");
		assertThat(areas.get("TW2").ladCode()).isEqualTo("T02");
		assertThat(areas.get("TW2").vintage()).isEqualTo("2022");
		// An unclosed ring is closed; a MultiPolygon keeps its parts.
		assertThat(areas.get("TL2").geometry().getArea()).isEqualTo(0.5);
		assertThat(areas.get("TL3").geometry().getNumGeometries()).isEqualTo(2);
		// LSOAs are placed in the MSOA their interior lies in.
		assertThat(areas.get("TL1").msoaCode()).isEqualTo("TM1");
		assertThat(areas.get("TL3").msoaCode()).isEqualTo("TM2");
		assertThat(areas.get("TM1").msoaCode()).isNull();
		// Deprivation joins on the LSOA code; a quoted cell with a comma does not shift
		// the columns.
		assertThat(areas.get("TL1").imdRank()).isEqualTo(120);
		assertThat(areas.get("TL1").imdDecile()).isEqualTo(1);
		assertThat(areas.get("TL2").imdDecile()).isEqualTo(10);
		assertThat(areas.get("TL4").imdDecile()).isNull();
		// Populations of other authorities in the file are left out; without age columns
		// there are no ages.
		assertThat(dataset.populations())
			.extracting(SourcePopulation::ladCode, SourcePopulation::year, SourcePopulation::allAges)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("T01", 2023, 1000),
					org.assertj.core.groups.Tuple.tuple("T02", 2023, 2000),
					org.assertj.core.groups.Tuple.tuple("T01", 2024, 1100));
		assertThat(dataset.populations()).allSatisfy(p -> {
			assertThat(p.complete()).isTrue();
			assertThat(p.byAge()).isEmpty();
		});
	}

	@Test
	void readsTheBundledWestMidlandsDataset() {
		var dataset = DatasetReader.read(resources, "classpath:geography/west-midlands/");
		assertThat(dataset.region()).isEqualTo("West Midlands");
		assertThat(dataset.count(AreaLevel.LAD)).isEqualTo(7);
		assertThat(dataset.count(AreaLevel.WARD)).isEqualTo(163);
		assertThat(dataset.count(AreaLevel.MSOA)).isEqualTo(356);
		assertThat(dataset.count(AreaLevel.LSOA)).isEqualTo(1680);
		var lsoas = dataset.areas().stream().filter(area -> area.level() == AreaLevel.LSOA).toList();
		assertThat(lsoas).allSatisfy(lsoa -> {
			assertThat(lsoa.msoaCode()).as("MSOA of %s", lsoa.code()).isNotNull();
			assertThat(lsoa.imdDecile()).as("IMD decile of %s", lsoa.code()).isBetween(1, 10);
		});
		// LSOA names are their MSOA's name plus a letter (Birmingham 138A is in
		// Birmingham 138): the spatial nesting
		// agrees with ONS's naming for every LSOA.
		var msoaNames = dataset.areas()
			.stream()
			.filter(area -> area.level() == AreaLevel.MSOA)
			.collect(Collectors.toMap(SourceArea::code, SourceArea::name));
		assertThat(lsoas).allSatisfy(lsoa -> assertThat(lsoa.name()).startsWith(msoaNames.get(lsoa.msoaCode())));

		assertThat(dataset.populations()).hasSize(7 * 24);
		// 1997-2000 publish no figures for ages 85 and over.
		assertThat(dataset.populations().stream().filter(p -> !p.complete()).count()).isEqualTo(28);
		var birmingham2020 = dataset.populations()
			.stream()
			.filter(p -> p.ladCode().equals("E08000025") && p.year() == 2020)
			.findFirst()
			.orElseThrow();
		assertThat(birmingham2020.allAges()).isEqualTo(1_140_525);
		assertThat(birmingham2020.byAge()).hasSize(91);
		assertThat(birmingham2020.byAge().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_140_525);
	}

	@Test
	void readsTheCurrentWestMidlandsDatasetWithBestFitWardsAndPopulations() {
		var dataset = DatasetReader.read(resources, "classpath:geography/west-midlands-2024/");
		assertThat(dataset.count(AreaLevel.LAD)).isEqualTo(7);
		assertThat(dataset.count(AreaLevel.WARD)).isEqualTo(192);
		assertThat(dataset.count(AreaLevel.MSOA)).isEqualTo(357);
		assertThat(dataset.count(AreaLevel.LSOA)).isEqualTo(1719);
		assertThat(dataset.deprivationEdition()).isEqualTo("IMD 2025");
		var byCode = dataset.areas().stream().collect(Collectors.toMap(SourceArea::code, area -> area));
		var lsoas = dataset.areas().stream().filter(area -> area.level() == AreaLevel.LSOA).toList();
		assertThat(lsoas).allSatisfy(lsoa -> {
			assertThat(lsoa.vintage()).isEqualTo("2021");
			assertThat(lsoa.imdDecile()).as("IMD decile of %s", lsoa.code()).isBetween(1, 10);
			assertThat(byCode.get(lsoa.wardCode()).level()).isEqualTo(AreaLevel.WARD);
			// ONS's best fit never puts an LSOA in another district's ward
			assertThat(byCode.get(lsoa.wardCode()).ladCode()).isEqualTo(lsoa.ladCode());
			assertThat(lsoa.name()).startsWith(byCode.get(lsoa.msoaCode()).name());
		});
		assertThat(lsoas.stream().mapToInt(SourceArea::population).sum()).isEqualTo(3_036_605);
		var perWard = dataset.areas()
			.stream()
			.filter(area -> area.level() == AreaLevel.WARD)
			.mapToInt(SourceArea::population)
			.sum();
		assertThat(perWard).isEqualTo(3_036_605);
		// 1997-2020 from the shared population file, 2024 added as the sum of the LSOAs
		assertThat(dataset.populations()).hasSize(7 * 25);
		assertThat(dataset.populations()).filteredOn(p -> p.ladCode().equals("E08000025") && p.year() == 2024)
			.singleElement()
			.satisfies(p -> {
				assertThat(p.allAges()).isEqualTo(1_183_618);
				assertThat(p.byAge()).isEmpty();
			});
	}

	@Test
	void refusesALookupNamingAWardTheDatasetDoesNotHave() {
		assertThatThrownBy(() -> DatasetReader.read(resources, "classpath:geography/wrong-ward-region/"))
			.isInstanceOf(DatasetException.class)
			.hasMessageContaining("lookup.csv, line 2")
			.hasMessageContaining("ward W99");
	}

	@Test
	void checksumChangesWithTheFilesAndNotBetweenReads() {
		var westMidlands = DatasetReader.checksum(resources, "classpath:geography/west-midlands/");
		assertThat(westMidlands).hasSize(64)
			.isEqualTo(DatasetReader.checksum(resources, "classpath:geography/west-midlands"));
		assertThat(DatasetReader.read(resources, "classpath:geography/west-midlands/").checksum())
			.isEqualTo(westMidlands);
		assertThat(DatasetReader.checksum(resources, "classpath:geography/test-region/")).isNotEqualTo(westMidlands);
	}

	@Test
	void saysWhichFileAndAreaIsWrong() {
		assertThatThrownBy(() -> DatasetReader.read(resources, "classpath:geography/broken-region/"))
			.isInstanceOf(DatasetException.class)
			.hasMessageContaining("lsoas.geojson")
			.hasMessageContaining("TL1 names local authority West 001A");
		assertThatThrownBy(() -> DatasetReader.read(resources, "classpath:geography/no-such-region/"))
			.isInstanceOf(DatasetException.class)
			.hasMessageContaining("no-such-region/dataset.properties");
	}

	@Test
	void splitsCsvLines() {
		assertThat(DatasetReader.cells("a,\"b, c\",\"say \"\"hi\"\"\",")).containsExactly("a", "b, c", "say \"hi\"",
				"");
		assertThat(DatasetReader.cells("\uFEFFcode,name")).containsExactly("code", "name");
	}

}
