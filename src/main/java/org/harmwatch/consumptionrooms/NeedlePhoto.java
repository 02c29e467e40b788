package org.harmwatch.consumptionrooms;

/**
 * A report's photo, as kept: re-encoded, without metadata.
 *
 * @param contentType its media type
 * @param content its bytes
 */
public record NeedlePhoto(String contentType, byte[] content) {

}
