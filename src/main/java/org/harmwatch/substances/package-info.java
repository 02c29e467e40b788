/**
 * The substance vocabulary: substances, their classes and risk flags, and the aliases and
 * street names people use.
 *
 * <p>
 * Early-warning coordinators keep it up to date (pages, CSV import through the platform's
 * import facility, and export); everyone signed in reads it, because every report form
 * needs it. Other modules turn free text ("china white", "spice", "heroine") into a
 * substance through {@link org.harmwatch.substances.SubstanceManagement#resolve(String)}
 * and hear about changes through
 * {@link org.harmwatch.substances.SubstanceVocabularyChanged}. It holds no personal data.
 */
@NullMarked
@ApplicationModule(displayName = "Substance vocabulary",
		allowedDependencies = { "shared", "platform", "platform :: imports" })
package org.harmwatch.substances;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
