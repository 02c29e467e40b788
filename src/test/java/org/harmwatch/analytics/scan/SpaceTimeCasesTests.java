package org.harmwatch.analytics.scan;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The scan's input: counts from arrays and from SaTScan's case and coordinates files, the
 * conventions those files follow (headers in any column order, white space or commas,
 * comments, slashes in dates, a given study period) and each bad input refused with the
 * line that holds it.
 */
class SpaceTimeCasesTests {

	static final LocalDate DAY0 = LocalDate.of(2024, 2, 27);

	static final String GEO = "loc,x,y\nA,0,0\nB,3,4\nC,-1.5,2\n";

	static SpaceTimeCases read(String cases, String geo) throws IOException {
		return SpaceTimeCases.readSatScan(new StringReader(cases), new StringReader(geo));
	}

	@Test
	void fromArraysKeepsCountsCoordinatesAndDays() {
		int[][] counts = { { 1, 0, 2 }, { 0, 5, 0 } };
		double[] x = { 1, 2 };
		SpaceTimeCases data = SpaceTimeCases.of(List.of("A", "B"), x, new double[] { 3, 4 }, DAY0, counts);
		x[0] = 99; // the data keeps its own copy
		counts[1][1] = 99;
		assertThat(data.locations()).containsExactly("A", "B");
		assertThat(data.locationCount()).isEqualTo(2);
		assertThat(data.days()).isEqualTo(3);
		assertThat(data.firstDay()).isEqualTo(DAY0);
		assertThat(data.day(2)).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(data.x(0)).isEqualTo(1.0);
		assertThat(data.y(1)).isEqualTo(4.0);
		assertThat(data.count(0, 2)).isEqualTo(2);
		assertThat(data.count(1, 1)).isEqualTo(5);
		assertThat(data.totalCases()).isEqualTo(8);
	}

