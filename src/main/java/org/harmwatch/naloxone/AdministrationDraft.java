package org.harmwatch.naloxone;

import java.time.Instant;

import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.overdose.NaloxoneRoute;
import org.jspecify.annotations.Nullable;

/**
 * Naloxone given at an overdose, reported straight to the naloxone service (not through
 * an overdose incident).
 *
 * @param givenAt when it was given
 * @param givenBy who gave it
 * @param doses doses given, at least 1
 * @param route nasal or injected
 * @param outcome what became of the person
 * @param ladCode the district, if known
 */
public record AdministrationDraft(Instant givenAt, NaloxoneGiver givenBy, int doses, NaloxoneRoute route,
		AdministrationOutcome outcome, @Nullable String ladCode) {

}
