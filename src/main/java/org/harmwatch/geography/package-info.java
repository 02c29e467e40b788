/**
 * Areas of the region (local authorities, wards, MSOAs, LSOAs) with ONS codes,
 * populations and deprivation, and the lookup from a point to the areas that contain it.
 *
 * <p>
 * Used by every module that records where something happened, by maps, and by the public.
 */
@NullMarked
@ApplicationModule(displayName = "Geography", allowedDependencies = { "shared", "platform", "platform :: forms" })
package org.harmwatch.geography;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
