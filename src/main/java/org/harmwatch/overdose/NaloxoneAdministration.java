package org.harmwatch.overdose;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * Naloxone given at an overdose: by whom, from whose kit, how much and how.
 *
 * @param givenBy who gave it
 * @param holderAgencyCode the agency whose kit was used (a police force, an ambulance
 * service, a hostel), if known; naloxone reissues a kit to it
 * @param doses doses given, at least 1
 * @param route nasal or injected
 */
@NamedInterface("events")
public record NaloxoneAdministration(NaloxoneGiver givenBy, @Nullable String holderAgencyCode, int doses,
		NaloxoneRoute route) {

	public NaloxoneAdministration {
		if (doses < 1) {
			throw new IllegalArgumentException("doses must be at least 1");
		}
	}

}
