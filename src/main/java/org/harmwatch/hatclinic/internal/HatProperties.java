package org.harmwatch.hatclinic.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Heroin-assisted treatment's settings.
 *
 * @param missedDosesBeforeReview how many supervised doses missed in a row raise a
 * clinical review
 * @param districtCode the local authority district (ONS LAD code) the clinic serves from,
 * carried by {@code HatTreatmentStarted}
 * @param minimumAge the criteria's minimum age
 * @param minimumDependenceYears the criteria's years of opioid dependence
 * @param minimumFailedOralEpisodes the criteria's episodes of oral substitution treatment
 * that did not work
 * @param crimeLinkKey the key (base64, at least 32 bytes) of the keyed hash that turns a
 * police person identifier into the pseudonym of the recorded-crime link; held outside
 * the database (environment or secret store) and shared with the force out of band;
 * empty: no link can be recorded
 */
@ConfigurationProperties("harmwatch.hatclinic")
public record HatProperties(@DefaultValue("3") int missedDosesBeforeReview,
		@DefaultValue("E08000025") String districtCode, @DefaultValue("18") int minimumAge,
		@DefaultValue("3") int minimumDependenceYears, @DefaultValue("2") int minimumFailedOralEpisodes,
		@DefaultValue("") String crimeLinkKey) {

	public HatProperties {
		if (missedDosesBeforeReview < 1 || missedDosesBeforeReview > 60) {
			throw new IllegalArgumentException(
					"harmwatch.hatclinic.missed-doses-before-review must be between 1 and 60, not "
							+ missedDosesBeforeReview);
		}
	}

}
