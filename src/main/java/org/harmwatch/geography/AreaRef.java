package org.harmwatch.geography;

/**
 * An area named by its ONS code (for example {@code E08000025}) and its name.
 *
 * @param code the ONS (GSS) code
 * @param name the area's name
 */
public record AreaRef(String code, String name) {

}
