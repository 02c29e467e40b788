/**
 * Naloxone: the kit ledger (products, batches and their expiry, stock per holder,
 * transfers, supplies to people, returns and disposal), training, naloxone given at
 * overdoses, reissue tasks, and the public finder of places that give out kits.
 *
 * <p>
 * Used by naloxone leads in drug services and commissioners, who keep the ledger and
 * answer the programme's questions from it (people trained, lives saved, kits given to
 * prisoners on release), and by the public, who find where to get a kit without signing
 * in. An overdose recorded in {@code overdose} with naloxone from a police or ambulance
 * kit ({@link org.harmwatch.overdose.OverdoseRecorded}) creates one reissue task for that
 * holder (by event).
 *
 * <p>
 * Points of risk (prison release, bail and homeless hostels, hospital discharge after an
 * overdose, leaving treatment, custody release) are measured as a share: people supplied
 * a kit at the point (the ledger's supplies marked with it) over people who left it,
 * which the holder's naloxone lead enters as a count per point and month. A count, not a
 * per-person "left with a kit: yes/no", because that is what a lead can collect: prisons,
 * hospitals and hostels publish or share their release, discharge and move-on numbers,
 * whereas a list of everyone who left, kit or not, would be personal data about people
 * who never used the service, shared without a legal basis. Shares carry Wilson 95 %
 * intervals, so a small custody suite is not called a gap on three releases.
 *
 * <p>
 * Coverage sets kits supplied against population (2021 LSOAs, mid-year estimates),
 * deprivation (IMD deciles) and overdoses. Supplies count where the supplying holder is
 * (its optional point, checked to lie in the region), and overdoses are those at which
 * naloxone was given, as this module keeps them from {@code OverdoseRecorded} and direct
 * reports. The hotspot map asks {@code overdose} for one thing, counts of every reporting
 * agency's overdoses by LSOA ({@link org.harmwatch.overdose.OverdoseStatistics}), and the
 * analytics engine for their Gi* hotspots per 1,000 residents; docs/overdose-maps.md says
 * why that measure. The public finder shows listed holders on a map, with the list as its
 * text alternative.
 *
 * <p>
 * Every holder, and every movement, training and administration, belongs to the agency
 * that recorded it; staff of another agency see it only under a data-sharing agreement
 * recorded in {@link org.harmwatch.agency.SharingManagement}. A supply to a person is a
 * health record that names the person only by the service's pseudonymous client code,
 * which no law-enforcement reader ever sees. Who may see what is decided in one place,
 * {@link org.harmwatch.naloxone.internal.NaloxonePolicy}.
 */
@NullMarked
@ApplicationModule(displayName = "Naloxone", allowedDependencies = { "shared", "platform", "platform :: forms",
		"geography", "agency", "overdose", "overdose :: events", "analytics", "analytics :: hotspot" })
package org.harmwatch.naloxone;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
