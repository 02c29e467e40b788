package org.harmwatch.naloxone.web;

import java.util.Comparator;

import org.harmwatch.naloxone.Coverage;

/** What the coverage tables can be sorted by. */
enum CoverageSort {

	NAME(Comparator.comparing(Coverage.District::name), Comparator.comparing(Coverage.Lsoa::code)),
	POPULATION(Comparator.comparingLong(Coverage.District::population),
			Comparator.comparingLong(Coverage.Lsoa::population)),
	KITS(Comparator.comparingLong(Coverage.District::kits), Comparator.comparingLong(Coverage.Lsoa::kits)),
	PER_THOUSAND(Comparator.comparingDouble(Coverage.District::perThousand),
			Comparator.comparingDouble(Coverage.Lsoa::perThousand)),
	OVERDOSES(Comparator.comparingLong(Coverage.District::overdoses), Comparator.comparing(Coverage.Lsoa::code)),
	PER_HUNDRED_OVERDOSES(Comparator.comparing(Coverage.District::perHundredOverdoses,
			Comparator.nullsFirst(Comparator.naturalOrder())), Comparator.comparing(Coverage.Lsoa::code)),
	DECILE(Comparator.comparing(Coverage.District::name),
			Comparator.comparing(Coverage.Lsoa::imdDecile, Comparator.nullsLast(Comparator.naturalOrder())));

	private final Comparator<Coverage.District> districts;

	private final Comparator<Coverage.Lsoa> lsoas;

	CoverageSort(Comparator<Coverage.District> districts, Comparator<Coverage.Lsoa> lsoas) {
		this.districts = districts.thenComparing(Coverage.District::name);
		this.lsoas = lsoas.thenComparing(Coverage.Lsoa::code);
	}

	Comparator<Coverage.District> districts(boolean descending) {
		return descending ? districts.reversed() : districts;
	}

	Comparator<Coverage.Lsoa> lsoas(boolean descending) {
		return descending ? lsoas.reversed() : lsoas;
	}

}
