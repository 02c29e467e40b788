/**
 * The drug-checking service: sites and sessions with their licence conditions, anonymous
 * samples (no name, contact details or date of birth — a random code on a printed label),
 * versioned on-site and lab results, flags, and the harm-reduction consultation.
 *
 * <p>
 * Used by drug-checking analysts, and by the public to look up their own result by its
 * code. Results leave the module only through {@link org.harmwatch.drugchecking.Release},
 * made by {@link org.harmwatch.drugchecking.ReleaseManagement}, which applies each
 * session's {@link org.harmwatch.drugchecking.LicenceCondition}s for the reader. Photos
 * of samples ({@link org.harmwatch.drugchecking.PhotoManagement}) follow the same rules,
 * and reach the public board only when the licence allows photographs to be published.
 * What each licence condition allows to be published, what a "final" result is (as
 * against each component's confidence), and how the board keeps counts under 5 from being
 * worked out are in docs/drug-checking-publication.md. A final result that is mis-sold,
 * holds an unexpected high-risk substance or is unusually strong publishes
 * {@link org.harmwatch.drugchecking.DangerousSampleFound}, which early warning turns into
 * a signal; this module does not know early warning. Field devices reserve blocks of
 * sample codes while online to issue them offline
 * ({@link org.harmwatch.drugchecking.SampleManagement#reserveCodes}).
 *
 * <p>
 * Every session belongs to the agency that ran it; staff of another agency see or change
 * it only under a data-sharing agreement recorded in
 * {@link org.harmwatch.agency.SharingManagement}. Who may see what is decided in one
 * place, {@link org.harmwatch.drugchecking.internal.DrugCheckingPolicy}.
 */
@NullMarked
@ApplicationModule(displayName = "Drug checking",
		allowedDependencies = { "shared", "platform", "platform :: imports", "substances", "geography", "agency" })
package org.harmwatch.drugchecking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
