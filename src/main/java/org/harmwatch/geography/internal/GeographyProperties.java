package org.harmwatch.geography.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the region's geography comes from, and how forgiving the point lookup is.
 *
 * @param source the folder holding the dataset manifest ({@code dataset.properties}) and
 * its files, as a Spring resource location ({@code classpath:…} or {@code file:…})
 * @param lookupToleranceMetres a point inside a local authority that no ward, MSOA or
 * LSOA boundary covers is given the nearest area of that level within this distance, so
 * that gaps between generalised boundaries of different editions do not lose points; 0
 * turns it off. The region's edge (the local authority boundaries) is always exact.
 */
@ConfigurationProperties("harmwatch.geography")
public record GeographyProperties(@DefaultValue("classpath:geography/west-midlands-2024/") String source,
		@DefaultValue("50") double lookupToleranceMetres) {

}
