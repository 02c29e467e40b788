/**
 * The drug-checking service: samples handed in at checking sessions, their lab and on-site results, and what is
 * released to whom under each session's licence conditions.
 *
 * <p>Used by drug-checking analysts. Not built yet: for now it holds only the event it publishes when a sample is
 * dangerous, {@link org.harmwatch.drugchecking.DangerousSampleFound}, which early warning turns into a signal.
 */
@NullMarked
@ApplicationModule(displayName = "Drug checking", allowedDependencies = { "shared", "platform" })
package org.harmwatch.drugchecking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
