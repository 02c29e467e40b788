/**
 * Kernel density heatmaps of point events on a regular grid: quartic (the QGIS and ArcGIS
 * default), Epanechnikov and Gaussian kernels.
 *
 * <p>
 * {@link org.harmwatch.analytics.density.KernelDensity} evaluates the kernel sum at every
 * cell centre of a {@link org.harmwatch.analytics.density.GridSpec} and returns a
 * {@link org.harmwatch.analytics.density.DensityGrid} with density (integrates to 1) and
 * intensity (events per unit area). The conventions are those of scikit-learn's
 * {@code KernelDensity} and spatstat's exact {@code densityfun}, checked against both in
 * the tests. Plain Java: no Spring, no I/O.
 */
@NullMarked
@NamedInterface("density")
package org.harmwatch.analytics.density;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