	@Test
	void badArraysAreRefusedWithTheReason() {
		List<String> ab = List.of("A", "B");
		double[] two = { 0, 1 };
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpaceTimeCases.of(ab, new double[] { 0 }, two, DAY0, new int[2][3]))
			.withMessageContaining("differ in length");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpaceTimeCases.of(ab, two, new double[] { 0 }, DAY0, new int[2][3]))
			.withMessageContaining("differ in length");
		assertThatIllegalArgumentException().isThrownBy(() -> SpaceTimeCases.of(ab, two, two, DAY0, new int[1][3]))
			.withMessageContaining("differ in length");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpaceTimeCases.of(List.of(), new double[0], new double[0], DAY0, new int[0][]))
			.withMessageContaining("no locations");
		assertThatIllegalArgumentException().isThrownBy(() -> SpaceTimeCases.of(ab, two, two, DAY0, new int[2][0]))
			.withMessageContaining("no days");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpaceTimeCases.of(ab, two, two, DAY0, new int[][] { { 1, 2 }, { 3 } }))
			.withMessageContaining("location B has 1 days, not 2");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpaceTimeCases.of(ab, two, two, DAY0, new int[][] { { 1, 2 }, { 0, -1 } }))
			.withMessageContaining("negative count at B");
		assertThatIllegalArgumentException().isThrownBy(
				() -> SpaceTimeCases.of(ab, new double[] { 0, Double.NaN }, two, DAY0, new int[][] { { 1 }, { 1 } }))
			.withMessageContaining("location B has no finite coordinates");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpaceTimeCases.of(ab, two, new double[] { Double.POSITIVE_INFINITY, 0 }, DAY0,
					new int[][] { { 1 }, { 1 } }))
			.withMessageContaining("location A has no finite coordinates");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpaceTimeCases.of(List.of("A", "A"), two, two, DAY0, new int[][] { { 1 }, { 1 } }))
			.withMessageContaining("not unique");
		assertThat(SpaceTimeCases.of(ab, two, two, DAY0, new int[][] { { 0 }, { 0 } }).totalCases()).isZero();
	}

	@Test
	void headersMayNameTheColumnsInAnyOrderAndInAnyCase() throws IOException {
		String geo = "Y X ID\n0 0 A\n4 3 B\n2 -1.5 C\n";
		String cases = "# cases by day\n\nCases,Time,Location\n2,2024/02/27,B\n 1 , 2024-02-29 , C \n3,2024-02-29,C\n";
		SpaceTimeCases data = read(cases, geo);
		assertThat(data.locations()).containsExactly("A", "B", "C");
		assertThat(data.x(1)).isEqualTo(3.0);
		assertThat(data.y(1)).isEqualTo(4.0);
		assertThat(data.x(2)).isEqualTo(-1.5);
		assertThat(data.firstDay()).isEqualTo(DAY0);
		assertThat(data.days()).isEqualTo(3);
		assertThat(data.count(1, 0)).isEqualTo(2);
		assertThat(data.count(2, 2)).isEqualTo(4);
		assertThat(data.count(0, 1)).isZero();
		assertThat(data.totalCases()).isEqualTo(6);
	}

	@Test
	void theStudyPeriodComesFromTheCasesUnlessGiven() throws IOException {
		String cases = "B,2024-03-02,1\nA,2024-02-28,2\nC,2024-03-01,1\n";
		SpaceTimeCases fromCases = read(cases, GEO);
		assertThat(fromCases.firstDay()).isEqualTo(LocalDate.of(2024, 2, 28));
		assertThat(fromCases.days()).isEqualTo(4);
		assertThat(fromCases.count(1, 3)).isEqualTo(1);

		SpaceTimeCases startGiven = SpaceTimeCases.readSatScan(new StringReader(cases), new StringReader(GEO), DAY0,
				null);
		assertThat(startGiven.firstDay()).isEqualTo(DAY0);
		assertThat(startGiven.days()).isEqualTo(5);
		assertThat(startGiven.count(0, 1)).isEqualTo(2);

		SpaceTimeCases endGiven = SpaceTimeCases.readSatScan(new StringReader(cases), new StringReader(GEO), null,
				LocalDate.of(2024, 3, 10));
		assertThat(endGiven.firstDay()).isEqualTo(LocalDate.of(2024, 2, 28));
		assertThat(endGiven.days()).isEqualTo(12);

		SpaceTimeCases noCases = SpaceTimeCases.readSatScan(new StringReader("loc,date,count\n"), new StringReader(GEO),
				DAY0, DAY0);
		assertThat(noCases.days()).isEqualTo(1);
		assertThat(noCases.locationCount()).isEqualTo(3);
		assertThat(noCases.totalCases()).isZero();
	}

	@Test
	void anEmptyStudyPeriodIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpaceTimeCases.readSatScan(new StringReader(""), new StringReader(GEO)))
			.withMessageContaining("study period is empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpaceTimeCases.readSatScan(new StringReader(""), new StringReader(GEO), DAY0, null))
			.withMessageContaining("study period is empty");
		assertThatIllegalArgumentException().isThrownBy(
				() -> SpaceTimeCases.readSatScan(new StringReader(""), new StringReader(GEO), DAY0, DAY0.minusDays(1)))
			.withMessageContaining("study period is empty");
	}

	@Test
	void aCaseOutsideTheGivenStudyPeriodIsRefusedWithItsLine() {
		String cases = "A,2024-02-27,1\nB,2024-03-05,1\n";
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpaceTimeCases.readSatScan(new StringReader(cases), new StringReader(GEO), DAY0,
					LocalDate.of(2024, 3, 4)))
			.withMessageContaining("case line 2")
			.withMessageContaining("outside the study period 2024-02-27 to 2024-03-04");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpaceTimeCases.readSatScan(new StringReader(cases), new StringReader(GEO),
					LocalDate.of(2024, 2, 28), null))
			.withMessageContaining("case line 1")
			.withMessageContaining("outside the study period");
		// the last and first days themselves are in
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SpaceTimeCases
			.readSatScan(new StringReader(cases), new StringReader(GEO), DAY0, LocalDate.of(2024, 3, 5)))).isNull();
	}

	@Test
	void badLinesAreRefusedNamingTheFileAndLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> read("A,2024-02-27,1\n", GEO + "A,5,5\n"))
			.withMessageContaining("coordinates line 5: location A twice");
		assertThatIllegalArgumentException().isThrownBy(() -> read("A,2024-02-27\n", GEO))
			.withMessageContaining("case file line 1: expected 3 fields, found 2");
		assertThatIllegalArgumentException().isThrownBy(() -> read("A,2024-02-27,1\n", "A,0\n"))
			.withMessageContaining("coordinates file line 1: expected 3 fields, found 2");
		assertThatIllegalArgumentException().isThrownBy(() -> read("A,2024-02-27,1\n", GEO + "D,east,1\n"))
			.withMessageContaining("coordinates file line 5: 'east' is not a number");
		assertThatIllegalArgumentException().isThrownBy(() -> read("A,2024-02-27,1\nA,2024-02-28,many\n", GEO))
			.withMessageContaining("case file line 2: 'many' is not a number");
		assertThatIllegalArgumentException().isThrownBy(() -> read("A,2024-02-27,1.5\n", GEO))
			.withMessageContaining("case line 1: count must be a whole number");
		assertThatIllegalArgumentException().isThrownBy(() -> read("A,2024-02-27,-1\n", GEO))
			.withMessageContaining("case line 1: count must be a whole number");
		assertThatIllegalArgumentException().isThrownBy(() -> read("A,2024-02-27,3e9\n", GEO))
			.withMessageContaining("case line 1: count must be a whole number");
		assertThatIllegalArgumentException().isThrownBy(() -> read("A,27.02.2024,1\n", GEO))
			.withMessageContaining("case line 1: date '27.02.2024' is not yyyy-mm-dd");
		assertThatIllegalArgumentException().isThrownBy(() -> read("A,2024-02-27,1\nZ,2024-02-27,1\n", GEO))
			.withMessageContaining("case line 2: location Z is not in the coordinates file");
	}

	@Test
	void aZeroCountIsAcceptedAndStillSetsTheStudyPeriod() throws IOException {
		SpaceTimeCases data = read("A,2024-02-27,0\nB,2024-02-29,2\nC,2024-03-02,0\n", GEO);
		assertThat(data.firstDay()).isEqualTo(DAY0);
		assertThat(data.days()).isEqualTo(5);
		assertThat(data.count(0, 0)).isZero();
		assertThat(data.count(1, 2)).isEqualTo(2);
		assertThat(data.totalCases()).isEqualTo(2);
	}

	@Test
	void theLargestCountIsAccepted() throws IOException {
		SpaceTimeCases data = read("A,2024-02-27," + Integer.MAX_VALUE + "\n", GEO);
		assertThat(data.count(0, 0)).isEqualTo(Integer.MAX_VALUE);
		assertThat(data.totalCases()).isEqualTo(Integer.MAX_VALUE);
	}

}
