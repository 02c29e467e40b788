package org.harmwatch.overdose;

/** Age bands of people who overdosed, as ODMAP and the ONS group them. */
public enum AgeBand {

	UNDER_18(0, 17), AGE_18_24(18, 24), AGE_25_34(25, 34), AGE_35_44(35, 44), AGE_45_54(45, 54), AGE_55_64(55, 64),
	AGE_65_PLUS(65, 130);

	private final int from;

	private final int to;

	AgeBand(int from, int to) {
		this.from = from;
		this.to = to;
	}

	/** The youngest age in the band, in whole years. */
	public int from() {
		return from;
	}

	/** The oldest age in the band, in whole years. */
	public int to() {
		return to;
	}

	/** The band an age in whole years falls in. */
	public static AgeBand of(int age) {
		for (var band : values()) {
			if (age >= band.from && age <= band.to) {
				return band;
			}
		}
		throw new IllegalArgumentException("age must be 0 to 130, not " + age);
	}

}
