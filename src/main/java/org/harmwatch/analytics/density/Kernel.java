package org.harmwatch.analytics.density;

/**
 * The kernels a heatmap can use, each normalised to integrate to 1 over the plane, with
 * bandwidth h as scikit-learn defines it.
 */
public enum Kernel {

	/**
	 * Quartic (biweight), the QGIS and ArcGIS heatmap default:
	 * {@code K(d) = 3 / (pi h^2) (1 - d^2/h^2)^2} for {@code d < h}, else 0. h is the
	 * support radius (spatstat's sigma is {@code h / sqrt(8)}).
	 */
	QUARTIC,

	/**
	 * Epanechnikov: {@code K(d) = 2 / (pi h^2) (1 - d^2/h^2)} for {@code d < h}, else 0.
	 * h is the support radius (spatstat's sigma is {@code h / sqrt(6)}).
	 */
	EPANECHNIKOV,

	/**
	 * Gaussian: {@code K(d) = exp(-d^2 / (2 h^2)) / (2 pi h^2)}; h is the standard
	 * deviation of each coordinate (the same as spatstat's sigma). Unbounded support: see
	 * {@link KernelDensity} for its truncation.
	 */
	GAUSSIAN;

	/**
	 * The kernel's value at distance {@code distance} from an event.
	 * @param distance the distance, not negative
	 * @param bandwidth h, positive
	 * @return K(distance)
	 */
	public double value(double distance, double bandwidth) {
		double h2 = bandwidth * bandwidth;
		double u = distance * distance / h2;
		return switch (this) {
			case QUARTIC -> u < 1 ? 3.0 / (Math.PI * h2) * (1 - u) * (1 - u) : 0.0;
			case EPANECHNIKOV -> u < 1 ? 2.0 / (Math.PI * h2) * (1 - u) : 0.0;
			case GAUSSIAN -> Math.exp(-0.5 * u) / (2 * Math.PI * h2);
		};
	}

	/** Whether the kernel is zero beyond the bandwidth. */
	public boolean isCompact() {
		return this != GAUSSIAN;
	}

}
