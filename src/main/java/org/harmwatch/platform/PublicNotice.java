package org.harmwatch.platform;

import java.time.Instant;

/**
 * One current notice for the public landing page, such as a drug alert in force.
 *
 * @param headline what it says, in one line
 * @param path where the public reads it
 * @param tagKey message key of its tag (e.g. the alert's level)
 * @param since when it was issued
 */
public record PublicNotice(String headline, String path, String tagKey, Instant since) {

}
