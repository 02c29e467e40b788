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
 * holder; this module only listens to overdose's events.
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
@ApplicationModule(displayName = "Naloxone",
		allowedDependencies = { "shared", "platform", "geography", "agency", "overdose :: events" })
package org.harmwatch.naloxone;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
