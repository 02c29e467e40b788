package org.harmwatch.hatclinic.internal;

import java.util.ArrayList;
import java.util.List;

import org.harmwatch.hatclinic.Criterion;

/**
 * The documented criteria of suitability for heroin-assisted treatment (programme
 * recommendation 3.1): long-term opioid dependence, repeated failure to respond to oral
 * substitution treatment, age, and the capacity to attend twice a day.
 */
public final class Criteria {

	private Criteria() {
	}

	/** The criteria an assessment does not meet, in the documented order. */
	public static List<Criterion> notMet(int dependenceYears, int failedOralEpisodes, int age,
			boolean attendsTwiceDaily, HatProperties settings) {
		var notMet = new ArrayList<Criterion>();
		if (dependenceYears < settings.minimumDependenceYears()) {
			notMet.add(Criterion.LONG_TERM_DEPENDENCE);
		}
		if (failedOralEpisodes < settings.minimumFailedOralEpisodes()) {
			notMet.add(Criterion.FAILED_ORAL_TREATMENT);
		}
		if (age < settings.minimumAge()) {
			notMet.add(Criterion.AGE);
		}
		if (!attendsTwiceDaily) {
			notMet.add(Criterion.ATTENDS_TWICE_DAILY);
		}
		return notMet;
	}

}
